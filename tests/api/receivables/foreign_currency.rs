//! Foreign-currency documents settle at another rate with the realised difference posted to
//! fx_gain_loss.

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::{line, Rp};
use crate::both_backends;
use crate::support::books::{d, dv, tb_net};
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

async fn foreign_documents_settle_with_a_realised_difference(app: TestApp) {
    let rp = Rp::open(&app, "Fx Settle Inc").await;
    let (ar, ap, fx) = (rp.ar(), rp.ap(), rp.role("fx_gain_loss"));
    let euro_customer = rp.account("Bundesbahn", true, false, "EUR").await;
    let euro_vendor = rp.account("Siemens", false, true, "EUR").await;
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    let eur_bank_gl = rp.get(&format!("/api/v1/bank-accounts/{eur_bank}")).await
        ["ledger_account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (day, rate) in [("2026-03-01", "1.10"), ("2026-04-01", "1.20")] {
        let a = rp
            .post(
                "/api/v1/exchange-rates",
                &json!({"currency": "EUR", "date": day, "rate": rate}),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }

    // Without a rate before the first one recorded: exchange_rate_required.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": euro_customer, "issue_date": "2026-02-01", "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "exchange_rate_required", "exchange_rate");
    // A rate on a base-currency document: refused.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-03-01", "exchange_rate": "1.5",
                    "lines": [line("1.00", None)]}),
        )
        .await;
    assert_field_refused(&a, "exchange_rate_not_applicable", "exchange_rate");

    // EUR 1,000 + 10% at the rate of the issue date (1.10): USD 1,210 receivable.
    let inv = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-03-05", "due_date": "2026-04-04",
                   "lines": [line("1000.00", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(inv["currency"], "EUR", "the account's currency by default");
    assert_eq!(dv(&inv["exchange_rate"]), d("1.1"));
    assert_eq!(inv["total"], "1100.00");
    assert_eq!(inv["base_currency"], "USD");
    assert_eq!(inv["base_subtotal"], "1100.00");
    assert_eq!(inv["base_total"], "1210.00");
    let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
    assert_eq!(rp.bal(&ar, "2026-03-05").await, d("1210.00"));
    assert_eq!(
        rp.bal(&rp.role("sales_tax"), "2026-03-05").await,
        d("110.00")
    );
    rp.assert_aging_ties("ar", "2026-03-05").await;

    // Paid from the EUR account on 04-10 at 1.20: USD 1,320 in; the 110 gain goes to
    // fx_gain_loss and receivables are back to zero.
    let a = rp
        .pay(
            json!({"direction": "received", "account_id": euro_customer, "bank_account_id": rp.bank,
                    "date": "2026-04-10", "amount": "1100.00", "currency": "EUR",
                    "allocations": [{"invoice_id": inv, "amount": "1100.00"}]}),
        )
        .await;
    assert_field_refused(&a, "currency_mismatch", "currency");
    let p = rp
        .pay(json!({"direction": "received", "account_id": euro_customer, "bank_account_id": eur_bank,
                    "date": "2026-04-10", "amount": "1100.00",
                    "allocations": [{"invoice_id": inv, "amount": "1100.00"}]}))
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    assert_eq!(p.body["currency"], "EUR");
    assert_eq!(dv(&p.body["exchange_rate"]), d("1.2"));
    assert_eq!(p.body["base_amount"], "1320.00");
    assert!(
        p.body["allocations"][0]["fx_entry_id"].is_string(),
        "{}",
        p.text
    );
    let doc = rp.doc("invoices", &inv).await;
    assert_eq!(doc["status"], "paid");
    assert_eq!(doc["base_amount_due"], "0.00");
    assert_eq!(rp.bal(&ar, "2026-04-10").await, Decimal::ZERO);
    let tb = rp.trial_balance("2026-04-10").await;
    assert_eq!(tb_net(&tb, &fx), d("-110.00"), "a gain is a credit: {tb}");
    let bank = rp
        .get(&format!(
            "/api/v1/ledger/accounts/{eur_bank_gl}/balance?as_of=2026-04-10"
        ))
        .await;
    assert_eq!(dv(&bank["balance"]), d("1100.00"), "{bank}");
    assert_eq!(dv(&bank["base_balance"]), d("1320.00"), "{bank}");
    rp.assert_aging_ties("ar", "2026-04-09").await;
    rp.assert_aging_ties("ar", "2026-04-10").await;

    // A given rate (1.30) and two part payments at 1.25: a loss in two steps, the last one
    // taking exactly what is left so nothing stays on receivables.
    let inv2 = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-04-15", "exchange_rate": "1.30",
                   "lines": [line("333.33", None)]}),
        )
        .await;
    assert_eq!(inv2["base_total"], "433.33", "333.33 × 1.30 = 433.329");
    let inv2 = id_of(&rp.issue("invoices", &id_of(&inv2)).await);
    for (day, amount) in [("2026-04-20", "111.11"), ("2026-05-20", "222.22")] {
        let a = rp
            .pay(json!({"direction": "received", "account_id": euro_customer, "bank_account_id": eur_bank,
                        "date": day, "amount": amount, "exchange_rate": "1.25",
                        "allocations": [{"invoice_id": inv2, "amount": amount}]}))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        rp.assert_aging_ties("ar", day).await;
    }
    assert_eq!(rp.bal(&ar, "2026-05-20").await, Decimal::ZERO);
    // Payments worth 138.89 + 277.78 = 416.67 settled 433.33: a loss of 16.66.
    let tb = rp.trial_balance("2026-05-20").await;
    assert_eq!(tb_net(&tb, &fx), d("-110.00") + d("16.66"), "{tb}");

    // Payables: a EUR 500 bill at 1.10 paid at 1.20 costs 50 more — a loss; payables zero.
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": euro_vendor, "reference": "S-1", "issue_date": "2026-03-10",
                   "exchange_rate": "1.10", "lines": [line("500.00", None)]}),
        )
        .await;
    let bill = id_of(&rp.issue("bills", &id_of(&bill)).await);
    assert_eq!(rp.bal(&ap, "2026-03-10").await, d("550.00"));
    let p = rp
        .pay(
            json!({"direction": "sent", "account_id": euro_vendor, "bank_account_id": eur_bank,
                    "date": "2026-05-25", "amount": "500.00",
                    "allocations": [{"bill_id": bill, "amount": "500.00"}]}),
        )
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.text);
    assert_eq!(p.body["base_amount"], "600.00");
    assert_eq!(rp.bal(&ap, "2026-05-25").await, Decimal::ZERO);
    let tb = rp.trial_balance("2026-05-25").await;
    assert_eq!(
        tb_net(&tb, &fx),
        d("-110.00") + d("16.66") + d("50.00"),
        "{tb}"
    );
    for day in ["2026-03-10", "2026-05-24", "2026-05-25"] {
        rp.assert_aging_ties("ap", day).await;
    }

    // A credit note in EUR at another rate settles the invoice it credits with a difference too.
    let inv3 = rp
        .draft(
            "invoices",
            json!({"account_id": euro_customer, "issue_date": "2026-06-01", "exchange_rate": "1.20",
                   "lines": [line("100.00", None)]}),
        )
        .await;
    let inv3 = id_of(&rp.issue("invoices", &id_of(&inv3)).await);
    let cn = rp
        .draft(
            "credit-notes",
            json!({"account_id": euro_customer, "invoice_id": inv3, "issue_date": "2026-06-05",
                   "exchange_rate": "1.25", "lines": [line("100.00", None)]}),
        )
        .await;
    assert_eq!(cn["currency"], "EUR");
    let cn = rp.issue("credit-notes", &id_of(&cn)).await;
    assert_eq!(cn["amount_due"], "0.00");
    assert_eq!(rp.doc("invoices", &inv3).await["status"], "paid");
    assert_eq!(rp.bal(&ar, "2026-06-05").await, Decimal::ZERO);
    rp.assert_aging_ties("ar", "2026-06-01").await;
    rp.assert_aging_ties("ar", "2026-06-05").await;
    // Voiding the credit note reverses its difference too.
    let a = rp.action("credit-notes", &id_of(&cn), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(rp.bal(&ar, "2026-06-05").await, d("120.00"));
    rp.assert_aging_ties("ar", "2026-06-05").await;
    let tb = rp.trial_balance("2026-12-31").await;
    assert_eq!(
        tb_net(&tb, &fx),
        d("-110.00") + d("16.66") + d("50.00"),
        "{tb}"
    );
}
both_backends!(
    fx_settlement,
    super::foreign_documents_settle_with_a_realised_difference
);
