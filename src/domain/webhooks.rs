//! Webhook rules that need no I/O: which targets a delivery may reach (the SSRF guard), which
//! event types a subscription names, when a failed delivery is tried again, and the Standard
//! Webhooks signature.
//!
//! The guard parses URLs the way browsers do (WHATWG, the `url` crate), so every literal form
//! of an address (`http://2130706433/`, `http://0x7f.1/`, `http://017700000001/`) is already
//! the dotted address it means before it is checked. Names are checked here only for
//! `localhost`; what a name resolves to is checked by the caller with [`forbidden_address`],
//! at save and again at every send.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a webhook's `url` may not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Not an absolute http(s) URL with a host.
    Invalid(String),
    /// A target Accord refuses to call (loopback, private, link-local, ...).
    Forbidden(String),
}

impl UrlRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            UrlRefusal::Invalid(_) => "url",
            UrlRefusal::Forbidden(_) => "webhook_url_forbidden",
        }
    }

    pub fn message(&self) -> &str {
        match self {
            UrlRefusal::Invalid(m) | UrlRefusal::Forbidden(m) => m,
        }
    }
}

/// Where a webhook's URL points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetHost {
    /// A literal address, already checked.
    Address(IpAddr),
    /// A name, still to be resolved and checked.
    Name(String),
}

/// A webhook URL that parsed as http(s) with a host, normalised (WHATWG).
#[derive(Debug, Clone)]
pub struct WebhookUrl {
    url: url::Url,
    host: TargetHost,
}

impl WebhookUrl {
    /// Parses `raw`. With `allow_private`, only the shape is checked; otherwise literal
    /// addresses in forbidden ranges and `localhost` names are refused.
    pub fn parse(raw: &str, allow_private: bool) -> Result<WebhookUrl, UrlRefusal> {
        let raw = raw.trim();
        if raw.len() > 2000 {
            return Err(UrlRefusal::Invalid(
                "must be at most 2000 characters long".into(),
            ));
        }
        let url = url::Url::parse(raw).map_err(|e| {
            UrlRefusal::Invalid(format!("must be an absolute http or https URL ({e})"))
        })?;
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(UrlRefusal::Invalid("must use http or https".into()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlRefusal::Invalid(
                "must not carry credentials; authenticate deliveries with their signature".into(),
            ));
        }
        let host = match url.host() {
            None => return Err(UrlRefusal::Invalid("must name a host".into())),
            Some(url::Host::Ipv4(a)) => TargetHost::Address(IpAddr::V4(a)),
            Some(url::Host::Ipv6(a)) => TargetHost::Address(IpAddr::V6(a)),
            Some(url::Host::Domain(d)) => TargetHost::Name(d.trim_end_matches('.').to_owned()),
        };
        if !allow_private {
            match &host {
                TargetHost::Address(ip) => {
                    if let Some(why) = forbidden_address(*ip) {
                        return Err(forbidden(why));
                    }
                }
                TargetHost::Name(name) => {
                    let name = name.to_ascii_lowercase();
                    if name == "localhost" || name.ends_with(".localhost") {
                        return Err(forbidden("is a loopback name"));
                    }
                }
            }
        }
        Ok(WebhookUrl { url, host })
    }

    /// The URL as normalised (what is stored and called).
    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }

    pub fn host(&self) -> &TargetHost {
        &self.host
    }

    /// The host as the URL writes it (a name, or an address; IPv6 without brackets).
    pub fn host_text(&self) -> String {
        match &self.host {
            TargetHost::Address(ip) => ip.to_string(),
            TargetHost::Name(n) => n.clone(),
        }
    }

    /// The port, explicit or the scheme's default.
    pub fn port(&self) -> u16 {
        self.url.port_or_known_default().unwrap_or(443)
    }
}

fn forbidden(why: &str) -> UrlRefusal {
    UrlRefusal::Forbidden(format!(
        "{why}; webhooks may only call public addresses (an operator can allow private ones with ACCORD_WEBHOOK_ALLOW_PRIVATE=true)"
    ))
}

