//! The tax summary and the statement of account.

use reqwest::StatusCode;
use serde_json::json;

use super::{aging_row, line, qline, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

async fn tax_summary_and_statement_of_account(app: TestApp) {
    let rp = Rp::open(&app, "Reports Ltd").await;
    let standard = rp.rates["Standard rate"].clone();
    let exempt = rp.rates["Exempt"].clone();
    let irrecoverable = rp.tax_rate("Irrecoverable 20", "0.20", false).await;

    // September: invoices 200 @10% and 50 @20% and 30 exempt; a credit note 40 @10%; bills
    // 125 @10% and 100 @ irrecoverable 20%; a vendor credit 25 @10%. October: one more
    // invoice that is outside the range; a voided invoice does not count.
    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-09-01", "due_date": "2026-09-30",
                   "lines": [qline("2", "100.00", Some(&rp.vat10)), line("50.00", Some(&standard)), line("30.00", Some(&exempt))]}),
        )
        .await;
    let inv = rp.issue("invoices", &id_of(&inv)).await;
    assert_eq!(inv["total"], "310.00");
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": id_of(&inv), "issue_date": "2026-09-10",
                   "lines": [line("40.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("credit-notes", &id_of(&cn)).await;
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "T-1", "issue_date": "2026-09-05",
                   "lines": [qline("10", "12.50", Some(&rp.vat10)), line("100.00", Some(&irrecoverable))]}),
        )
        .await;
    let bill = rp.issue("bills", &id_of(&bill)).await;
    let vc = rp
        .draft(
            "vendor-credits",
            json!({"account_id": rp.vendor, "bill_id": id_of(&bill), "issue_date": "2026-09-06",
                   "lines": [line("25.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("vendor-credits", &id_of(&vc)).await;
    let later = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-10-01", "lines": [line("1000.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("invoices", &id_of(&later)).await;
    let voided = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-09-20", "lines": [line("500.00", Some(&rp.vat10))]}),
        )
        .await;
    rp.issue("invoices", &id_of(&voided)).await;
    let a = rp.action("invoices", &id_of(&voided), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);

    let sm = rp
        .get("/api/v1/reports/tax-summary?from=2026-09-01&to=2026-09-30")
        .await;
    assert_eq!(sm["currency"], "USD");
    let row = |id: &str| {
        sm["rates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["tax_rate_id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no row for {id}: {sm}"))
    };
    let vat = row(&rp.vat10);
    assert_eq!(vat["sales_net"], "160.00", "{sm}");
    assert_eq!(vat["tax_collected"], "16.00");
    assert_eq!(vat["purchases_net"], "100.00");
    assert_eq!(vat["tax_paid"], "10.00");
    assert_eq!(vat["tax_recoverable"], "10.00");
    let std = row(&standard);
    assert_eq!(std["sales_net"], "50.00");
    assert_eq!(std["tax_collected"], "10.00");
    let ex = row(&exempt);
    assert_eq!(ex["sales_net"], "30.00");
    assert_eq!(ex["tax_collected"], "0.00");
    let irr = row(&irrecoverable);
    assert_eq!(irr["purchases_net"], "100.00");
    assert_eq!(irr["tax_paid"], "20.00");
    assert_eq!(irr["tax_recoverable"], "0.00");
    assert_eq!(sm["totals"]["tax_collected"], "26.00");
    assert_eq!(sm["totals"]["tax_paid"], "30.00");
    assert_eq!(sm["totals"]["tax_recoverable"], "10.00");
    assert_eq!(sm["totals"]["net_tax"], "16.00");
    // The ledger agrees: sales tax 26.00 and recoverable tax 10.00 as of September's end.
    assert_eq!(
        rp.bal(&rp.role("sales_tax"), "2026-09-30").await,
        d("26.00")
    );
    assert_eq!(
        rp.bal(&rp.role("tax_recoverable"), "2026-09-30").await,
        d("10.00")
    );
    // Range refusals.
    let a = app
        .get("/api/v1/reports/tax-summary?from=2026-09-30&to=2026-09-01")
        .token(&rp.token)
        .send()
        .await;
    assert_field_refused(&a, "date_order", "to");
    let a = app
        .get("/api/v1/reports/tax-summary?from=2026-09-01")
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);
    let a = app
        .get("/api/v1/reports/ar-aging?as_of=2026-02-30")
        .token(&rp.token)
        .send()
        .await;
    assert!(a.status.is_client_error() && a.is_problem(), "{}", a.text);

    // Statement: invoice 310 (09-01), credit 44 (09-10), payment 100 (09-15), invoice
    // 1,100 (10-01); the void invoice is not on it.
    rp.received(
        &rp.customer,
        "2026-09-15",
        "100.00",
        json!([{"invoice_id": id_of(&inv), "amount": "100.00"}]),
    )
    .await;
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-01&to=2026-10-31",
            rp.customer
        ))
        .await;
    assert_eq!(st["ledger"], "receivable");
    assert_eq!(st["currency"], "USD");
    assert_eq!(st["opening_balance"], "0.00");
    let lines: Vec<(String, String, String)> = st["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_owned(),
                l["amount"].as_str().unwrap().to_owned(),
                l["balance"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("invoice", "310.00", "310.00"),
        ("credit_note", "-44.00", "266.00"),
        ("payment", "-100.00", "166.00"),
        ("invoice", "1100.00", "1266.00"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(lines, expected, "{st}");
    assert_eq!(st["closing_balance"], "1266.00");
    assert_eq!(st["lines"][0]["number"], "INV-0001");
    // From a later date the earlier lines fold into the opening balance.
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-12&to=2026-09-30",
            rp.customer
        ))
        .await;
    assert_eq!(st["opening_balance"], "266.00", "{st}");
    assert_eq!(st["lines"].as_array().unwrap().len(), 1);
    assert_eq!(st["closing_balance"], "166.00");
    // The closing balance is what the aging says the customer owes.
    let ag = rp.aging("ar", "2026-10-31").await;
    assert_eq!(
        dv(&aging_row(&ag, &rp.customer).unwrap()["total"]),
        d("1266.00")
    );
    // A vendor's statement is the payables side.
    let st = rp
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-09-01&to=2026-09-30",
            rp.vendor
        ))
        .await;
    assert_eq!(st["ledger"], "payable");
    assert_eq!(st["closing_balance"], "230.00", "{st}");
    // Unknown account: 404; bad range: 422.
    let a = app
        .get(&format!(
            "/api/v1/accounts/{}/statement",
            uuid::Uuid::now_v7()
        ))
        .token(&rp.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");
    let a = app
        .get(&format!(
            "/api/v1/accounts/{}/statement?from=2026-10-01&to=2026-09-01",
            rp.customer
        ))
        .token(&rp.token)
        .send()
        .await;
    assert_field_refused(&a, "date_order", "to");
}
both_backends!(
    tax_summary_and_statement,
    super::tax_summary_and_statement_of_account
);
