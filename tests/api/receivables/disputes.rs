//! Disputes in the books: a dispute names an amount per issued invoice (at most its amount
//! due), the invoices show it while the dispute is open, the receivables aging carries it in
//! a `disputed` column that stays inside the buckets (which still tie to the control account),
//! and resolving it as credited names issued credit notes of the account.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{aging_row, line, Rp};
use crate::both_backends;
use crate::support::books::dv;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

fn dispute(account: &str, disputed: Value) -> Value {
    json!({"account_id": account, "kind": "dispute", "severity": "medium",
           "description": "hours billed twice", "disputed_invoices": disputed})
}

async fn disputes_follow_invoices_aging_and_credit_notes(app: TestApp) {
    let rp = Rp::open(&app, "Disputes Ltd").await;
    let inv = id_of(
        &rp.invoice(&rp.customer, "2026-03-01", "2026-03-31", "1000.00")
            .await,
    );
    let other = id_of(
        &rp.invoice(&rp.customer, "2026-03-05", "2026-04-04", "300.00")
            .await,
    );
    let quiet = id_of(
        &rp.invoice(&rp.customer, "2026-03-06", "2026-04-05", "80.00")
            .await,
    );
    rp.received(
        &rp.customer,
        "2026-03-20",
        "400.00",
        json!([{"invoice_id": inv, "amount": "400.00", "date": "2026-03-20"}]),
    )
    .await;
    let draft = id_of(
        &rp.draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-03-07", "lines": [line("5.00", None)]}),
        )
        .await,
    );
    let elsewhere = rp.account("Other Customer", true, false, "USD").await;
    let theirs = id_of(
        &rp.invoice(&elsewhere, "2026-03-01", "2026-03-31", "50.00")
            .await,
    );

    // More than the amount due (600.00 after the payment), a draft, another account's
    // invoice, a bad amount: each named.
    let a = rp
        .post(
            "/api/v1/risks",
            &dispute(
                &rp.customer,
                json!([{"invoice_id": inv, "amount": "600.01"}, {"invoice_id": draft, "amount": "1.00"},
                       {"invoice_id": theirs, "amount": "1.00"}, {"invoice_id": other, "amount": "-3"},
                       {"invoice_id": quiet, "amount": "1.001"}]),
            ),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let mut fields = a.error_fields();
    fields.sort();
    assert_eq!(
        fields,
        [
            "disputed_invoices[0].amount",
            "disputed_invoices[1].invoice_id",
            "disputed_invoices[2].invoice_id",
            "disputed_invoices[3].amount",
            "disputed_invoices[4].amount",
        ],
        "{}",
        a.text
    );
    assert_field_refused(
        &rp.post(
            "/api/v1/risks",
            &dispute(
                &rp.customer,
                json!([{"invoice_id": inv, "amount": "600.01"}]),
            ),
        )
        .await,
        "exceeds_amount_due",
        "disputed_invoices[0].amount",
    );
    // The older fields cannot be mixed with disputed_invoices, nor share one amount.
    let mut mixed = dispute(&rp.customer, json!([{"invoice_id": inv, "amount": "1.00"}]));
    mixed["invoice_ids"] = json!([inv]);
    assert_field_refused(
        &rp.post("/api/v1/risks", &mixed).await,
        "conflicting_fields",
        "invoice_ids",
    );
    let a = rp
        .post(
            "/api/v1/risks",
            &json!({"account_id": rp.customer, "kind": "dispute", "severity": "low", "description": "d",
                    "invoice_ids": [inv, other], "disputed_amount": "10.00"}),
        )
        .await;
    assert_field_refused(&a, "ambiguous", "disputed_amount");

    // 250.00 of the first and the whole second, opened on 10 April.
    let mut body = dispute(
        &rp.customer,
        json!([{"invoice_id": inv, "amount": "250.00"}, {"invoice_id": other, "amount": "300.00"}]),
    );
    body["opened_on"] = json!("2026-04-10");
    let risk = app.create(&rp.token, "/api/v1/risks", body).await;
    let rid = id_of(&risk);
    assert_eq!(risk["disputed_amount"], "550.00", "{risk}");
    assert_eq!(risk["currency"], "USD");
    assert_eq!(risk["invoice_ids"].as_array().unwrap().len(), 2, "{risk}");
    assert_eq!(risk["disputed_invoices"].as_array().unwrap().len(), 2);
    assert_eq!(risk["opened_on"], "2026-04-10");
    assert_eq!(risk["resolved_on"], Value::Null);
    assert_eq!(risk["credit_note_ids"], json!([]));

    // The invoices show what is disputed; one without a dispute shows nothing.
    assert_eq!(rp.doc("invoices", &inv).await["disputed_amount"], "250.00");
    assert_eq!(
        rp.doc("invoices", &other).await["disputed_amount"],
        "300.00"
    );
    assert_eq!(
        rp.doc("invoices", &quiet).await["disputed_amount"],
        Value::Null
    );

    // The aging: nothing disputed before the dispute was opened, 550.00 after, inside the
    // buckets that still tie to the receivables account.
    let before = rp.aging("ar", "2026-04-09").await;
    assert_eq!(before["totals"]["disputed"], "0.00", "{before}");
    rp.assert_aging_ties("ar", "2026-04-30").await;
    let ag = rp.aging("ar", "2026-04-30").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(row["disputed"], "550.00", "{row}");
    assert_eq!(row["total"], "980.00", "600 + 300 + 80 open: {row}");
    assert_eq!(ag["totals"]["disputed"], "550.00");
    assert_eq!(
        aging_row(&ag, &elsewhere).unwrap()["disputed"],
        "0.00",
        "{ag}"
    );
    assert!(dv(&ag["totals"]["disputed"]) <= dv(&ag["totals"]["total"]));
    // Payables have no disputes.
    assert_eq!(
        rp.aging("ap", "2026-04-30").await["totals"]["disputed"],
        "0.00"
    );

    // Resolving as credited needs the credit notes: none, a draft, then an issued one.
    let path = format!("/api/v1/risks/{rid}");
    let settle = |ids: Value| {
        json!({"status": "resolved", "outcome": "credited", "resolution": "credited 250",
               "resolved_on": "2026-05-02", "credit_note_ids": ids})
    };
    let a = rp
        .patch(&path, &json!({"status": "resolved", "outcome": "credited"}))
        .await;
    assert_field_refused(&a, "required", "credit_note_ids");
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-05-02",
                   "lines": [line("250.00", None)]}),
        )
        .await;
    let cn = id_of(&cn);
    assert_field_refused(
        &rp.patch(&path, &settle(json!([cn]))).await,
        "credit_note_not_issued",
        "credit_note_ids[0]",
    );
    // Another account's credit note is not this dispute's.
    let foreign_cn = app
        .issued(
            &rp.token,
            "credit-notes",
            json!({"account_id": elsewhere, "issue_date": "2026-05-02", "lines": [line("5.00", None)]}),
        )
        .await;
    assert_field_refused(
        &rp.patch(&path, &settle(json!([id_of(&foreign_cn)]))).await,
        "account_mismatch",
        "credit_note_ids[0]",
    );
    rp.issue("credit-notes", &cn).await;
    let a = rp.patch(&path, &settle(json!([cn]))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "resolved");
    assert_eq!(a.body["resolved_on"], "2026-05-02");
    assert_eq!(a.body["credit_note_ids"], json!([cn]));
    // No longer shown on the invoices, nor in the aging after the resolution day; the aging
    // of a day it was open still shows it.
    assert_eq!(
        rp.doc("invoices", &inv).await["disputed_amount"],
        Value::Null
    );
    assert_eq!(
        rp.doc("invoices", &other).await["disputed_amount"],
        Value::Null
    );
    assert_eq!(
        rp.aging("ar", "2026-05-10").await["totals"]["disputed"],
        "0.00"
    );
    assert_eq!(
        rp.aging("ar", "2026-04-30").await["totals"]["disputed"],
        "550.00"
    );
    rp.assert_aging_ties("ar", "2026-05-10").await;

    // Reopened: resolved_on clears and the invoice shows the dispute again (at most what is
    // due: 350.00 left after the credit note).
    let a = rp.patch(&path, &json!({"status": "open"})).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["resolved_on"], Value::Null);
    assert_eq!(rp.doc("invoices", &inv).await["disputed_amount"], "250.00");
    // resolved_on only goes with a resolved risk, and not before opened_on.
    assert_field_refused(
        &rp.patch(&path, &json!({"resolved_on": "2026-05-02"})).await,
        "not_resolved",
        "resolved_on",
    );
    assert_field_refused(
        &rp.patch(
            &path,
            &json!({"status": "lost", "resolved_on": "2026-04-01"}),
        )
        .await,
        "date_order",
        "resolved_on",
    );
}
both_backends!(
    disputes_follow_invoices_aging_and_credit_notes_works,
    super::disputes_follow_invoices_aging_and_credit_notes
);

