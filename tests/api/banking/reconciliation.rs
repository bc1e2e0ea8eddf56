//! Reconciliation: payment from a bank line, categorize, 1:N, N:1, write-offs, undo,
//! refusals, auto-reconcile, and the cash position that ties.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{bank_with_iban, camt, import, lines};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::fixtures::Signed;
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

const IBAN: &str = "GB33BUKB20201555555555";

struct Books {
    s: Signed,
    customer: String,
    income: String,
    fees: String,
    bank: String,
    bank_ledger: String,
}

impl Books {
    async fn open(app: &TestApp, name: &str) -> Books {
        let s = app.signup(name).await;
        let customer = app
            .client_account(
                &s.token,
                json!({"name": "Initech", "is_customer": true, "is_vendor": true, "currency": "USD"}),
            )
            .await;
        let income = id_of(
            &app.create(
                &s.token,
                "/api/v1/ledger/accounts",
                json!({"code": "4971", "name": "Services", "type": "income", "currency": "USD"}),
            )
            .await,
        );
        let fees = id_of(
            &app.create(
                &s.token,
                "/api/v1/ledger/accounts",
                json!({"code": "6971", "name": "Bank fees", "type": "expense", "currency": "USD"}),
            )
            .await,
        );
        let (bank, bank_ledger) = bank_with_iban(app, &s, IBAN, "USD").await;
        Books {
            s,
            customer,
            income,
            fees,
            bank,
            bank_ledger,
        }
    }

    async fn invoice(&self, app: &TestApp, day: &str, amount: &str) -> Value {
        app.issued(
            &self.s.token,
            "invoices",
            json!({"account_id": self.customer, "issue_date": day, "due_date": "2026-05-01", "currency": "USD",
                   "lines": [{"description": "Work", "quantity": "1", "unit_price": amount, "ledger_account_id": self.income}]}),
        )
        .await
    }

    async fn payment(
        &self,
        app: &TestApp,
        direction: &str,
        day: &str,
        amount: &str,
        reference: Option<&str>,
    ) -> String {
        id_of(
            &app.create(
                &self.s.token,
                "/api/v1/payments",
                json!({"direction": direction, "account_id": self.customer, "bank_account_id": self.bank,
                       "date": day, "amount": amount, "currency": "USD", "allocations": [], "reference": reference}),
            )
            .await,
        )
    }

    async fn balance(&self, app: &TestApp, ledger: &str, as_of: &str) -> rust_decimal::Decimal {
        dv(&app
            .fetch(
                &self.s.token,
                &format!("/api/v1/ledger/accounts/{ledger}/balance?as_of={as_of}"),
            )
            .await["balance"])
    }

    async fn statement(
        &self,
        app: &TestApp,
        entries: &[(&str, &str, &str, Option<&str>, &str)],
        closing: &str,
    ) -> Vec<Value> {
        let xml = camt(
            IBAN,
            "USD",
            "REC-1",
            ("0.00", "2026-02-28"),
            (closing, "2026-03-31"),
            entries,
        );
        let a = import(app, &self.s.token, &self.bank, &xml, "application/xml").await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        lines(app, &self.s.token, &self.bank, "").await
    }

    fn line<'a>(&self, all: &'a [Value], amount: &str) -> &'a Value {
        all.iter().find(|l| dv(&l["amount"]) == d(amount)).unwrap()
    }
}

