//! A realistic two-year book checked against a model of it at many dates: balances, the
//! trial balance, the balance sheet, income statements and the general ledger.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use reqwest::StatusCode;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{
    assert_balance_sheet_balances, assert_trial_balance_balances, cr, d, date, dr, dv, entry,
    equity_row, tb_net,
};
use crate::support::TestApp;

/// One posted line as the test models it: base-currency and own-currency amounts, debit − credit.
#[derive(Clone)]
struct ModelLine {
    date: NaiveDate,
    code: String,
    base: Decimal,
    own: Decimal,
}

struct Model {
    lines: Vec<ModelLine>,
    types: HashMap<String, String>,
    fy_start_month: u32,
}

impl Model {
    fn add(&mut self, date: NaiveDate, code: &str, base: Decimal, own: Decimal) {
        self.lines.push(ModelLine {
            date,
            code: code.to_owned(),
            base,
            own,
        });
    }

    fn fy_start(&self, d: NaiveDate) -> NaiveDate {
        let m = self.fy_start_month;
        let y = if d.month() >= m {
            d.year()
        } else {
            d.year() - 1
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    fn is_pl(&self, code: &str) -> bool {
        matches!(self.types[code].as_str(), "income" | "expense")
    }

    fn debit_normal(&self, code: &str) -> bool {
        matches!(self.types[code].as_str(), "asset" | "expense")
    }

    /// Base debit − credit of `code` over [from, to].
    fn net(&self, code: &str, from: Option<NaiveDate>, to: NaiveDate) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.code == code && l.date <= to && !matches!(from, Some(f) if l.date < f))
            .map(|l| l.base)
            .sum()
    }

    fn own(&self, code: &str, to: NaiveDate) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.code == code && l.date <= to)
            .map(|l| l.own)
            .sum()
    }

    /// Income − expenses in [from, to].
    fn profit(&self, from: Option<NaiveDate>, to: NaiveDate) -> Decimal {
        -self
            .lines
            .iter()
            .filter(|l| {
                self.is_pl(&l.code) && l.date <= to && !matches!(from, Some(f) if l.date < f)
            })
            .map(|l| l.base)
            .sum::<Decimal>()
    }

    fn codes(&self) -> BTreeSet<String> {
        self.lines.iter().map(|l| l.code.clone()).collect()
    }
}

