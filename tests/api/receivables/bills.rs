//! Bills are approved, keep the supplier's reference (unique per vendor) and are paid.

use reqwest::StatusCode;
use serde_json::json;

use super::{aging_row, line, qline, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::{assert_problem, field_code};
use crate::support::TestApp;

async fn bills_approve_and_keep_supplier_references_unique_per_vendor(app: TestApp) {
    let rp = Rp::open(&app, "Bills Ltd").await;
    let other_vendor = rp.account("Globex", false, true, "USD").await;
    let ap = rp.ap();
    let expense = rp.code("5000");
    let recoverable = rp.role("tax_recoverable");

    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "ACME-7781", "issue_date": "2026-05-05",
                   "due_date": "2026-06-04", "lines": [qline("10", "12.50", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(bill["status"], "draft");
    assert_eq!(dv(&bill["total"]), d("137.50"));
    // A bill is approved, not issued; it keeps the supplier's reference and takes no number.
    let a = rp.action("bills", &id_of(&bill), "issue").await;
    assert!(a.status.is_client_error(), "{}", a.text);
    let approved = rp.issue("bills", &id_of(&bill)).await;
    assert_eq!(approved["status"], "open");
    assert_eq!(approved["reference"], "ACME-7781");
    assert!(approved["number"].is_null(), "{approved}");
    assert_eq!(rp.bal(&ap, "2026-05-05").await, d("137.50"));
    assert_eq!(rp.bal(&expense, "2026-05-05").await, d("125.00"));
    assert_eq!(rp.bal(&recoverable, "2026-05-05").await, d("12.50"));
    let a = rp.action("bills", &id_of(&bill), "approve").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "document_not_draft");

    // The same reference from the same vendor: refused (create and PATCH), naming the field.
    let a = rp
        .post(
            "/api/v1/bills",
            &json!({"account_id": rp.vendor, "reference": "ACME-7781", "issue_date": "2026-05-06",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert!(
        a.status == StatusCode::CONFLICT || a.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        a.text
    );
    assert!(a.is_problem());
    assert_eq!(a.code(), "duplicate_reference", "{}", a.text);
    assert_eq!(
        field_code(&a, "reference").as_deref(),
        Some("duplicate_reference")
    );
    let other = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "ACME-7782", "issue_date": "2026-05-06",
                   "lines": [line("1.00", None)]}),
        )
        .await;
    let a = rp
        .patch(
            &format!("/api/v1/bills/{}", id_of(&other)),
            &json!({"reference": "ACME-7781"}),
        )
        .await;
    assert_eq!(a.code(), "duplicate_reference", "{}", a.text);
    // Another vendor may use it.
    rp.bill(
        &other_vendor,
        "ACME-7781",
        "2026-05-06",
        "2026-05-20",
        "40.00",
    )
    .await;
    // Bills are listed by reference.
    let found = rp.get("/api/v1/bills?reference=ACME-7781").await;
    assert_eq!(found["data"].as_array().unwrap().len(), 2, "{found}");

    // Paying the bill clears payables; AP aging is empty for that vendor.
    rp.sent(
        &rp.vendor,
        "2026-05-30",
        "137.50",
        json!([{"bill_id": id_of(&bill), "amount": "137.50"}]),
    )
    .await;
    assert_eq!(rp.doc("bills", &id_of(&bill)).await["status"], "paid");
    assert_eq!(rp.bal(&ap, "2026-05-30").await, d("40.00"));
    let ag = rp.aging("ap", "2026-05-30").await;
    assert!(aging_row(&ag, &rp.vendor).is_none(), "{ag}");
    assert_eq!(
        dv(&aging_row(&ag, &other_vendor).unwrap()["days_1_30"]),
        d("40.00"),
        "{ag}"
    );
    rp.assert_aging_ties("ap", "2026-05-30").await;
    // A voided paid bill: refused.
    let a = rp.action("bills", &id_of(&bill), "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    bills,
    super::bills_approve_and_keep_supplier_references_unique_per_vendor
);