/// Why a delivery must not be sent to `ip`, or `None` for a public address.
pub fn forbidden_address(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    u32::from(ip) & mask == u32::from(Ipv4Addr::from(net)) & mask
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    const RANGES: &[([u8; 4], u32, &str)] = &[
        ([0, 0, 0, 0], 8, "is in this-network 0.0.0.0/8"),
        ([10, 0, 0, 0], 8, "is a private address (10.0.0.0/8)"),
        (
            [100, 64, 0, 0],
            10,
            "is a carrier-grade NAT address (100.64.0.0/10)",
        ),
        ([127, 0, 0, 0], 8, "is a loopback address"),
        (
            [169, 254, 0, 0],
            16,
            "is a link-local address (169.254.0.0/16)",
        ),
        ([172, 16, 0, 0], 12, "is a private address (172.16.0.0/12)"),
        (
            [192, 0, 0, 0],
            24,
            "is an IETF protocol assignment (192.0.0.0/24)",
        ),
        (
            [192, 168, 0, 0],
            16,
            "is a private address (192.168.0.0/16)",
        ),
        (
            [198, 18, 0, 0],
            15,
            "is a benchmarking address (198.18.0.0/15)",
        ),
        ([224, 0, 0, 0], 4, "is a multicast address"),
        ([240, 0, 0, 0], 4, "is a reserved address (240.0.0.0/4)"),
    ];
    RANGES
        .iter()
        .find(|(net, prefix, _)| in_v4(ip, *net, *prefix))
        .map(|(_, _, why)| *why)
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let s = ip.segments();
    if ip.is_unspecified() {
        return Some("is the unspecified address");
    }
    if ip.is_loopback() {
        return Some("is a loopback address");
    }
    // ::ffff:0:0/96 (IPv4-mapped) and ::/96 (IPv4-compatible, deprecated): the embedded
    // IPv4 address is what would be reached.
    if s[..5] == [0, 0, 0, 0, 0] && (s[5] == 0xffff || s[5] == 0) {
        return Some(
            forbidden_v4(embedded_v4(s[6], s[7]))
                .map(|_| "embeds a forbidden IPv4 address")
                .unwrap_or("is an IPv4-mapped address"),
        );
    }
    // 64:ff9b::/96 (NAT64) and 64:ff9b:1::/48 (local-use NAT64).
    if s[0] == 0x64 && s[1] == 0xff9b {
        return Some("is an IPv4-translated (NAT64) address");
    }
    if s[0] & 0xfe00 == 0xfc00 {
        return Some("is a unique-local address (fc00::/7)");
    }
    if s[0] & 0xffc0 == 0xfe80 {
        return Some("is a link-local address (fe80::/10)");
    }
    if s[0] & 0xffc0 == 0xfec0 {
        return Some("is a site-local address (fec0::/10)");
    }
    if s[0] & 0xff00 == 0xff00 {
        return Some("is a multicast address");
    }
    // 2002::/16 (6to4) embeds an IPv4 address in its second and third segments.
    if s[0] == 0x2002 && forbidden_v4(embedded_v4(s[1], s[2])).is_some() {
        return Some("embeds a forbidden IPv4 address (6to4)");
    }
    // 100::/64 (discard-only) and 2001:db8::/32 (documentation).
    if s[..4] == [0x100, 0, 0, 0] || (s[0] == 0x2001 && s[1] == 0xdb8) {
        return Some("is a reserved address");
    }
    None
}

fn embedded_v4(high: u16, low: u16) -> Ipv4Addr {
    let [a, b] = high.to_be_bytes();
    let [c, d] = low.to_be_bytes();
    Ipv4Addr::new(a, b, c, d)
}

/// Why `pattern` is not an event type or pattern a webhook can subscribe to: `*`,
/// `<kind>.*` or `<kind>.<action>`, each part lower-case letters, digits and `_`.
/// [`event_pattern_error`]'s rule as the spec states it (tested to agree below).
pub const EVENT_PATTERN_REGEX: &str = r"^(\*|[a-z][a-z0-9_]{0,63}\.(\*|[a-z][a-z0-9_]{0,63}))$";

/// An event type, a pattern of one resource's events, or `*`: the items of a webhook's
/// `events`, for the spec.
pub struct EventPattern;

impl utoipa::PartialSchema for EventPattern {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(EVENT_PATTERN_REGEX))
            .max_length(Some(129))
            .description(Some(
                "An event type (`invoice.issued`), all events of one resource (`invoice.*`) \
                 or every event (`*`).",
            ))
            .examples(["invoice.*"])
            .into()
    }
}

