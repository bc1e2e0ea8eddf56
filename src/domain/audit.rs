//! The audit trail's hash chain: each organization's rows, in the order they were sealed, each
//! hashed with the one before it, so that a changed, removed or reordered row breaks the chain
//! from that row on.

use sha2::{Digest, Sha256};

/// What of an audit row the chain covers: every stored field, as stored.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub id: &'a str,
    pub organization_id: &'a str,
    pub seq: i64,
    /// `YYYY-MM-DDTHH:MM:SS.ffffff`, the stored instant to the microsecond.
    pub at: &'a str,
    pub actor_kind: &'a str,
    pub actor_id: Option<&'a str>,
    pub request_id: Option<&'a str>,
    pub client_ip: Option<&'a str>,
    pub action: &'a str,
    pub resource_type: Option<&'a str>,
    pub resource_id: Option<&'a str>,
    /// The stored JSON text, byte for byte.
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// The hash that comes before an organization's first row.
pub const GENESIS: &str = "";

impl Link<'_> {
    /// The row's canonical content: a JSON array of its fields in a fixed order (strings or
    /// nulls; the sequence number as a string), so that no two different rows share it.
    fn canonical(&self) -> String {
        let seq = self.seq.to_string();
        let fields: [Option<&str>; 13] = [
            Some(self.id),
            Some(self.organization_id),
            Some(&seq),
            Some(self.at),
            Some(self.actor_kind),
            self.actor_id,
            self.request_id,
            self.client_ip,
            Some(self.action),
            self.resource_type,
            self.resource_id,
            self.before,
            self.after,
        ];
        serde_json::to_string(&fields).unwrap_or_default()
    }

    /// SHA-256, in lowercase hex, of the previous row's hash, a newline and this row's
    /// canonical content.
    pub fn hash(&self, previous: &str) -> String {
        let mut h = Sha256::new();
        h.update(previous.as_bytes());
        h.update(b"\n");
        h.update(self.canonical().as_bytes());
        hex::encode(h.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(action: &str) -> Link<'_> {
        Link {
            id: "0193a1f0-0000-7000-8000-000000000001",
            organization_id: "0193a1f0-0000-7000-8000-000000000002",
            seq: 1,
            at: "2026-12-01T10:00:00.000001",
            actor_kind: "user",
            actor_id: None,
            request_id: Some("r1"),
            client_ip: None,
            action,
            resource_type: Some("invoice"),
            resource_id: None,
            before: None,
            after: Some("{\"total\":\"10.00\"}"),
        }
    }

    #[test]
    fn a_changed_field_or_predecessor_changes_the_hash() {
        let base = link("invoice.created").hash(GENESIS);
        assert_eq!(base.len(), 64);
        assert_eq!(base, link("invoice.created").hash(GENESIS));
        assert_ne!(base, link("invoice.updated").hash(GENESIS));
        assert_ne!(base, link("invoice.created").hash(&base));
        let mut moved = link("invoice.created");
        moved.seq = 2;
        assert_ne!(base, moved.hash(GENESIS));
    }

    #[test]
    fn null_and_empty_are_different_content() {
        let mut a = link("x");
        a.request_id = None;
        let mut b = link("x");
        b.request_id = Some("");
        assert_ne!(a.hash(GENESIS), b.hash(GENESIS));
    }
}
