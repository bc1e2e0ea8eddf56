//! The trial balance, balance sheet and income statement across a fiscal-year boundary.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{
    assert_balance_sheet_balances, assert_trial_balance_balances, cr, d, dr, dv, equity_row, tb_net,
};
use crate::support::TestApp;

async fn fiscal_year_boundaries_split_current_and_retained_earnings(app: TestApp) {
    // Arrange: the fiscal year starts in April.
    let b = Books::with(&app, "April Ltd", json!({"fiscal_year_start_month": 4})).await;
    let (bank, sales, rent, salaries) = (b.id("1010"), b.id("4000"), b.id("6100"), b.id("6000"));
    let retained = b.role("retained_earnings");
    b.posted(
        "2025-05-15",
        vec![dr(&bank, "1000.00"), cr(&sales, "1000.00")],
    )
    .await; // FY2025/26
    b.posted("2025-06-15", vec![dr(&rent, "300.00"), cr(&bank, "300.00")])
        .await; // FY2025/26
    b.posted(
        "2026-05-01",
        vec![dr(&retained, "100.00"), cr(&bank, "100.00")],
    )
    .await; // a distribution
    b.posted(
        "2026-05-15",
        vec![dr(&bank, "2000.00"), cr(&sales, "2000.00")],
    )
    .await; // FY2026/27
    b.posted(
        "2026-06-10",
        vec![dr(&salaries, "500.00"), cr(&bank, "500.00")],
    )
    .await; // FY2026/27

    // Act + assert: trial balance as of 2026-06-30.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-06-30")
        .await;
    assert_eq!(tb["fiscal_year_start"], "2026-04-01");
    assert_eq!(tb["as_of"], "2026-06-30");
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &bank), d("2100.00"));
    assert_eq!(
        tb_net(&tb, &sales),
        d("-2000.00"),
        "income only from 2026-04-01"
    );
    assert_eq!(tb_net(&tb, &salaries), d("500.00"));
    assert_eq!(
        tb_net(&tb, &rent),
        Decimal::ZERO,
        "last year's expense is closed"
    );
    assert_eq!(
        tb_net(&tb, &retained),
        d("-600.00"),
        "earlier profit 700 less the 100 distribution"
    );
    assert_eq!(dv(&tb["totals"]["debit"]), d("2600.00"));
    let row = tb["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == sales.as_str())
        .unwrap();
    assert_eq!(row["code"], "4000");
    assert_eq!(row["type"], "income");
    assert_eq!(row["currency"], "USD");
    // Before the new year: last year's P&L is still current; no retained earnings yet.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-03-31")
        .await;
    assert_eq!(tb["fiscal_year_start"], "2025-04-01");
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &sales), d("-1000.00"));
    assert_eq!(tb_net(&tb, &rent), d("300.00"));
    assert_eq!(tb_net(&tb, &retained), Decimal::ZERO);
    // On the first day of the year: everything is retained.
    let tb = b
        .get("/api/v1/reports/trial-balance?as_of=2026-04-01")
        .await;
    assert_trial_balance_balances(&tb);
    assert_eq!(tb_net(&tb, &sales), Decimal::ZERO);
    assert_eq!(tb_net(&tb, &retained), d("-700.00"));

    // Balance sheet as of 2026-06-30.
    let bs = b
        .get("/api/v1/reports/balance-sheet?as_of=2026-06-30")
        .await;
    assert_balance_sheet_balances(&bs);
    assert_eq!(dv(&bs["totals"]["assets"]), d("2100.00"));
    assert_eq!(equity_row(&bs, "retained_earnings"), d("600.00"));
    assert_eq!(equity_row(&bs, "current_year_earnings"), d("1500.00"));
    assert_eq!(dv(&bs["totals"]["equity"]), d("2100.00"));
    let bs = b
        .get("/api/v1/reports/balance-sheet?as_of=2026-03-31")
        .await;
    assert_balance_sheet_balances(&bs);
    assert_eq!(equity_row(&bs, "retained_earnings"), Decimal::ZERO);
    assert_eq!(equity_row(&bs, "current_year_earnings"), d("700.00"));

    // Income statements.
    let is = b
        .get("/api/v1/reports/income-statement?from=2025-04-01&to=2026-03-31")
        .await;
    assert_eq!(is["from"], "2025-04-01");
    assert_eq!(is["to"], "2026-03-31");
    assert_eq!(dv(&is["totals"]["income"]), d("1000.00"));
    assert_eq!(dv(&is["totals"]["expenses"]), d("300.00"));
    assert_eq!(dv(&is["totals"]["net_income"]), d("700.00"));
    let sales_row = is["income"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ledger_account_id"] == sales.as_str())
        .unwrap();
    assert_eq!(dv(&sales_row["balance"]), d("1000.00"));
    let is = b
        .get("/api/v1/reports/income-statement?from=2026-04-01&to=2026-06-30")
        .await;
    assert_eq!(dv(&is["totals"]["net_income"]), d("1500.00"));
    let is = b
        .get("/api/v1/reports/income-statement?from=2025-06-01&to=2026-05-31")
        .await;
    assert_eq!(dv(&is["totals"]["income"]), d("2000.00"));
    assert_eq!(dv(&is["totals"]["expenses"]), d("300.00"));
    assert_eq!(dv(&is["totals"]["net_income"]), d("1700.00"));
    let a = app
        .get("/api/v1/reports/income-statement?from=2026-06-30&to=2026-04-01")
        .token(&b.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
}
both_backends!(
    fiscal_year_boundaries,
    super::fiscal_year_boundaries_split_current_and_retained_earnings
);
