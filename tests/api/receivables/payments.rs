//! Payments and their allocations: partial, across documents, each dated on its own, and every
//! refusal.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{aging_row, line, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

async fn payments_allocate_partially_across_documents_with_their_own_dates(app: TestApp) {
    let rp = Rp::open(&app, "Allocations Ltd").await;
    let ar = rp.ar();
    let other = rp.account("Initech", true, false, "USD").await;
    let bank_ledger = id_of(&rp.get(&format!("/api/v1/bank-accounts/{}", rp.bank)).await).clone();
    let bank_view = rp
        .get(&format!("/api/v1/bank-accounts/{bank_ledger}"))
        .await;
    let bank_gl = bank_view["ledger_account_id"].as_str().unwrap().to_owned();
    assert_eq!(
        rp.get(&format!("/api/v1/ledger/accounts/{bank_gl}")).await["system_role"],
        "bank"
    );

    let i1 = rp
        .invoice(&rp.customer, "2026-01-10", "2026-02-09", "300.00")
        .await;
    let i2 = rp
        .invoice(&rp.customer, "2026-01-20", "2026-02-19", "200.00")
        .await;
    let i3 = rp
        .invoice(&rp.customer, "2026-02-15", "2026-03-17", "100.00")
        .await;
    let foreign = rp
        .invoice(&other, "2026-01-05", "2026-02-04", "50.00")
        .await;
    let (i1, i2, i3) = (id_of(&i1), id_of(&i2), id_of(&i3));

    // One payment settles two invoices in part, each allocation dated on its own; the rest
    // stays unallocated.
    let p = rp
        .received(
            &rp.customer,
            "2026-02-01",
            "450.00",
            json!([{"invoice_id": i1, "amount": "300.00", "date": "2026-02-01"},
                   {"invoice_id": i2, "amount": "100.00", "date": "2026-02-05"}]),
        )
        .await;
    let pid = id_of(&p);
    assert_eq!(p["allocated_amount"], "400.00");
    assert_eq!(p["unallocated_amount"], "50.00");
    assert_eq!(p["status"], "posted");
    assert_eq!(p["ledger"], "receivable");
    let dates: Vec<&str> = p["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-02-01", "2026-02-05"]);
    let doc1 = rp.doc("invoices", &i1).await;
    assert_eq!(doc1["status"], "paid");
    assert_eq!(doc1["amount_due"], "0.00");
    assert_eq!(doc1["amount_paid"], "300.00");
    let doc2 = rp.doc("invoices", &i2).await;
    assert_eq!(doc2["status"], "partially_paid");
    assert_eq!(doc2["amount_due"], "100.00");
    assert_eq!(doc2["allocations"][0]["payment_id"], json!(pid));
    assert_eq!(rp.bal(&bank_gl, "2026-02-01").await, d("450.00"));
    assert_eq!(
        rp.bal(&ar, "2026-02-01").await,
        d("100.00"),
        "550 + 0 owed, less 450"
    );

    // The allocation dated 02-05 does not count as of 02-03: i2 still owes 200 then, and the
    // unallocated 150 of the payment shows negative.
    let ag = rp.aging("ar", "2026-02-03").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["current"]), d("200.00"), "{ag}");
    assert_eq!(
        dv(&row["days_1_30"]),
        d("-150.00"),
        "the unallocated payment: {ag}"
    );
    assert_eq!(dv(&row["total"]), d("50.00"));
    rp.assert_aging_ties("ar", "2026-02-03").await;
    rp.assert_aging_ties("ar", "2026-02-05").await;
    let ag = rp.aging("ar", "2026-02-10").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("-50.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("100.00"), "{ag}");

    // Refusals, each with its own code and field.
    let pay = |amount: &str, allocations: Value| {
        json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
               "date": "2026-02-20", "amount": amount, "allocations": allocations})
    };
    let a = rp
        .pay(pay("10.00", json!([{"invoice_id": i3, "amount": "20.00"}])))
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let a = rp
        .pay(pay(
            "500.00",
            json!([{"invoice_id": i3, "amount": "100.01"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let a = rp
        .pay(pay(
            "500.00",
            json!([{"invoice_id": i2, "amount": "60.00"}, {"invoice_id": i2, "amount": "60.00"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[1].amount");
    let a = rp
        .pay(pay("500.00", json!([{"invoice_id": i1, "amount": "1.00"}])))
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": id_of(&foreign), "amount": "50.00"}]),
        ))
        .await;
    assert_field_refused(
        &a,
        "allocation_account_mismatch",
        "allocations[0].invoice_id",
    );
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": i3, "amount": "50.00", "date": "2026-02-14"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": i3, "amount": "50.00", "date": "2026-02-19"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .pay(pay("50.00", json!([{"invoice_id": i3, "amount": "0"}])))
        .await;
    assert_field_refused(&a, "must_be_positive", "allocations[0].amount");
    let a = rp.pay(pay("50.00", json!([{"amount": "5.00"}]))).await;
    assert_field_refused(
        &a,
        "allocation_target_required",
        "allocations[0].invoice_id",
    );
    let a = rp
        .pay(pay(
            "50.00",
            json!([{"invoice_id": uuid::Uuid::now_v7(), "amount": "5.00"}]),
        ))
        .await;
    assert_field_refused(&a, "not_found", "allocations[0].invoice_id");
    let a = rp.pay(pay("50.001", json!([]))).await;
    assert_field_refused(&a, "too_many_decimals", "amount");
    let a = rp.pay(pay("-5.00", json!([]))).await;
    assert_field_refused(&a, "must_be_positive", "amount");
    // A sent payment does not settle an invoice; a bill does not mix with invoices.
    let bill = rp
        .bill(&rp.vendor, "B-1", "2026-01-10", "2026-02-09", "80.00")
        .await;
    let a = rp
        .pay(json!({"direction": "sent", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-02-20", "amount": "10.00", "allocations": [{"invoice_id": i3, "amount": "10.00"}]}))
        .await;
    assert_field_refused(&a, "allocation_direction", "allocations[0].invoice_id");
    let a = rp
        .pay(pay(
            "10.00",
            json!([{"bill_id": id_of(&bill), "amount": "10.00"}]),
        ))
        .await;
    assert_field_refused(&a, "allocation_direction", "allocations[0].bill_id");
    // A EUR payment into the USD bank account: currency_mismatch; an EUR invoice cannot be
    // settled by a USD payment.
    let a = rp
        .pay(json!({"direction": "received", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-02-20", "amount": "10.00", "currency": "EUR", "exchange_rate": "1.1"}))
        .await;
    assert_field_refused(&a, "currency_mismatch", "currency");
    let eur_invoice = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-02-10", "currency": "EUR",
                   "exchange_rate": "1.10", "lines": [line("40.00", None)]}),
        )
        .await;
    rp.issue("invoices", &id_of(&eur_invoice)).await;
    let a = rp
        .pay(pay(
            "40.00",
            json!([{"invoice_id": id_of(&eur_invoice), "amount": "40.00"}]),
        ))
        .await;
    assert_field_refused(
        &a,
        "allocation_currency_mismatch",
        "allocations[0].invoice_id",
    );
    // Missing fields are all named.
    let a = rp.pay(json!({})).await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    for f in [
        "direction",
        "account_id",
        "bank_account_id",
        "date",
        "amount",
    ] {
        assert!(a.error_fields().contains(&f.to_owned()), "{f}: {}", a.text);
    }
    // Nothing of the refused payments was posted.
    assert_eq!(rp.bal(&bank_gl, "2026-12-31").await, d("450.00"));

    // The 50.00 left is allocated later, dated on its own.
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "60.00"}]}),
        )
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "50.00", "date": "2026-02-10"}]}),
        )
        .await;
    assert_field_refused(&a, "allocation_before_document", "allocations[0].date");
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i3, "amount": "50.00", "date": "2026-02-28"}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["unallocated_amount"], "0.00");
    assert_eq!(a.body["allocations"].as_array().unwrap().len(), 3);
    let a = rp
        .post(
            &format!("/api/v1/payments/{pid}/allocations"),
            &json!({"allocations": [{"invoice_id": i2, "amount": "0.01"}]}),
        )
        .await;
    assert_field_refused(&a, "allocations_exceed_payment", "allocations");
    let doc3 = rp.doc("invoices", &i3).await;
    assert_eq!(doc3["status"], "partially_paid");
    assert_eq!(doc3["amount_due"], "50.00");
    // As of 02-27 the late allocation does not count yet; on 02-28 it does.
    // (i2's 100 due 02-19 less the payment's 50 from 02-01 in 1-30; i3 and the EUR invoice,
    // 100 + 44, current.)
    let ag = rp.aging("ar", "2026-02-27").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("50.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("144.00"), "{ag}");
    let ag = rp.aging("ar", "2026-02-28").await;
    let row = aging_row(&ag, &rp.customer).unwrap();
    assert_eq!(dv(&row["days_1_30"]), d("100.00"), "{ag}");
    assert_eq!(dv(&row["current"]), d("94.00"), "{ag}");
    for day in [
        "2026-01-31",
        "2026-02-01",
        "2026-02-27",
        "2026-02-28",
        "2026-03-31",
    ] {
        rp.assert_aging_ties("ar", day).await;
    }

    // Voiding the payment undoes all three allocations; the invoices owe again.
    let a = rp.action("payments", &pid, "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|al| al["voided"] == true));
    for (id, due, status) in [
        (&i1, "300.00", "open"),
        (&i2, "200.00", "open"),
        (&i3, "100.00", "open"),
    ] {
        let doc = rp.doc("invoices", id).await;
        assert_eq!(doc["amount_due"], due, "{doc}");
        assert_eq!(doc["status"], status);
    }
    assert_eq!(rp.bal(&bank_gl, "2026-12-31").await, Decimal::ZERO);
    for day in ["2026-02-01", "2026-02-28", "2026-12-31"] {
        rp.assert_aging_ties("ar", day).await;
    }
    // Lists filter payments by status.
    let void = rp.get("/api/v1/payments?status=void").await;
    assert_eq!(void["data"].as_array().unwrap().len(), 1);
    let a = app
        .get("/api/v1/payments?status=bogus")
        .token(&rp.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    // A payment with no allocations at all sits on the control account as a credit.
    let lone = rp.received(&other, "2026-03-01", "75.00", json!([])).await;
    assert_eq!(lone["unallocated_amount"], "75.00");
    let ag = rp.aging("ar", "2026-03-01").await;
    let row = aging_row(&ag, &other).unwrap();
    assert_eq!(dv(&row["total"]), d("-25.00"), "50 owed less 75 paid: {ag}");
    rp.assert_aging_ties("ar", "2026-03-01").await;
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    allocations,
    super::payments_allocate_partially_across_documents_with_their_own_dates
);
