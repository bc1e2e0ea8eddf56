//! Retention: which customers a period kept, and how much of their revenue.
//!
//! - A customer account is **active** on a day when it is not churned by that day (churned on
//!   or before it) and it was issued an invoice in the 365 days ending on that day:
//!   `issue_date` in [day − 364, day], both ends included (see [`window`]).
//! - Its **trailing-twelve-month revenue** on a day is, over the same window, the base-currency
//!   subtotals (without tax) of its standing invoices less those of its standing credit notes.
//! - Over a period [from, to]: `accounts_at_start` are active at `from`; `new` are active at
//!   `to` and not at `from`; `lost` are active at `from` and not at `to`; logo retention is
//!   (accounts_at_start − lost) ÷ accounts_at_start; net revenue retention is Σ revenue at
//!   `to` ÷ Σ revenue at `from` over the accounts active at `from`; gross revenue retention the
//!   same with each account's revenue at `to` capped at its revenue at `from`.

use chrono::{Duration, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// How many days the trailing window spans, the day itself included.
pub const WINDOW_DAYS: i64 = 365;

/// The trailing window ending on `day`: its first and last day, both included.
pub fn window(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (day - Duration::days(WINDOW_DAYS - 1), day)
}

/// One account over a period, as retention sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    pub active_at_start: bool,
    pub active_at_end: bool,
    /// Trailing-twelve-month revenue at the start and at the end, in base minor units.
    pub revenue_at_start: i64,
    pub revenue_at_end: i64,
}

/// The sums a retention figure is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub accounts_at_start: i64,
    pub accounts_at_end: i64,
    pub new: i64,
    pub lost: i64,
    /// Σ revenue at the start over the accounts active at the start.
    pub revenue_at_start: i64,
    /// Σ revenue at the end over the same accounts.
    pub revenue_at_end: i64,
    /// The same, each account capped at its revenue at the start.
    pub revenue_at_end_capped: i64,
}

impl Tally {
    pub fn add(&mut self, s: &Standing) {
        if s.active_at_start {
            self.accounts_at_start += 1;
            self.revenue_at_start += s.revenue_at_start;
            self.revenue_at_end += s.revenue_at_end;
            self.revenue_at_end_capped += s.revenue_at_end.min(s.revenue_at_start);
            if !s.active_at_end {
                self.lost += 1;
            }
        } else if s.active_at_end {
            self.new += 1;
        }
        if s.active_at_end {
            self.accounts_at_end += 1;
        }
    }

    pub fn retained(&self) -> i64 {
        self.accounts_at_start - self.lost
    }

    pub fn logo_retention(&self) -> Option<String> {
        ratio(self.retained(), self.accounts_at_start)
    }

    pub fn gross_revenue_retention(&self) -> Option<String> {
        ratio(self.revenue_at_end_capped, self.revenue_at_start)
    }

    pub fn net_revenue_retention(&self) -> Option<String> {
        ratio(self.revenue_at_end, self.revenue_at_start)
    }
}

/// `part ÷ whole` with four decimal places (half away from zero), or None when `whole` is 0.
pub fn ratio(part: i64, whole: i64) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let mut r = (Decimal::from(part) / Decimal::from(whole))
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(4);
    Some(r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn the_window_is_365_days_ending_on_the_day() {
        assert_eq!(window(d("2026-12-31")), (d("2026-01-01"), d("2026-12-31")));
        // Across a leap day the window still spans 365 days.
        assert_eq!(window(d("2024-12-31")), (d("2024-01-02"), d("2024-12-31")));
    }

    #[test]
    fn ratios_have_four_places_and_none_without_a_denominator() {
        assert_eq!(ratio(1, 2).as_deref(), Some("0.5000"));
        assert_eq!(ratio(2, 3).as_deref(), Some("0.6667"));
        assert_eq!(ratio(3, 3).as_deref(), Some("1.0000"));
        assert_eq!(ratio(5, 0), None);
    }

    #[test]
    fn a_tally_counts_new_lost_and_caps_gross_retention() {
        let mut t = Tally::default();
        for s in [
            // Kept and grew: 100 → 150.
            Standing {
                active_at_start: true,
                active_at_end: true,
                revenue_at_start: 100,
                revenue_at_end: 150,
            },
            // Kept and shrank: 100 → 60.
            Standing {
                active_at_start: true,
                active_at_end: true,
                revenue_at_start: 100,
                revenue_at_end: 60,
            },
            // Lost.
            Standing {
                active_at_start: true,
                active_at_end: false,
                revenue_at_start: 200,
                revenue_at_end: 0,
            },
            // New: not in the cohort's revenue.
            Standing {
                active_at_start: false,
                active_at_end: true,
                revenue_at_start: 0,
                revenue_at_end: 999,
            },
        ] {
            t.add(&s);
        }
        assert_eq!(
            (t.accounts_at_start, t.new, t.lost, t.accounts_at_end),
            (3, 1, 1, 3)
        );
        assert_eq!(t.logo_retention().as_deref(), Some("0.6667"));
        assert_eq!(t.net_revenue_retention().as_deref(), Some("0.5250"));
        assert_eq!(t.gross_revenue_retention().as_deref(), Some("0.4000"));
    }
}