impl utoipa::ToSchema for EventPattern {}

pub fn event_pattern_error(pattern: &str) -> Option<&'static str> {
    if pattern == "*" {
        return None;
    }
    let word = |w: &str| {
        w.len() <= 64
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    match pattern.split_once('.') {
        Some((kind, action)) if word(kind) && (action == "*" || word(action)) => None,
        _ => {
            Some("must be an event type such as invoice.issued, a pattern such as invoice.*, or *")
        }
    }
}

/// Whether an event of `event_type` goes to a subscription of `pattern`.
pub fn pattern_matches(pattern: &str, event_type: &str) -> bool {
    if pattern == "*" || pattern == event_type {
        return true;
    }
    match pattern.strip_suffix(".*") {
        Some(kind) => event_type
            .strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with('.')),
        None => false,
    }
}

/// The default wait before each retry: 5 s, 30 s, 2 min, 15 min, 1 h, 4 h, 10 h.
pub const RETRY_SCHEDULE_SECS: &[u64] = &[5, 30, 120, 900, 3600, 4 * 3600, 10 * 3600];

/// How long to wait after the `failed_attempts`-th failure (1 = the first), with `jitter` in
/// [-1, 1] scaling ±20%; `None` when the schedule is spent and the delivery has failed.
pub fn retry_delay(schedule: &[u64], failed_attempts: usize, jitter: f64) -> Option<Duration> {
    let base = *schedule.get(failed_attempts.checked_sub(1)?)?;
    let factor = 1.0 + 0.2 * jitter.clamp(-1.0, 1.0);
    Some(Duration::from_millis(
        (base as f64 * 1000.0 * factor).round() as u64,
    ))
}

/// The prefix of a webhook secret (Standard Webhooks).
pub const SECRET_PREFIX: &str = "whsec_";

/// A secret from random bytes: `whsec_` + standard base64.
pub fn secret_from_bytes(bytes: &[u8]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(bytes))
}

