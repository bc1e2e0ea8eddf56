//! The client-account dimension: journal, invoice and bill lines name the client account they
//! concern, and `GET /accounts/{id}/profitability` adds up what the account earned (without
//! tax, net of credit notes, collected) and what its tagged expense lines cost.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{line, qline, Rp};
use crate::both_backends;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

async fn profitability_adds_up_the_books_of_one_account(app: TestApp) {
    let rp = Rp::open(&app, "Margins Ltd").await;
    let c = rp.customer.clone();
    let (fees, accrued) = (rp.code("6600"), rp.code("2200"));
    let path =
        |from: &str, to: &str| format!("/api/v1/accounts/{c}/profitability?from={from}&to={to}");

    // An invoice in the period: 2 × 1500.00 taxed at 10% and 500.00 untaxed: 3500.00 without
    // tax, 3800.00 with it.
    let inv = app
        .issued(
            &rp.token,
            "invoices",
            json!({"account_id": c, "issue_date": "2026-02-10", "due_date": "2026-03-12",
                   "lines": [qline("2", "1500.00", Some(&rp.vat10)), line("500.00", None)]}),
        )
        .await;
    assert_eq!(inv["total"], "3800.00");
    let inv = id_of(&inv);
    // Its income lines carry the invoice's account.
    let doc = rp.doc("invoices", &inv).await;
    let entry = rp
        .get(&format!(
            "/api/v1/ledger/journal-entries/{}",
            doc["journal_entry_id"].as_str().unwrap()
        ))
        .await;
    for l in entry["lines"].as_array().unwrap() {
        assert_eq!(l["account_id"], json!(c), "{entry}");
    }
    // An invoice before the period, paid in it.
    let old = id_of(&rp.invoice(&c, "2025-12-15", "2026-01-14", "1000.00").await);
    rp.received(
        &c,
        "2026-01-05",
        "1000.00",
        json!([{"invoice_id": old, "amount": "1000.00", "date": "2026-01-05"}]),
    )
    .await;
    // A credit note of 200.00 + 10% against the invoice, then 1900.00 paid on it: collected
    // without tax 1900 × 3500 / 3800 = 1750.00.
    app.issued(
        &rp.token,
        "credit-notes",
        json!({"account_id": c, "invoice_id": inv, "issue_date": "2026-03-01",
               "lines": [line("200.00", Some(&rp.vat10))]}),
    )
    .await;
    rp.received(
        &c,
        "2026-03-10",
        "1900.00",
        json!([{"invoice_id": inv, "amount": "1900.00", "date": "2026-03-10"}]),
    )
    .await;

    // Costs: 1200.00 tagged and 300.00 not; 100.00 of the tagged cost given back; a tagged
    // cost before the period.
    let post = |date: &str, lines: Value| json!({"date": date, "description": "Subcontractors", "lines": lines});
    for (date, lines) in [
        (
            "2026-02-20",
            json!([{"ledger_account_id": fees, "debit": "1200.00", "account_id": c},
                   {"ledger_account_id": fees, "debit": "300.00"},
                   {"ledger_account_id": accrued, "credit": "1500.00"}]),
        ),
        (
            "2026-02-25",
            json!([{"ledger_account_id": fees, "credit": "100.00", "account_id": c},
                   {"ledger_account_id": accrued, "debit": "100.00"}]),
        ),
        (
            "2025-12-20",
            json!([{"ledger_account_id": fees, "debit": "999.00", "account_id": c},
                   {"ledger_account_id": accrued, "credit": "999.00"}]),
        ),
    ] {
        let a = rp
            .post("/api/v1/ledger/journal-entries", &post(date, lines))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        let tagged: Vec<&Value> = a.body["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["account_id"] == json!(c))
            .collect();
        assert_eq!(tagged.len(), 1, "{}", a.text);
    }
    // A bill from the vendor with a line for this client (400.00) and one for nobody: only the
    // tagged line's posted expense carries the client, the vendor's payable the vendor.
    let mut tagged_line = line("400.00", None);
    tagged_line["account_id"] = json!(c);
    tagged_line["ledger_account_id"] = json!(rp.code("5000"));
    let bill = app
        .issued(
            &rp.token,
            "bills",
            json!({"account_id": rp.vendor, "reference": "SUB-1", "issue_date": "2026-02-15",
                   "due_date": "2026-03-15", "lines": [tagged_line, line("250.00", None)]}),
        )
        .await;
    assert_eq!(bill["lines"][0]["account_id"], json!(c), "{bill}");
    assert_eq!(bill["lines"][1]["account_id"], Value::Null);
    let entry = rp
        .get(&format!(
            "/api/v1/ledger/journal-entries/{}",
            bill["journal_entry_id"].as_str().unwrap()
        ))
        .await;
    let tags: Vec<(String, Value)> = entry["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["base_amount"].as_str().unwrap().to_owned(),
                l["account_id"].clone(),
            )
        })
        .collect();
    assert!(tags.contains(&("400.00".into(), json!(c))), "{tags:?}");
    assert!(tags.contains(&("250.00".into(), Value::Null)), "{tags:?}");
    assert!(
        tags.contains(&("650.00".into(), json!(rp.vendor))),
        "{tags:?}"
    );

    // 3500 − 200 = 3300 net; costs 1200 − 100 + 400 = 1500; margin 1800 = 54.5455 %.
    let p = rp.get(&path("2026-01-01", "2026-06-30")).await;
    assert_eq!(
        p,
        json!({"account_id": c, "from": "2026-01-01", "to": "2026-06-30", "currency": "USD",
               "revenue_invoiced": "3500.00", "credits": "200.00", "net_revenue": "3300.00",
               "revenue_collected": "2750.00", "direct_costs": "1500.00", "margin": "1800.00",
               "margin_percent": "54.5455"}),
    );
    // A period with no revenue: no percentage; only the cost before it.
    let p = rp.get(&path("2025-12-16", "2025-12-31")).await;
    assert_eq!(p["net_revenue"], "0.00");
    assert_eq!(p["direct_costs"], "999.00");
    assert_eq!(p["margin"], "-999.00");
    assert_eq!(p["margin_percent"], Value::Null);

    // Periods are checked.
    let bad = |q: String| {
        let app = &app;
        let token = rp.token.clone();
        async move { app.get(&q).token(&token).send().await }
    };
    assert_field_refused(
        &bad(path("2026-06-30", "2026-01-01")).await,
        "date_order",
        "to",
    );
    let a = bad(path("2026-13-01", "2026-01-01")).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    assert_eq!(a.error_fields(), ["query:from"], "{}", a.text);
}
both_backends!(
    profitability_adds_up_the_books_of_one_account_works,
    super::profitability_adds_up_the_books_of_one_account
);

