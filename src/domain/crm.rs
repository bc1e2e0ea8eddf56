//! The vocabulary of client relationships: the closed sets of values CRM records use.
//!
//! Requests carry these as text and are checked with [`parse_enum`], so that one request
//! with several bad values is refused with every one of them listed (serde stops at the
//! first). The OpenAPI schema still shows each set through `ToSchema`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A closed set of snake_case values.
pub trait TextEnum: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == s)
    }
    fn expected() -> String {
        Self::ALL
            .iter()
            .map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl TextEnum for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

text_enum!(
    /// How much the account matters; sets the default check-in cadence.
    Tier { Key => "key", Strategic => "strategic", Standard => "standard" }
);
text_enum!(
    /// `at_risk` is derived from open high and critical risks, never set by hand.
    AccountStatus { Prospect => "prospect", Active => "active", AtRisk => "at_risk", Churned => "churned" }
);
text_enum!(Seniority { CLevel => "c_level", Vp => "vp", Director => "director", Manager => "manager", Staff => "staff" });
text_enum!(Influence {
    Champion => "champion",
    EconomicBuyer => "economic_buyer",
    TechnicalBuyer => "technical_buyer",
    User => "user",
    Blocker => "blocker",
    Neutral => "neutral",
});
text_enum!(ContactStatus { Active => "active", Left => "left" });
text_enum!(InteractionKind {
    Call => "call",
    Meeting => "meeting",
    Email => "email",
    CheckIn => "check_in",
    Visit => "visit",
    Note => "note",
    Support => "support",
    Feedback => "feedback",
});
text_enum!(Direction { Inbound => "inbound", Outbound => "outbound", Internal => "internal" });
text_enum!(FeedbackKind { Csat => "csat", Nps => "nps" });
text_enum!(RequestKind { Inquiry => "inquiry", FeatureRequest => "feature_request", Issue => "issue" });
text_enum!(RequestStatus { Open => "open", Answered => "answered", Closed => "closed" });
text_enum!(Priority { Low => "low", Normal => "normal", High => "high", Urgent => "urgent" });
text_enum!(TaskStatus { Open => "open", Done => "done", Cancelled => "cancelled" });
text_enum!(OpportunityKind { NewBusiness => "new_business", Upsell => "upsell", Renewal => "renewal", CrossSell => "cross_sell" });
text_enum!(Stage {
    Qualification => "qualification",
    Proposal => "proposal",
    Negotiation => "negotiation",
    Won => "won",
    Lost => "lost",
});
text_enum!(ProposalStatus { Draft => "draft", Sent => "sent", Accepted => "accepted", Rejected => "rejected" });
text_enum!(RiskKind { ChurnRisk => "churn_risk", CompetitorThreat => "competitor_threat", Dispute => "dispute", Complaint => "complaint" });
text_enum!(Severity { Low => "low", Medium => "medium", High => "high", Critical => "critical" });
text_enum!(RiskStatus { Open => "open", Mitigating => "mitigating", Resolved => "resolved", Lost => "lost" });
text_enum!(
    /// An account plan's life: drafted, in force, or over.
    PlanStatus { Draft => "draft", Active => "active", Closed => "closed" }
);
text_enum!(ObjectiveKind {
    Revenue => "revenue",
    Adoption => "adoption",
    Satisfaction => "satisfaction",
    Relationship => "relationship",
    Custom => "custom",
});
text_enum!(ObjectiveStatus {
    OnTrack => "on_track",
    AtRisk => "at_risk",
    OffTrack => "off_track",
    Achieved => "achieved",
    Dropped => "dropped",
});
text_enum!(DecisionRole {
    DecisionMaker => "decision_maker",
    Influencer => "influencer",
    Champion => "champion",
    User => "user",
    Blocker => "blocker",
    Gatekeeper => "gatekeeper",
});
text_enum!(Stance { Supporter => "supporter", Neutral => "neutral", Detractor => "detractor", Unknown => "unknown" });
text_enum!(DisputeOutcome { Upheld => "upheld", Credited => "credited", Withdrawn => "withdrawn" });
text_enum!(TargetMetric {
    RevenueInvoiced => "revenue_invoiced",
    RevenueCollected => "revenue_collected",
    WonAmount => "won_amount",
    NewAccounts => "new_accounts",
    RetainedAccounts => "retained_accounts",
});

impl InteractionKind {
    /// Whether an interaction of this kind (with a contact) counts as a check-in for the
    /// cadence; notes, support tickets and feedback do not.
    pub fn is_check_in(self) -> bool {
        matches!(
            self,
            Self::Call | Self::Meeting | Self::Email | Self::CheckIn | Self::Visit
        )
    }
}

impl RiskStatus {
    pub fn is_live(self) -> bool {
        matches!(self, Self::Open | Self::Mitigating)
    }
}

/// Whether a risk opened on `opened_on` and resolved (or lost) on `resolved_on` was open on
/// `day`: opened by then and not resolved by then (it is closed from its resolution day on).
pub fn open_on(
    opened_on: chrono::NaiveDate,
    resolved_on: Option<chrono::NaiveDate>,
    day: chrono::NaiveDate,
) -> bool {
    opened_on <= day && resolved_on.is_none_or(|r| r > day)
}

impl Severity {
    /// High and critical live risks make an account `at_risk`.
    pub fn puts_account_at_risk(self) -> bool {
        matches!(self, Self::High | Self::Critical)
    }
}

impl TargetMetric {
    /// Money metrics are amounts in the base currency; the others are whole counts.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Self::RevenueInvoiced | Self::RevenueCollected | Self::WonAmount
        )
    }
}