/// One Standard Webhooks signature, `v1,<base64 HMAC-SHA256>` over `id.timestamp.body`,
/// keyed with the base64-decoded part of `secret` after `whsec_`; `None` for a secret that
/// is not of that form.
pub fn signature(secret: &str, msg_id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD
        .decode(secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret))
        .ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(msg_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The `webhook-signature` header: one signature per secret, space-separated.
pub fn signature_header(secrets: &[&str], msg_id: &str, timestamp: i64, body: &str) -> String {
    secrets
        .iter()
        .filter_map(|s| signature(s, msg_id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_spec_pattern_states_the_event_rule() {
        let spec = regex::Regex::new(EVENT_PATTERN_REGEX).unwrap();
        let long = "a".repeat(64);
        let too_long = "a".repeat(65);
        for sample in [
            "*",
            "invoice.*",
            "invoice.issued",
            "journal_entry.posted",
            "a1.b2",
            &format!("{long}.{long}"),
            &format!("{too_long}.x"),
            "",
            ".",
            "*.*",
            "invoice",
            "invoice.",
            ".issued",
            "Invoice.issued",
            "1nvoice.issued",
            "invoice.issued.x",
            "invoice.*x",
            "invoice.is sued",
            "invoice.\0",
            "invoice.issued\n",
        ] {
            assert_eq!(
                spec.is_match(sample),
                event_pattern_error(sample).is_none(),
                "{sample:?}"
            );
        }
    }

    fn refused(raw: &str) -> bool {
        matches!(WebhookUrl::parse(raw, false), Err(UrlRefusal::Forbidden(_)))
    }

    #[test]
    fn every_literal_form_of_a_forbidden_address_is_refused() {
        for raw in [
            "http://127.0.0.1/hook",
            "http://[::1]/hook",
            "http://10.0.0.1/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://[::ffff:127.0.0.1]/hook",
            "http://[::ffff:7f00:1]/hook",
            "http://localhost/hook",
            "http://LOCALHOST./hook",
            "http://api.localhost/hook",
            "http://2130706433/hook",
            "http://0x7f000001/hook",
            "http://0177.0.0.1/hook",
            "http://0x7f.1/hook",
            "http://017700000001/hook",
            "http://[64:ff9b::a00:1]/hook",
            "http://[fc00::1]/hook",
            "http://[fe80::1]/hook",
            "http://0.0.0.0/hook",
            "http://[::]/hook",
            "http://100.64.0.1/hook",
            "http://172.16.0.1/hook",
            "http://172.31.255.255/hook",
            "http://192.168.1.1/hook",
            "http://224.0.0.1/hook",
            "http://255.255.255.255/hook",
            "http://[ff02::1]/hook",
            "https://[::ffff:10.0.0.1]:8443/hook",
        ] {
            assert!(refused(raw), "{raw} should be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass_the_literal_check() {
        for raw in [
            "http://93.184.216.34/hook",
            "https://example.com/hooks?x=1",
            "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
            "http://172.32.0.1/hook",
            "http://100.128.0.1/hook",
        ] {
            assert!(WebhookUrl::parse(raw, false).is_ok(), "{raw}");
        }
    }

    #[test]
    fn literal_forms_are_normalised_to_the_address_they_mean() {
        for raw in [
            "http://2130706433/",
            "http://0x7f.1/",
            "http://017700000001/",
        ] {
            let url = WebhookUrl::parse(raw, true).unwrap();
            assert_eq!(
                url.host(),
                &TargetHost::Address(IpAddr::V4(Ipv4Addr::LOCALHOST)),
                "{raw}"
            );
        }
    }

    #[test]
    fn only_http_urls_with_a_host_and_no_credentials() {
        for raw in [
            "ftp://example.com/x",
            "file:///etc/passwd",
            "example.com/hook",
            "https://user:pw@example.com/",
            "javascript:alert(1)",
        ] {
            assert!(
                matches!(WebhookUrl::parse(raw, true), Err(UrlRefusal::Invalid(_))),
                "{raw}"
            );
        }
    }

    #[test]
    fn allowing_private_targets_allows_loopback() {
        assert!(WebhookUrl::parse("http://127.0.0.1:9000/hook", true).is_ok());
        assert!(WebhookUrl::parse("http://localhost:9000/hook", true).is_ok());
    }

    #[test]
    fn resolved_addresses_are_checked_the_same_way() {
        assert!(forbidden_address("10.1.2.3".parse().unwrap()).is_some());
        assert!(forbidden_address("::ffff:169.254.169.254".parse().unwrap()).is_some());
        assert!(forbidden_address("93.184.216.34".parse().unwrap()).is_none());
        assert!(forbidden_address("2606:4700::1111".parse().unwrap()).is_none());
    }

    #[test]
    fn patterns() {
        for ok in ["*", "invoice.*", "invoice.issued", "credit_note.voided"] {
            assert_eq!(event_pattern_error(ok), None, "{ok}");
        }
        for bad in [
            "",
            "invoice",
            "Invoice.issued",
            "invoice.",
            ".issued",
            "*.issued",
            "a.b.c",
        ] {
            assert!(event_pattern_error(bad).is_some(), "{bad}");
        }
        assert!(pattern_matches("*", "account.created"));
        assert!(pattern_matches("invoice.*", "invoice.issued"));
        assert!(!pattern_matches("invoice.*", "invoice_line.created"));
        assert!(pattern_matches("invoice.paid", "invoice.paid"));
        assert!(!pattern_matches("invoice.paid", "invoice.voided"));
    }

    #[test]
    fn retries_follow_the_schedule_with_bounded_jitter_then_stop() {
        assert_eq!(
            retry_delay(RETRY_SCHEDULE_SECS, 1, 0.0),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            retry_delay(RETRY_SCHEDULE_SECS, 7, 1.0),
            Some(Duration::from_secs(12 * 3600))
        );
        assert_eq!(
            retry_delay(RETRY_SCHEDULE_SECS, 2, -1.0),
            Some(Duration::from_secs(24))
        );
        assert_eq!(retry_delay(RETRY_SCHEDULE_SECS, 8, 0.0), None);
        assert_eq!(retry_delay(RETRY_SCHEDULE_SECS, 0, 0.0), None);
    }

    #[test]
    fn signature_matches_the_standard_webhooks_example() {
        // The example of the Standard Webhooks specification's reference libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
        let header = signature_header(&[secret, secret], "m", 1, "{}");
        assert_eq!(header.split(' ').count(), 2);
    }
}
