//! Races: payments on one foreign-currency invoice, and an edit racing an issue.

use std::sync::Arc;

use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::json;

use super::{aging_row, line, Rp};
use crate::both_backends;
use crate::support::books::dv;
use crate::support::http::id_of;
use crate::support::TestApp;

/// Racing payments on one foreign-currency invoice: whichever settles it last takes exactly
/// the base amount left, so a paid invoice leaves nothing on receivables.
async fn racing_payments_on_a_foreign_invoice_leave_nothing_behind(app: TestApp) {
    let app = Arc::new(app);
    let rp = Rp::open(&app, "Race Fx Ltd").await;
    let euro = rp.account("Bundesbahn", true, false, "EUR").await;
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    for round in 0..4 {
        // EUR 100.00 at 1.3335 is USD 133.35; parts of 33.33 are worth 44.45 each and 33.34
        // 44.46, so converting every part on its own would leave -0.01 behind.
        let inv = rp
            .draft(
                "invoices",
                json!({"account_id": euro, "issue_date": "2026-03-01", "exchange_rate": "1.3335",
                       "lines": [line("100.00", None)]}),
            )
            .await;
        let inv = id_of(&rp.issue("invoices", &id_of(&inv)).await);
        let mut tasks = Vec::new();
        for amount in ["33.33", "33.33", "33.34"] {
            let (app, token, inv, euro, bank) = (
                app.clone(),
                rp.token.clone(),
                inv.clone(),
                euro.clone(),
                eur_bank.clone(),
            );
            tasks.push(actix_web::rt::spawn(async move {
                app.post("/api/v1/payments")
                    .token(&token)
                    .json(&json!({"direction": "received", "account_id": euro, "bank_account_id": bank,
                                  "date": "2026-03-10", "amount": amount, "exchange_rate": "1.3335",
                                  "allocations": [{"invoice_id": inv, "amount": amount}]}))
                    .send()
                    .await
            }));
        }
        for t in tasks {
            let a = t.await.unwrap();
            assert_eq!(a.status, StatusCode::CREATED, "round {round}: {}", a.text);
        }
        let doc = rp.doc("invoices", &inv).await;
        assert_eq!(doc["status"], "paid", "{doc}");
        assert_eq!(doc["base_amount_due"], "0.00", "round {round}: {doc}");
        assert_eq!(
            rp.bal(&rp.ar(), "2026-03-10").await,
            Decimal::ZERO,
            "round {round}"
        );
        let ag = rp.aging("ar", "2026-03-10").await;
        assert!(aging_row(&ag, &euro).is_none(), "round {round}: {ag}");
    }
    rp.assert_aging_ties("ar", "2026-03-10").await;
    rp.trial_balance("2026-12-31").await;
}
both_backends!(
    racing_fx_payments,
    super::racing_payments_on_a_foreign_invoice_leave_nothing_behind
);

/// An edit racing an issue: either the edit lands first and the issued invoice posts the
/// edited lines, or the issue wins and the edit is refused — the posting always matches the
/// document.
async fn edits_racing_issues_never_post_stale_lines(app: TestApp) {
    let app = Arc::new(app);
    let rp = Rp::open(&app, "Race Edit Ltd").await;
    let mut drafts = Vec::new();
    for _ in 0..12 {
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": rp.customer, "issue_date": "2026-05-01", "lines": [line("10.00", None)]}),
            )
            .await;
        drafts.push(id_of(&doc));
    }
    let mut tasks = Vec::new();
    for id in &drafts {
        for action in ["issue", "edit"] {
            let (app, token, id) = (app.clone(), rp.token.clone(), id.clone());
            tasks.push(actix_web::rt::spawn(async move {
                if action == "issue" {
                    app.post(&format!("/api/v1/invoices/{id}/issue"))
                        .token(&token)
                        .send()
                        .await
                } else {
                    app.patch(&format!("/api/v1/invoices/{id}"))
                        .token(&token)
                        .json(&json!({"lines": [line("25.00", None)]}))
                        .send()
                        .await
                }
            }));
        }
    }
    for t in tasks {
        let a = t.await.unwrap();
        assert!(
            a.status == StatusCode::OK
                || a.status == StatusCode::CONFLICT
                || a.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            a.text
        );
        assert!(a.status == StatusCode::OK || a.is_problem(), "{}", a.text);
    }
    let mut open_total = Decimal::ZERO;
    for id in &drafts {
        let doc = rp.doc("invoices", id).await;
        if doc["status"] == "open" {
            open_total += dv(&doc["total"]);
            let entry = rp
                .get(&format!(
                    "/api/v1/ledger/journal-entries/{}",
                    doc["journal_entry_id"].as_str().unwrap()
                ))
                .await;
            let ar_line = entry["lines"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["ledger_account_id"] == rp.ar())
                .cloned()
                .unwrap();
            assert_eq!(dv(&ar_line["debit"]), dv(&doc["total"]), "{entry} vs {doc}");
        }
    }
    assert_eq!(rp.bal(&rp.ar(), "2026-05-31").await, open_total);
}
both_backends!(
    racing_edit_and_issue,
    super::edits_racing_issues_never_post_stale_lines
);