/// The status an account shows: its own, or `at_risk` while a high or critical risk is live.
/// A churned account stays churned.
pub fn effective_status(own: AccountStatus, has_live_high_risk: bool) -> AccountStatus {
    if has_live_high_risk && own != AccountStatus::Churned {
        AccountStatus::AtRisk
    } else {
        own
    }
}

/// What a `website` may be, as the spec states it: blank, or an optional http(s) scheme, a
/// host name of at least two labels (letters, digits and `-`, non-ASCII letters included), an
/// optional port and an optional path, query or fragment of visible characters; spaces or tabs
/// around it are dropped. The character ranges leave out every character any regex flavour
/// counts as white space, so the spec's readers and the server agree on each string.
pub const WEBSITE_PATTERN: &str = concat!(
    r"^[ \t]*(?:(?:[Hh][Tt][Tt][Pp][Ss]?://)?",
    r"[-A-Za-z0-9\u00c0-\u167f\u3001-\ud7ff]+(?:\.[-A-Za-z0-9\u00c0-\u167f\u3001-\ud7ff]+)+",
    r"(?::[0-9]{1,5})?(?:[/?#][!-~\u00a1-\u167f\u3001-\ud7ff]*)?)?[ \t]*$",
);

/// The spec's schema of a `website` field (`null` clears it).
pub fn website_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{SchemaType, Type};
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .pattern(Some(WEBSITE_PATTERN))
        .max_length(Some(2000))
        .description(Some(
            "A web address such as `https://globex.example` (the scheme may be left out).",
        ))
        .examples(["https://globex.example"])
        .build()
}

/// Whether `website` follows [`WEBSITE_PATTERN`].
pub fn is_website(website: &str) -> bool {
    // The pattern is a constant; the unit test below proves it compiles.
    static RULE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    RULE.get_or_init(|| regex::Regex::new(WEBSITE_PATTERN).ok())
        .as_ref()
        .is_some_and(|rule| rule.is_match(website))
}

/// The host of a website without scheme, path, port or a leading `www.`, lower-cased: the
/// natural key imports match accounts on.
pub fn website_domain(website: &str) -> Option<String> {
    let s = website.trim().to_ascii_lowercase();
    let s = s
        .split_once("://")
        .map(|(_, rest)| rest.to_owned())
        .unwrap_or(s);
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map(|(_, h)| h).unwrap_or(host);
    let host = host.split(':').next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_owned())
}

/// Whether `ident` reads as an IBAN (two letters and two check digits first, spaces aside).
pub fn looks_like_iban(ident: &str) -> bool {
    let mut chars = ident.chars().filter(|c| !c.is_whitespace());
    let mut next = || chars.next();
    matches!(
        (next(), next(), next(), next()),
        (Some(a), Some(b), Some(c), Some(d))
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic()
                && c.is_ascii_digit() && d.is_ascii_digit()
    )
}

/// An account's name as an import matches it: case aside (Unicode lowercase).
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_their_text() {
        for s in Influence::ALL {
            assert_eq!(Influence::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Influence::parse("wizard"), None);
        assert_eq!(
            Stage::expected(),
            "qualification, proposal, negotiation, won, lost"
        );
    }

    #[test]
    fn at_risk_is_derived_but_never_over_churned() {
        assert_eq!(
            effective_status(AccountStatus::Active, true),
            AccountStatus::AtRisk
        );
        assert_eq!(
            effective_status(AccountStatus::Prospect, false),
            AccountStatus::Prospect
        );
        assert_eq!(
            effective_status(AccountStatus::Churned, true),
            AccountStatus::Churned
        );
    }

    #[test]
    fn websites_follow_the_stated_pattern() {
        for ok in [
            "https://www.globex.example/about?x=1#y",
            "HTTP://globex.example:8080",
            "globex.example",
            "  münchen.de ",
            "例え.jp/パス",
            "",
            " \t",
        ] {
            assert!(is_website(ok), "{ok:?}");
        }
        for bad in [
            "globex",
            "ftp://globex.example",
            "https://",
            "globex .example",
            "globex.example/a b",
            "user@globex.example",
            "\u{3000}globex.example",
            "globex.example\n",
            "globex..example",
        ] {
            assert!(!is_website(bad), "{bad:?}");
        }
    }

    #[test]
    fn website_domains_are_normalised() {
        assert_eq!(
            website_domain("https://www.Globex.example/about").as_deref(),
            Some("globex.example")
        );
        assert_eq!(
            website_domain("globex.example:8080").as_deref(),
            Some("globex.example")
        );
        assert_eq!(website_domain("not a site"), None);
    }

    #[test]
    fn only_conversations_count_as_check_ins() {
        assert!(InteractionKind::Visit.is_check_in());
        assert!(!InteractionKind::Note.is_check_in());
    }
}
