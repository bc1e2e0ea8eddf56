//! Pure domain code: no actix, no diesel. Values that cannot be invalid once parsed.

pub mod audit;
pub mod banking;
pub mod crm;
pub mod documents;
pub mod health;
pub mod identity;
pub mod ids;
pub mod ledger;
pub mod money;
pub mod proposal;
pub mod retention;
pub mod throttle;
pub mod webhooks;

/// `word` with its indefinite article, for messages: `an invoice`, `a bill`, `an asset`.
pub fn a(word: impl std::fmt::Display) -> String {
    let word = word.to_string();
    let lower = word.to_ascii_lowercase();
    let vowel_sound = match lower.chars().next() {
        Some('a' | 'e' | 'i' | 'o') => true,
        // "an unpaid", but "a user", "a unit", "a USD".
        Some('u') => !["us", "uni", "use", "usd"]
            .iter()
            .any(|p| lower.starts_with(p)),
        _ => false,
    };
    format!("{} {word}", if vowel_sound { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn articles_follow_the_sound() {
        assert_eq!(super::a("invoice"), "an invoice");
        assert_eq!(super::a("credit note"), "a credit note");
        assert_eq!(super::a("expense"), "an expense");
        assert_eq!(super::a("account_manager"), "an account_manager");
        assert_eq!(super::a("viewer"), "a viewer");
        assert_eq!(super::a("user"), "a user");
    }
}