fn round2(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Posts an entry and records its lines in the model (`lines`: code, debit − credit in the
/// account's currency, explicit rate, base figure).
async fn post_modelled(
    b: &Books<'_>,
    m: &mut Model,
    date: NaiveDate,
    source: &str,
    lines: &[(&str, Decimal, Option<Decimal>, Decimal)],
) -> Value {
    let body_lines: Vec<Value> = lines
        .iter()
        .map(|(code, amount, rate, _)| {
            let mut l = if *amount > Decimal::ZERO {
                dr(&b.id(code), &amount.to_string())
            } else {
                cr(&b.id(code), &(-*amount).to_string())
            };
            if let Some(r) = rate {
                l["exchange_rate"] = json!(r.to_string());
            }
            l
        })
        .collect();
    let mut body = entry(&date.to_string(), body_lines);
    body["source"] = json!(source);
    let a = b.send(&body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{body}: {}", a.text);
    for (code, amount, _, base) in lines {
        m.add(date, code, *base, *amount);
    }
    a.body
}

async fn a_two_year_book_balances_at_every_date(app: TestApp) {
    // Arrange: fiscal years from July; 24 months from July 2024.
    let mut b = Books::with(&app, "Two Years Ltd", json!({"fiscal_year_start_month": 7})).await;
    b.create_account(
        json!({"code": "1020", "name": "Bank EUR", "type": "asset", "currency": "EUR"}),
    )
    .await;
    let mut m = Model {
        lines: Vec::new(),
        types: b
            .chart
            .by_code
            .iter()
            .map(|(c, a)| (c.clone(), a["type"].as_str().unwrap().to_owned()))
            .collect(),
        fy_start_month: 7,
    };
    let usd = |code: &'static str, amount: Decimal| (code, amount, None, amount);
    let start = date("2024-07-01");
    let mut mistaken = None;
    for month in 0..24u32 {
        let first = start
            .checked_add_months(chrono::Months::new(month))
            .unwrap();
        let day = |n: u32| first.with_day(n).unwrap();
        let k = Decimal::from(month);
        let b = &b;
        if month == 0 {
            post_modelled(
                b,
                &mut m,
                day(1),
                "opening",
                &[usd("1010", d("50000.00")), usd("3200", d("-50000.00"))],
            )
            .await;
        }
        if month == 1 {
            post_modelled(
                b,
                &mut m,
                day(1),
                "manual",
                &[usd("1010", d("20000.00")), usd("2300", d("-20000.00"))],
            )
            .await;
        }
        if month == 2 {
            post_modelled(
                b,
                &mut m,
                day(15),
                "manual",
                &[usd("1510", d("12000.00")), usd("1010", d("-12000.00"))],
            )
            .await;
        }
        // Rent, sales, services, utilities, salaries.
        post_modelled(
            b,
            &mut m,
            day(1),
            "manual",
            &[usd("6100", d("2500.00")), usd("1010", d("-2500.00"))],
        )
        .await;
        let sales = d("8000.00") + d("137.25") * k;
        post_modelled(
            b,
            &mut m,
            day(5),
            "manual",
            &[usd("1010", sales), usd("4000", -sales)],
        )
        .await;
        let services = d("1500.00") + d("45.10") * Decimal::from(month % 5);
        post_modelled(
            b,
            &mut m,
            day(12),
            "manual",
            &[usd("1000", services), usd("4100", -services)],
        )
        .await;
        let utilities = d("180.35") + k;
        post_modelled(
            b,
            &mut m,
            day(20),
            "manual",
            &[usd("6200", utilities), usd("1000", -utilities)],
        )
        .await;
        let salaries = d("4200.00") + d("10.00") * k;
        post_modelled(
            b,
            &mut m,
            day(28),
            "manual",
            &[usd("6000", salaries), usd("1010", -salaries)],
        )
        .await;
        if month >= 2 {
            // Depreciation and the loan's instalment with interest.
            post_modelled(
                b,
                &mut m,
                day(28),
                "manual",
                &[usd("6800", d("200.00")), usd("1590", d("-200.00"))],
            )
            .await;
            let interest = d("80.00") - k;
            post_modelled(
                b,
                &mut m,
                day(2),
                "manual",
                &[
                    usd("2300", d("500.00")),
                    usd("6700", interest),
                    usd("1010", -(d("500.00") + interest)),
                ],
            )
            .await;
        }
        if month % 3 == 1 {
            // A receipt in euros at the day's recorded rate.
            let rate = d("1.05") + d("0.0123") * k;
            let a = app
                .post("/api/v1/exchange-rates")
                .token(&b.token)
                .json(&json!({"currency": "EUR", "date": day(18).to_string(), "rate": rate.to_string()}))
                .send()
                .await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
            let eur = d("3000.00") + d("250.00") * k;
            let base = round2(eur * rate);
            if month == 7 {
                // Credited one cent more than the conversion: the cent goes to rounding.
                let e = post_modelled(
                    b,
                    &mut m,
                    day(18),
                    "manual",
                    &[("1020", eur, None, base), usd("4100", -(base + d("0.01")))],
                )
                .await;
                assert_eq!(e["lines"].as_array().unwrap().len(), 3, "{e}");
                m.add(day(18), "7100", d("0.01"), d("0.01"));
            } else {
                post_modelled(
                    b,
                    &mut m,
                    day(18),
                    "manual",
                    &[("1020", eur, None, base), usd("4100", -base)],
                )
                .await;
            }
        }
        if month == 10 {
            // Travel paid from the euro account at an explicit rate.
            let rate = d("1.1111");
            post_modelled(
                b,
                &mut m,
                day(22),
                "manual",
                &[
                    ("1020", d("-1000.00"), Some(rate), d("-1111.10")),
                    usd("6400", d("1111.10")),
                ],
            )
            .await;
        }
        if month == 5 {
            // Rent posted twice by mistake; reversed next month.
            let e = post_modelled(
                b,
                &mut m,
                day(9),
                "manual",
                &[usd("6100", d("2500.00")), usd("1010", d("-2500.00"))],
            )
            .await;
            mistaken = Some(e["id"].as_str().unwrap().to_owned());
        }
        if month == 6 {
            let r = b
                .reverse(
                    mistaken.as_deref().unwrap(),
                    &day(3).to_string(),
                    "Posted twice",
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            m.add(day(3), "6100", d("-2500.00"), d("-2500.00"));
            m.add(day(3), "1010", d("2500.00"), d("2500.00"));
        }
        if month == 13 {
            post_modelled(
                b,
                &mut m,
                day(7),
                "manual",
                &[usd("3000", d("1000.00")), usd("1010", d("-1000.00"))],
            )
            .await;
        }
        if month == 15 {
            post_modelled(
                b,
                &mut m,
                day(25),
                "manual",
                &[usd("6600", d("900.00")), usd("2200", d("-900.00"))],
            )
            .await;
        }
        if month == 16 {
            post_modelled(
                b,
                &mut m,
                day(10),
                "manual",
                &[usd("2200", d("900.00")), usd("1010", d("-900.00"))],
            )
            .await;
        }
    }

    let parents: BTreeSet<String> = b
        .chart
        .by_code
        .values()
        .filter_map(|a| a["parent_id"].as_str().map(str::to_owned))
        .collect();
    let id_of: HashMap<String, String> = b
        .chart
        .by_code
        .iter()
        .map(|(c, a)| (c.clone(), a["id"].as_str().unwrap().to_owned()))
        .collect();
    let code_of: HashMap<String, String> =
        id_of.iter().map(|(c, i)| (i.clone(), c.clone())).collect();
    let signed = |code: &str, net: Decimal| if m.debit_normal(code) { net } else { -net };

    for as_of in [
        "2024-09-30",
        "2025-06-30",
        "2025-07-01",
        "2025-12-31",
        "2026-03-15",
        "2026-06-30",
    ] {
        let as_of = date(as_of);
        let fy = m.fy_start(as_of);
        let prior = m.profit(None, fy.pred_opt().unwrap());
        let current = m.profit(Some(fy), as_of);

        // Every modelled account's balance endpoint agrees with the model.
        for code in m.codes() {
            let bal = b.balance(&id_of[&code], &format!("as_of={as_of}")).await;
            if parents.contains(&id_of[&code]) {
                continue;
            }
            assert_eq!(
                dv(&bal["balance"]),
                signed(&code, m.own(&code, as_of)),
                "{code} as of {as_of}: {bal}"
            );
            if code == "1020" {
                assert_eq!(
                    dv(&bal["base_balance"]),
                    m.net(&code, None, as_of),
                    "{code} as of {as_of}: {bal}"
                );
            }
        }
        // Fixed assets = equipment − accumulated depreciation.
        assert_eq!(
            b.bal(&id_of["1500"], &as_of.to_string()).await,
            m.net("1510", None, as_of) + m.net("1590", None, as_of),
            "fixed assets as of {as_of}"
        );

        // Trial balance: balances; each row is the model's figure.
        let tb = b
            .get(&format!("/api/v1/reports/trial-balance?as_of={as_of}"))
            .await;
        assert_trial_balance_balances(&tb);
        assert_eq!(tb["fiscal_year_start"], fy.to_string());
        for (code, id) in &id_of {
            let expected = if m.is_pl(code) {
                m.net(code, Some(fy), as_of)
            } else if code == "3100" {
                m.net(code, None, as_of) - prior
            } else {
                m.net(code, None, as_of)
            };
            assert_eq!(
                tb_net(&tb, id),
                expected,
                "trial balance row {code} as of {as_of}"
            );
        }
        for r in tb["rows"].as_array().unwrap() {
            assert!(
                code_of.contains_key(r["ledger_account_id"].as_str().unwrap()),
                "{r}"
            );
        }

        // Balance sheet: balances, and its computed rows are the model's.
        let bs = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={as_of}"))
            .await;
        assert_balance_sheet_balances(&bs);
        assert_eq!(
            equity_row(&bs, "retained_earnings"),
            prior,
            "retained earnings as of {as_of}"
        );
        assert_eq!(
            equity_row(&bs, "current_year_earnings"),
            current,
            "current year earnings as of {as_of}"
        );
        let assets: Decimal = m
            .codes()
            .iter()
            .filter(|c| m.types[*c] == "asset")
            .map(|c| m.net(c, None, as_of))
            .sum();
        assert_eq!(dv(&bs["totals"]["assets"]), assets, "assets as of {as_of}");

        // The income statement of the year to date is the current year's earnings.
        let is = b
            .get(&format!(
                "/api/v1/reports/income-statement?from={fy}&to={as_of}"
            ))
            .await;
        assert_eq!(
            dv(&is["totals"]["net_income"]),
            current,
            "net income {fy}..{as_of}"
        );
    }

    // Each fiscal year: the months' net incomes add up to the year's earnings at year end, and
    // become retained earnings the day after.
    for (fy_start, fy_end, next_day) in [
        ("2024-07-01", "2025-06-30", "2025-07-01"),
        ("2025-07-01", "2026-06-30", "2026-07-01"),
    ] {
        let mut sum = Decimal::ZERO;
        let mut month = date(fy_start);
        while month <= date(fy_end) {
            let last = month
                .checked_add_months(chrono::Months::new(1))
                .unwrap()
                .pred_opt()
                .unwrap();
            let is = b
                .get(&format!(
                    "/api/v1/reports/income-statement?from={month}&to={last}"
                ))
                .await;
            assert_eq!(
                dv(&is["totals"]["net_income"]),
                m.profit(Some(month), last),
                "{month}..{last}"
            );
            sum += dv(&is["totals"]["net_income"]);
            month = last.succ_opt().unwrap();
        }
        let bs = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={fy_end}"))
            .await;
        assert_eq!(
            equity_row(&bs, "current_year_earnings"),
            sum,
            "FY ending {fy_end}"
        );
        let next = b
            .get(&format!("/api/v1/reports/balance-sheet?as_of={next_day}"))
            .await;
        let prior_years = m.profit(None, date(fy_end));
        assert_eq!(equity_row(&next, "retained_earnings"), prior_years);
        assert_balance_sheet_balances(&next);
    }

    // The general ledger report's closing balances are the balance endpoint's (base currency).
    for (from, to) in [("2024-07-01", "2026-06-30"), ("2025-07-01", "2026-03-15")] {
        let gl = b
            .get(&format!(
                "/api/v1/reports/general-ledger?from={from}&to={to}"
            ))
            .await;
        assert_eq!(gl["currency"], "USD");
        let accounts = gl["accounts"].as_array().unwrap();
        let listed: BTreeSet<&str> = accounts
            .iter()
            .map(|a| a["ledger_account_id"].as_str().unwrap())
            .collect();
        for code in m.codes() {
            assert!(
                listed.contains(id_of[&code].as_str()),
                "{code} missing from the general ledger {from}..{to}"
            );
        }
        for a in accounts {
            let id = a["ledger_account_id"].as_str().unwrap();
            if parents.contains(id) {
                continue;
            }
            let code = &code_of[id];
            let bal = b.balance(id, &format!("as_of={to}")).await;
            let base = if bal["base_balance"].is_string() {
                dv(&bal["base_balance"])
            } else {
                dv(&bal["balance"])
            };
            assert_eq!(dv(&a["closing_balance"]), base, "{code} {from}..{to}");
            let opening = b
                .balance(id, &format!("as_of={}", date(from).pred_opt().unwrap()))
                .await;
            let opening = if opening["base_balance"].is_string() {
                dv(&opening["base_balance"])
            } else {
                dv(&opening["balance"])
            };
            assert_eq!(
                dv(&a["opening_balance"]),
                opening,
                "{code} opening at {from}"
            );
            // Running balances step line by line from the opening to the closing.
            let mut running = opening;
            for l in a["lines"].as_array().unwrap() {
                let step = dv(&l["debit"]) - dv(&l["credit"]);
                running += signed(code, step);
                assert_eq!(dv(&l["balance"]), running, "{code}: {l}");
            }
            assert_eq!(running, base, "{code}");
        }
    }
    // One account only.
    let gl = b
        .get(&format!(
            "/api/v1/reports/general-ledger?from=2024-07-01&to=2026-06-30&ledger_account_id={}",
            id_of["1020"]
        ))
        .await;
    assert_eq!(gl["accounts"].as_array().unwrap().len(), 1);
    assert_eq!(
        dv(&gl["accounts"][0]["closing_balance"]),
        m.net("1020", None, date("2026-06-30"))
    );
}
both_backends!(two_year_book, super::a_two_year_book_balances_at_every_date);