/// The older fields still write a dispute: one invoice and an amount is that amount of it,
/// invoices without an amount are each disputed for what is due.
async fn older_dispute_fields_map_onto_invoices(app: TestApp) {
    let rp = Rp::open(&app, "Legacy Disputes Ltd").await;
    let inv = id_of(
        &rp.invoice(&rp.customer, "2026-03-01", "2026-03-31", "1000.00")
            .await,
    );
    let other = id_of(
        &rp.invoice(&rp.customer, "2026-03-05", "2026-04-04", "300.00")
            .await,
    );
    let one = app
        .create(
            &rp.token,
            "/api/v1/risks",
            json!({"account_id": rp.customer, "kind": "dispute", "severity": "low", "description": "d",
                   "invoice_ids": [inv], "disputed_amount": "120.00"}),
        )
        .await;
    assert_eq!(
        one["disputed_invoices"],
        json!([{"invoice_id": inv, "amount": "120.00", "currency": "USD"}])
    );
    let whole = app
        .create(
            &rp.token,
            "/api/v1/risks",
            json!({"account_id": rp.customer, "kind": "dispute", "severity": "low", "description": "d",
                   "invoice_ids": [other, inv]}),
        )
        .await;
    assert_eq!(whole["disputed_amount"], "1300.00", "{whole}");
    // Both disputes on the first invoice: shown up to its amount due.
    assert_eq!(rp.doc("invoices", &inv).await["disputed_amount"], "1000.00");
    let ag = rp.get("/api/v1/reports/ar-aging").await;
    assert_eq!(ag["totals"]["disputed"], "1300.00", "{ag}");
    assert_eq!(ag["totals"]["total"], "1300.00");
    // Changing the amount of the single-invoice dispute keeps its invoice.
    let a = rp
        .patch(
            &format!("/api/v1/risks/{}", id_of(&one)),
            &json!({"disputed_amount": "80.00"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        a.body["disputed_invoices"],
        json!([{"invoice_id": inv, "amount": "80.00", "currency": "USD"}])
    );
}
both_backends!(
    older_dispute_fields_map_onto_invoices_works,
    super::older_dispute_fields_map_onto_invoices
);
