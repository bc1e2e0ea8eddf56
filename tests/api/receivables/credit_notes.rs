//! Credit notes settle invoices, the rest is the customer's credit and is refunded; vendor
//! credits likewise for bills.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::{aging_row, line, Rp};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

async fn credit_notes_settle_invoices_and_the_rest_is_refunded(app: TestApp) {
    let rp = Rp::open(&app, "Credits Ltd").await;
    let ar = rp.ar();
    let sales = rp.code("4000");
    let sales_tax = rp.role("sales_tax");
    let other = rp.account("Initech", true, false, "USD").await;

    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-07-01", "due_date": "2026-07-31",
                   "lines": [line("200.00", Some(&rp.vat10))]}),
        )
        .await;
    let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
    assert_eq!(rp.bal(&ar, "2026-07-01").await, d("220.00"));

    // Against another customer's invoice, a draft invoice, or a bill: refused.
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": other, "invoice_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "account_mismatch", "invoice_id");
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": rp.customer, "bill_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_applicable", "bill_id");
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-05", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "not_applicable", "invoice_id");

    // A partial credit: Dr income and sales tax / Cr receivables, allocated to the invoice.
    let cn1 = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-05",
                   "lines": [line("50.00", Some(&rp.vat10))]}),
        )
        .await;
    assert!(cn1["due_date"].is_null(), "credits have no due date: {cn1}");
    assert_eq!(cn1["invoice_id"], json!(inv));
    let cn1 = rp.issue("credit-notes", &id_of(&cn1)).await;
    assert_eq!(cn1["number"], "CN-0001");
    assert_eq!(cn1["total"], "55.00");
    assert_eq!(
        cn1["amount_due"], "0.00",
        "all of it used on the invoice: {cn1}"
    );
    assert_eq!(cn1["status"], "paid");
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "partially_paid");
    assert_eq!(doc["amount_credited"], "55.00");
    assert_eq!(doc["amount_paid"], "0.00");
    assert_eq!(doc["amount_due"], "165.00");
    assert_eq!(rp.bal(&ar, "2026-07-05").await, d("165.00"));
    assert_eq!(rp.bal(&sales, "2026-07-05").await, d("150.00"));
    assert_eq!(rp.bal(&sales_tax, "2026-07-05").await, d("15.00"));

    // The customer pays 100; a second credit of 99 exceeds the 65 still due: 65 settles the
    // invoice, 34 stays as the customer's credit (negative in the aging).
    rp.received(
        &rp.customer,
        "2026-07-10",
        "100.00",
        json!([{"invoice_id": inv, "amount": "100.00"}]),
    )
    .await;
    let cn2 = rp
        .draft(
            "credit-notes",
            json!({"account_id": rp.customer, "invoice_id": inv, "issue_date": "2026-07-15",
                   "lines": [line("99.00", None)]}),
        )
        .await;
    let cn2 = rp.issue("credit-notes", &id_of(&cn2)).await;
    assert_eq!(cn2["number"], "CN-0002");
    assert_eq!(cn2["amount_due"], "34.00", "{cn2}");
    assert_eq!(cn2["status"], "partially_paid");
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "paid");
    assert_eq!(doc["amount_due"], "0.00");
    assert_eq!(doc["amount_credited"], "120.00");
    assert_eq!(doc["amount_paid"], "100.00");
    assert_eq!(rp.bal(&ar, "2026-07-15").await, d("-34.00"));
    let ag = rp.aging("ar", "2026-07-15").await;
    assert_eq!(
        dv(&aging_row(&ag, &rp.customer).unwrap()["total"]),
        d("-34.00"),
        "{ag}"
    );
    rp.assert_aging_ties("ar", "2026-07-15").await;
    // The invoice cannot be voided now; it has payments and credits.
    let a = rp.action("invoices", &inv, "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );

    // A credit note against a paid invoice: refused? No — an issued one is fine, it stays a
    // credit entirely. A credit against a draft is refused.
    let draft = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-07-16", "lines": [line("10.00", None)]}),
        )
        .await;
    let a = rp
        .post(
            "/api/v1/credit-notes",
            &json!({"account_id": rp.customer, "invoice_id": id_of(&draft), "issue_date": "2026-07-16", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "document_not_open", "invoice_id");

    // Refund: a payment sent to the customer, allocated to the credit note.
    let a = rp
        .pay(
            json!({"direction": "sent", "account_id": rp.customer, "bank_account_id": rp.bank,
                    "date": "2026-07-20", "amount": "40.00",
                    "allocations": [{"credit_note_id": id_of(&cn2), "amount": "40.00"}]}),
        )
        .await;
    assert_field_refused(&a, "allocation_exceeds_due", "allocations[0].amount");
    let refund = rp
        .sent(
            &rp.customer,
            "2026-07-20",
            "34.00",
            json!([{"credit_note_id": id_of(&cn2), "amount": "34.00"}]),
        )
        .await;
    assert_eq!(refund["ledger"], "receivable");
    assert_eq!(
        refund["allocations"][0]["credit_note_id"],
        json!(id_of(&cn2))
    );
    let cn2v = rp.doc("credit-notes", &id_of(&cn2)).await;
    assert_eq!(cn2v["amount_due"], "0.00");
    assert_eq!(cn2v["status"], "paid");
    assert_eq!(cn2v["amount_paid"], "34.00");
    assert_eq!(rp.bal(&ar, "2026-07-20").await, Decimal::ZERO);
    let ag = rp.aging("ar", "2026-07-20").await;
    assert!(aging_row(&ag, &rp.customer).is_none(), "{ag}");
    rp.assert_aging_ties("ar", "2026-07-20").await;

    // A credit without an invoice stays credit, used later by... voiding it: allowed while
    // nothing is used.
    let loose = rp
        .draft(
            "credit-notes",
            json!({"account_id": other, "issue_date": "2026-07-21", "lines": [line("15.00", None)]}),
        )
        .await;
    let loose = rp.issue("credit-notes", &id_of(&loose)).await;
    assert_eq!(loose["number"], "CN-0003");
    assert_eq!(loose["amount_due"], "15.00");
    assert_eq!(loose["status"], "open");
    let a = rp.action("credit-notes", &id_of(&loose), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["status"], "void");

    // Voiding a refunded credit note is refused; voiding the refund first, then the credit
    // note (its use on the invoice is undone and the invoice owes again).
    let a = rp.action("credit-notes", &id_of(&cn2), "void").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "document_has_payments",
    );
    assert_eq!(
        rp.doc("invoices", &inv).await["status"],
        "paid",
        "a refused void changes nothing"
    );
    let a = rp.action("payments", &id_of(&refund), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = rp.action("credit-notes", &id_of(&cn2), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["amount_due"], "65.00");
    assert_eq!(doc["status"], "partially_paid");
    assert_eq!(rp.bal(&ar, "2026-12-31").await, d("65.00"));
    for day in ["2026-07-05", "2026-07-15", "2026-07-20", "2026-12-31"] {
        rp.assert_aging_ties("ar", day).await;
    }

    // Vendor credits: against a bill, Dr payables / Cr expense, own sequence; a vendor refund
    // is a payment received allocated to it.
    let bill = rp
        .bill(&rp.vendor, "V-9", "2026-07-01", "2026-07-31", "100.00")
        .await;
    let vc = rp
        .draft(
            "vendor-credits",
            json!({"account_id": rp.vendor, "bill_id": id_of(&bill), "issue_date": "2026-07-03",
                   "lines": [line("130.00", None)]}),
        )
        .await;
    let vc = rp.issue("vendor-credits", &id_of(&vc)).await;
    assert_eq!(vc["number"], "VC-0001");
    assert_eq!(vc["amount_due"], "30.00");
    assert_eq!(rp.doc("bills", &id_of(&bill)).await["status"], "paid");
    assert_eq!(rp.bal(&rp.ap(), "2026-07-03").await, d("-30.00"));
    rp.received(
        &rp.vendor,
        "2026-07-08",
        "30.00",
        json!([{"vendor_credit_id": id_of(&vc), "amount": "30.00"}]),
    )
    .await;
    assert_eq!(rp.bal(&rp.ap(), "2026-07-08").await, Decimal::ZERO);
    for day in ["2026-07-01", "2026-07-03", "2026-07-08"] {
        rp.assert_aging_ties("ap", day).await;
    }
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    credit_notes,
    super::credit_notes_settle_invoices_and_the_rest_is_refunded
);