/// A line names a client account of the caller's organization, or is refused naming it.
async fn lines_name_client_accounts_of_the_organization(app: TestApp) {
    let rp = Rp::open(&app, "Tags Ltd").await;
    let stranger = Rp::open(&app, "Stranger Ltd").await;
    let (fees, accrued) = (rp.code("6600"), rp.code("2200"));
    let a = rp
        .post(
            "/api/v1/ledger/journal-entries",
            &json!({"date": "2026-02-20", "lines": [
                {"ledger_account_id": fees, "debit": "10.00", "account_id": stranger.customer},
                {"ledger_account_id": accrued, "credit": "10.00", "account_id": rp.customer}]}),
        )
        .await;
    assert_field_refused(&a, "not_found", "lines[0].account_id");
    assert_eq!(a.error_fields(), ["lines[0].account_id"]);
    let mut foreign = line("10.00", None);
    foreign["account_id"] = json!(stranger.customer);
    for (kind, account) in [("invoices", &rp.customer), ("bills", &rp.vendor)] {
        let a = rp
            .post(
                &format!("/api/v1/{kind}"),
                &json!({"account_id": account, "issue_date": "2026-02-20",
                        "lines": [line("5.00", None), foreign.clone()]}),
            )
            .await;
        assert_field_refused(&a, "not_found", "lines[1].account_id");
    }
    // An invoice line for another of our accounts posts its income with that account.
    let mut elsewhere = line("10.00", None);
    let other = rp.account("Sister Company", true, false, "USD").await;
    elsewhere["account_id"] = json!(other);
    let inv = app
        .issued(
            &rp.token,
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-02-20",
                   "lines": [line("5.00", None), elsewhere]}),
        )
        .await;
    assert_eq!(inv["lines"][1]["account_id"], json!(other));
    assert_eq!(inv["lines"][0]["account_id"], Value::Null);
    let entry = rp
        .get(&format!(
            "/api/v1/ledger/journal-entries/{}",
            inv["journal_entry_id"].as_str().unwrap()
        ))
        .await;
    let income: Vec<(String, Value)> = entry["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["credit"].is_string())
        .map(|l| {
            (
                l["credit"].as_str().unwrap().to_owned(),
                l["account_id"].clone(),
            )
        })
        .collect();
    assert!(
        income.contains(&("10.00".into(), json!(other))),
        "{income:?}"
    );
    assert!(
        income.contains(&("5.00".into(), json!(rp.customer))),
        "{income:?}"
    );
    // The other organization cannot read this account's profitability.
    let a = app
        .get(&format!("/api/v1/accounts/{}/profitability", rp.customer))
        .token(&stranger.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND, "{}", a.text);
}
both_backends!(
    lines_name_client_accounts_of_the_organization_works,
    super::lines_name_client_accounts_of_the_organization
);