async fn a_month_reconciled_ties_the_cash_position(app: TestApp) {
    let b = Books::open(&app, "Reconciled Ltd").await;
    let t = &b.s.token;
    let inv = b.invoice(&app, "2026-03-02", "100.00").await;
    let inv2 = b.invoice(&app, "2026-03-03", "60.00").await;
    let inv3 = b.invoice(&app, "2026-03-03", "40.00").await;
    // 40.00 received but not yet on the statement: an outstanding ledger item.
    b.payment(&app, "received", "2026-03-20", "40.00", None)
        .await;
    let all = b
        .statement(
            &app,
            &[
                (
                    "100.00",
                    "CRDT",
                    "2026-03-10",
                    Some("B-1"),
                    &format!("Payment of invoice {}", inv["number"].as_str().unwrap()),
                ),
                (
                    "2.50",
                    "DBIT",
                    "2026-03-15",
                    Some("B-2"),
                    "Account maintenance fee",
                ),
                ("100.00", "CRDT", "2026-03-16", Some("B-3"), "Two invoices"),
            ],
            "197.50",
        )
        .await;
    let (pay, fee) = (b.line(&all, "-2.50"), b.line(&all, "-2.50"));
    let pay = all
        .iter()
        .find(|l| l["bank_reference"] == "B-1")
        .unwrap_or(pay);
    let both = all.iter().find(|l| l["bank_reference"] == "B-3").unwrap();

    // Payment from a bank line pays the invoice, in one transaction.
    let r = app
        .post(&format!("/api/v1/bank-transactions/{}/payment", pay["id"].as_str().unwrap()))
        .token(t)
        .json(&json!({"account_id": b.customer, "allocations": [{"invoice_id": id_of(&inv), "amount": "100.00"}]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["kind"], "payment");
    let i = app
        .fetch(t, &format!("/api/v1/invoices/{}", id_of(&inv)))
        .await;
    assert_eq!(i["status"], "paid");
    let l = app
        .fetch(
            t,
            &format!("/api/v1/bank-transactions/{}", pay["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(l["status"], "reconciled");
    assert_eq!(l["reconciliation_id"], r.body["id"]);
    // The payment it made cannot be voided while reconciled.
    let pid = r.body["payment_id"].as_str().unwrap().to_owned();
    let v = app
        .post(&format!("/api/v1/payments/{pid}/void"))
        .token(t)
        .send()
        .await;
    assert_problem(&v, StatusCode::CONFLICT, "reconciled");

    // One bank line settling two invoices.
    let r2 = app
        .post(&format!("/api/v1/bank-transactions/{}/payment", both["id"].as_str().unwrap()))
        .token(t)
        .json(&json!({"account_id": b.customer, "allocations": [
            {"invoice_id": id_of(&inv2), "amount": "60.00"}, {"invoice_id": id_of(&inv3), "amount": "40.00"}]}))
        .send()
        .await;
    assert_eq!(r2.status, StatusCode::CREATED, "{}", r2.text);
    for doc in [&inv2, &inv3] {
        assert_eq!(
            app.fetch(t, &format!("/api/v1/invoices/{}", id_of(doc)))
                .await["status"],
            "paid"
        );
    }

    // Categorize the fee.
    let c = app
        .post(&format!(
            "/api/v1/bank-transactions/{}/categorize",
            fee["id"].as_str().unwrap()
        ))
        .token(t)
        .json(&json!({"ledger_account_id": b.fees, "description": "Bank fee"}))
        .send()
        .await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
    assert_eq!(b.balance(&app, &b.fees, "2026-03-31").await, d("2.50"));
    let entry = c.body["journal_entry_id"].as_str().unwrap().to_owned();
    let e = app
        .fetch(t, &format!("/api/v1/ledger/journal-entries/{entry}"))
        .await;
    assert_eq!(e["source"], "bank");

    // The cash position ties: 197.50 on the statement + 40.00 outstanding = 237.50 in the ledger.
    let cp = app
        .fetch(t, "/api/v1/reports/cash-position?as_of=2026-03-31")
        .await;
    let row = cp["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["bank_account_id"] == b.bank.as_str())
        .unwrap();
    assert_eq!(dv(&row["statement_balance"]), d("197.50"));
    assert_eq!(dv(&row["ledger_balance"]), d("237.50"));
    assert_eq!(
        dv(&row["ledger_balance"]),
        b.balance(&app, &b.bank_ledger, "2026-03-31").await
    );
    assert_eq!(dv(&row["unreconciled_ledger_total"]), d("40.00"));
    assert_eq!(dv(&row["unreconciled_bank_total"]), d("0"));
    assert_eq!(dv(&row["unexplained_difference"]), d("0"));
    // As of a date before the fee was reconciled... reconciliations are dated by their sides:
    // on 2026-03-12 only the first payment is reconciled, and the statement is not yet out.
    let rs = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/bank-reconciliation?bank_account_id={}&as_of=2026-03-31",
                b.bank
            ),
        )
        .await;
    assert_eq!(rs["unreconciled_ledger_lines"].as_array().unwrap().len(), 1);
    assert_eq!(rs["unreconciled_bank_lines"], json!([]));

    // Undo the categorization: the line is open again and the fee entry reversed.
    let u = app
        .delete(&format!(
            "/api/v1/bank-reconciliations/{}",
            c.body["id"].as_str().unwrap()
        ))
        .token(t)
        .send()
        .await;
    assert_eq!(u.status, StatusCode::NO_CONTENT, "{}", u.text);
    let l = app
        .fetch(
            t,
            &format!("/api/v1/bank-transactions/{}", fee["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(l["status"], "unreconciled");
    assert!(l["reconciliation_id"].is_null());
    assert_eq!(b.balance(&app, &b.fees, "2026-12-31").await, d("0"));
    let cp = app
        .fetch(t, "/api/v1/reports/cash-position?as_of=2026-03-31")
        .await;
    let row = cp["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["bank_account_id"] == b.bank.as_str())
        .unwrap();
    assert_eq!(dv(&row["unreconciled_bank_total"]), d("-2.50"));
    assert_eq!(dv(&row["unexplained_difference"]), d("0"));
}
both_backends!(
    a_month_reconciled_ties_the_cash_position_works,
    super::a_month_reconciled_ties_the_cash_position
);

async fn one_to_many_many_to_one_and_write_offs(app: TestApp) {
    let b = Books::open(&app, "Matching Ltd").await;
    let t = &b.s.token;
    let p1 = b
        .payment(&app, "received", "2026-03-05", "30.00", None)
        .await;
    let p2 = b
        .payment(&app, "received", "2026-03-05", "70.00", None)
        .await;
    let p3 = b
        .payment(&app, "received", "2026-03-06", "50.00", None)
        .await;
    let p4 = b.payment(&app, "sent", "2026-03-07", "20.00", None).await;
    let all = b
        .statement(
            &app,
            &[
                (
                    "100.00",
                    "CRDT",
                    "2026-03-06",
                    Some("M-1"),
                    "Two payments in one",
                ),
                ("20.00", "CRDT", "2026-03-07", Some("M-2"), "Half"),
                ("30.00", "CRDT", "2026-03-07", Some("M-3"), "Other half"),
                (
                    "21.00",
                    "DBIT",
                    "2026-03-08",
                    Some("M-4"),
                    "Sent with a fee",
                ),
            ],
            "129.00",
        )
        .await;
    let id = |r: &str| {
        all.iter().find(|l| l["bank_reference"] == r).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // 1:N — one bank line, two payments.
    let r = app
        .post(&format!("/api/v1/bank-transactions/{}/match", id("M-1")))
        .token(t)
        .json(&json!({"payment_ids": [p1, p2]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["journal_lines"].as_array().unwrap().len(), 2);
    // The same payment again: 409.
    let again = app
        .post("/api/v1/bank-reconciliations")
        .token(t)
        .json(&json!({"bank_transaction_ids": [id("M-2"), id("M-3")], "payment_ids": [p1]}))
        .send()
        .await;
    assert_problem(&again, StatusCode::CONFLICT, "already_reconciled");
    // N:1 — two bank lines, one payment.
    let r = app
        .post("/api/v1/bank-reconciliations")
        .token(t)
        .json(&json!({"bank_transaction_ids": [id("M-2"), id("M-3")], "payment_ids": [p3]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["date"], "2026-03-07");
    // Sides that differ are refused without a write-off account ...
    let r = app
        .post(&format!("/api/v1/bank-transactions/{}/match", id("M-4")))
        .token(t)
        .json(&json!({"payment_ids": [p4]}))
        .send()
        .await;
    assert_problem(&r, StatusCode::UNPROCESSABLE_ENTITY, "amounts_differ");
    // ... and written off with one.
    let r = app
        .post(&format!("/api/v1/bank-transactions/{}/match", id("M-4")))
        .token(t)
        .json(&json!({"payment_ids": [p4], "difference_account_id": b.fees}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert_eq!(r.body["difference"], "-1.00");
    assert_eq!(b.balance(&app, &b.fees, "2026-03-31").await, d("1.00"));
    assert!(lines(&app, t, &b.bank, "&status=unreconciled")
        .await
        .is_empty());
    // The write-off entry cannot be reversed by hand.
    let e = r.body["journal_entry_id"].as_str().unwrap();
    let rev = app
        .post(&format!("/api/v1/ledger/journal-entries/{e}/reverse"))
        .token(t)
        .json(&json!({"date": "2026-03-31", "reason": "oops"}))
        .send()
        .await;
    assert_problem(&rev, StatusCode::CONFLICT, "reconciled");
    // Bad references name their field.
    let bad = app
        .post("/api/v1/bank-reconciliations")
        .token(t)
        .json(&json!({"bank_transaction_ids": [uuid::Uuid::now_v7()], "payment_ids": [p1]}))
        .send()
        .await;
    assert_field_refused(&bad, "not_found", "bank_transaction_ids[0]");
    // Every change is an event: the import, each line and its reconciliation.
    let events = crate::domain_events::all_events(&app);
    let count = |kind: &str| events.iter().filter(|(k, _, _)| k == kind).count();
    assert_eq!(count("bank_statement.imported"), 1);
    assert_eq!(count("bank_transaction.created"), 4);
    assert_eq!(count("bank_transaction.reconciled"), 4);
    assert_eq!(count("bank_reconciliation.created"), 3);
    assert_eq!(
        crate::domain_events::kinds_of(&app, &id("M-4")),
        vec!["bank_transaction.created", "bank_transaction.reconciled"]
    );
}
both_backends!(
    one_to_many_many_to_one_and_write_offs_works,
    super::one_to_many_many_to_one_and_write_offs
);

async fn auto_reconcile_matches_what_it_can_tell_apart(app: TestApp) {
    let b = Books::open(&app, "Auto Ltd").await;
    let t = &b.s.token;
    // Two invoices of the same amount: the remittance names one of them as a whole token.
    let i1 = b.invoice(&app, "2026-03-01", "80.00").await;
    let i10 = b.invoice(&app, "2026-03-01", "80.00").await;
    // Two payments of the same amount with nothing to tell them apart.
    b.payment(&app, "received", "2026-03-04", "25.00", None)
        .await;
    b.payment(&app, "received", "2026-03-04", "25.00", None)
        .await;
    // One payment alone of its amount.
    let solo = b.payment(&app, "sent", "2026-03-05", "12.00", None).await;
    let all = b
        .statement(
            &app,
            &[
                (
                    "80.00",
                    "CRDT",
                    "2026-03-06",
                    Some("A-1"),
                    &format!("Settles {}", i10["number"].as_str().unwrap()),
                ),
                ("25.00", "CRDT", "2026-03-06", Some("A-2"), "Transfer"),
                ("12.00", "DBIT", "2026-03-06", Some("A-3"), "Supplier"),
                ("3.00", "DBIT", "2026-03-06", Some("A-4"), "Card fee"),
            ],
            "90.00",
        )
        .await;
    let id = |r: &str| {
        all.iter().find(|l| l["bank_reference"] == r).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // A rule for card fees: it takes the line no payment or document could be.
    app.create(
        t,
        "/api/v1/bank-rules",
        json!({"name": "Card fees", "description_contains": "card fee", "direction": "out", "ledger_account_id": b.fees}),
    )
    .await;
    let dry = app
        .post(&format!("/api/v1/bank-accounts/{}/auto-reconcile", b.bank))
        .token(t)
        .json(&json!({"dry_run": true, "date_window_days": 7}))
        .send()
        .await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.text);
    let matched: Vec<&Value> = dry.body["matched"].as_array().unwrap().iter().collect();
    let m = |r: &str| {
        matched
            .iter()
            .find(|m| m["bank_transaction_id"] == id(r).as_str())
    };
    assert_eq!(
        m("A-1").expect(&dry.text)["id"],
        id_of(&i10).as_str(),
        "{}",
        dry.text
    );
    assert_eq!(m("A-1").unwrap()["reason"], "reference");
    assert!(m("A-2").is_none());
    assert_eq!(m("A-3").unwrap()["reason"], "only_candidate");
    assert_eq!(m("A-4").unwrap()["kind"], "rule");
    assert!(dry.body["ambiguous"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["bank_transaction_id"] == id("A-2").as_str()));
    assert_eq!(dry.body["unmatched"], 0);
    assert_eq!(
        lines(&app, t, &b.bank, "&status=unreconciled").await.len(),
        4,
        "a dry run changes nothing"
    );

    let run = app
        .post(&format!("/api/v1/bank-accounts/{}/auto-reconcile", b.bank))
        .token(t)
        .json(&json!({"date_window_days": 7}))
        .send()
        .await;
    assert_eq!(run.status, StatusCode::OK, "{}", run.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/invoices/{}", id_of(&i10)))
            .await["status"],
        "paid"
    );
    assert_eq!(
        app.fetch(t, &format!("/api/v1/invoices/{}", id_of(&i1)))
            .await["status"],
        "open"
    );
    let open: Vec<String> = lines(&app, t, &b.bank, "&status=unreconciled")
        .await
        .iter()
        .map(|l| l["bank_reference"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(open, vec!["A-2".to_owned()]);
    assert_eq!(b.balance(&app, &b.fees, "2026-03-31").await, d("3.00"));
    let _ = solo;
}
both_backends!(
    auto_reconcile_matches_what_it_can_tell_apart_works,
    super::auto_reconcile_matches_what_it_can_tell_apart
);
