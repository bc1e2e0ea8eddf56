//! The CRM side of the books: health factors from receivables (disputed amounts excluded),
//! invoices, credit notes and payments on the account timeline, revenue attribution in the
//! performance and sales reports with target attainment, and the invoices a dispute names.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::day;
use crate::support::http::id_of;
use crate::support::TestApp;

/// What every test here bills with: a 10% tax rate, an income account and a bank account.
struct Billing {
    vat: String,
    income: String,
    bank: String,
}

impl Billing {
    async fn open(app: &TestApp, t: &str) -> Billing {
        let vat = app.tax_rate(t, "VAT 10", "0.10", true).await;
        let income = app
            .create(
                t,
                "/api/v1/ledger/accounts",
                json!({"code": "4150", "name": "Consulting income", "type": "income", "currency": "USD"}),
            )
            .await;
        let bank = app.bank_account(t, "Operating", "USD").await;
        Billing {
            vat,
            income: id_of(&income),
            bank,
        }
    }

    fn line(&self, unit_price: &str, quantity: &str) -> Value {
        json!({"description": "Consulting", "quantity": quantity, "unit_price": unit_price,
               "tax_rate_id": self.vat, "ledger_account_id": self.income})
    }

    /// An issued invoice of `amount` plus 10% tax, issued and due days from today.
    async fn invoice(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        (issued, due): (i64, i64),
        amount: &str,
    ) -> Value {
        app.issued(
            t,
            "invoices",
            json!({"account_id": account, "issue_date": day(issued), "due_date": day(due),
                   "currency": "USD", "lines": [self.line(amount, "1")]}),
        )
        .await
    }

    async fn credit_note(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        invoice: &str,
        issued: i64,
        unit_price: &str,
    ) -> Value {
        app.issued(
            t,
            "credit-notes",
            json!({"account_id": account, "invoice_id": invoice, "issue_date": day(issued),
                   "lines": [self.line(unit_price, "1")]}),
        )
        .await
    }

    /// A payment received by wire, allocated in full to `invoice` on its own date.
    async fn payment(
        &self,
        app: &TestApp,
        t: &str,
        account: &str,
        on: i64,
        amount: &str,
        invoice: &str,
    ) -> Value {
        app.create(
            t,
            "/api/v1/payments",
            json!({"direction": "received", "account_id": account, "bank_account_id": self.bank,
                   "date": day(on), "amount": amount, "currency": "USD", "reference": "wire",
                   "allocations": [{"invoice_id": invoice, "amount": amount, "date": day(on)}]}),
        )
        .await
    }
}

fn factor(account: &Value, key: &str) -> Value {
    account["health"]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == key)
        .cloned()
        .unwrap_or_else(|| panic!("no factor {key} in {account}"))
}

fn raw(account: &Value, key: &str) -> f64 {
    let f = factor(account, key);
    assert_eq!(f["status"], "ok", "{f}");
    f["raw_value"].as_f64().unwrap()
}

async fn health_comes_from_the_books_less_disputes(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true}),
        )
        .await,
    );
    let quiet = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Quiet", "is_customer": true}),
        )
        .await,
    );
    // 1000.00 + 100.00 tax, long overdue, half paid; 300.00 + 30.00 not yet due, a credit
    // note of 100.00 + 10.00 and 110.00 paid on it.
    let a = b.invoice(&app, t, &globex, (-200, -170), "1000.00").await;
    let inv_b = b.invoice(&app, t, &globex, (-20, 10), "300.00").await;
    b.payment(&app, t, &globex, -150, "550.00", &id_of(&a))
        .await;
    b.credit_note(&app, t, &globex, &id_of(&inv_b), -10, "100.00")
        .await;
    b.payment(&app, t, &globex, -3, "110.00", &id_of(&inv_b))
        .await;

    // Open 550.00 (overdue) + 110.00 (not due) = 660.00; invoiced 1430.00 in the last year.
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 83.33, "550 / 660");
    assert_eq!(
        raw(&acc, "days_sales_outstanding"),
        168.46,
        "660 / 1430 × 365"
    );
    assert_eq!(factor(&acc, "overdue_receivables")["score"], 17);
    assert_eq!(factor(&acc, "days_sales_outstanding")["score"], 0);
    // As of a past day: the payment and the later invoice had not happened.
    let past = app
        .fetch(t, &format!("/api/v1/accounts/{globex}?as_of={}", day(-160)))
        .await;
    assert_eq!(raw(&past, "overdue_receivables"), 100.0);
    assert_eq!(raw(&past, "days_sales_outstanding"), 365.0);
    // Before any invoice, and for an account never invoiced: no data.
    let before = app
        .fetch(t, &format!("/api/v1/accounts/{globex}?as_of={}", day(-300)))
        .await;
    assert_eq!(factor(&before, "overdue_receivables")["status"], "no_data");
    let q = app.fetch(t, &format!("/api/v1/accounts/{quiet}")).await;
    assert_eq!(factor(&q, "overdue_receivables")["status"], "no_data");
    assert_eq!(factor(&q, "days_sales_outstanding")["status"], "no_data");
    assert_eq!(
        factor(&q, "days_sales_outstanding")["raw_value"],
        Value::Null
    );

    // 200.00 of the overdue invoice is disputed: (550 − 200) / 660.
    let dispute = app.create(t,
        "/api/v1/risks",
        json!({"account_id": globex, "kind": "dispute", "severity": "low",
               "description": "hours billed", "invoice_ids": [id_of(&a)], "disputed_amount": "200.00"}),
    )
    .await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 53.03);
    // Lists compute the same health.
    let list = app.fetch(t, "/api/v1/accounts?limit=50").await;
    let listed = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == globex.as_str())
        .cloned()
        .unwrap();
    assert_eq!(raw(&listed, "overdue_receivables"), 53.03);
    // Mitigating still counts; once resolved the whole amount is overdue again.
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&dispute)))
        .token(t)
        .json(&json!({"status": "mitigating"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 53.03);
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&dispute)))
        .token(t)
        .json(&json!({"status": "resolved", "outcome": "withdrawn"}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 83.33);
    // A dispute naming the invoice without an amount takes all of it out.
    app.create(
        t,
        "/api/v1/risks",
        json!({"account_id": globex, "kind": "dispute", "severity": "low",
               "description": "the whole invoice", "invoice_ids": [id_of(&a)]}),
    )
    .await;
    let acc = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(raw(&acc, "overdue_receivables"), 0.0);
    assert_eq!(factor(&acc, "overdue_receivables")["score"], 100);
}
both_backends!(
    health_comes_from_the_books_less_disputes_works,
    super::health_comes_from_the_books_less_disputes
);

async fn timeline_shows_invoices_credit_notes_and_payments(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true}),
        )
        .await,
    );
    let other = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Other", "is_customer": true}),
        )
        .await,
    );
    let inv = b.invoice(&app, t, &globex, (-30, 0), "300.00").await;
    let pay = b
        .payment(&app, t, &globex, -5, "100.00", &id_of(&inv))
        .await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&inv), -2, "50.00")
        .await;
    b.invoice(&app, t, &other, (-1, 29), "10.00").await;
    // A draft is not on the timeline.
    app.create(
        t,
        "/api/v1/invoices",
        json!({"account_id": globex, "issue_date": day(-1), "currency": "USD",
               "lines": [b.line("1.00", "1")]}),
    )
    .await;
    app.create(
        t,
        "/api/v1/tasks",
        json!({"account_id": globex, "title": "Chase the remainder"}),
    )
    .await;

    let page = app
        .fetch(t, &format!("/api/v1/accounts/{globex}/timeline"))
        .await;
    let entries = page["data"].as_array().unwrap();
    let types: Vec<&str> = entries
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["task", "credit_note", "payment", "invoice"],
        "{page}"
    );
    let ats: Vec<&str> = entries.iter().map(|e| e["at"].as_str().unwrap()).collect();
    let mut sorted = ats.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ats, sorted, "newest first");
    let invoice = &entries[3];
    assert_eq!(invoice["id"], inv["id"]);
    assert!(invoice["at"].as_str().unwrap().starts_with(&day(-30)));
    assert_eq!(
        invoice["title"],
        format!("invoice {}", inv["number"].as_str().unwrap())
    );
    assert_eq!(invoice["detail"], format!("330.00 USD due {}", day(0)));
    assert_eq!(invoice["status"], "partially_paid");
    assert_eq!(entries[2]["id"], pay["id"]);
    assert_eq!(entries[2]["title"], "payment received");
    assert_eq!(entries[2]["detail"], "100.00 USD (wire)");
    assert_eq!(entries[2]["status"], "posted");
    assert_eq!(entries[1]["id"], cn["id"]);
    assert_eq!(entries[1]["detail"], "55.00 USD");
    // Pages follow the same order.
    let first = app
        .fetch(t, &format!("/api/v1/accounts/{globex}/timeline?limit=2"))
        .await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .fetch(
            t,
            &format!("/api/v1/accounts/{globex}/timeline?limit=2&cursor={cursor}"),
        )
        .await;
    let ids: Vec<&Value> = first["data"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["data"].as_array().unwrap())
        .map(|e| &e["id"])
        .collect();
    let all: Vec<&Value> = entries.iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, all);
}
both_backends!(
    timeline_shows_invoices_credit_notes_and_payments_works,
    super::timeline_shows_invoices_credit_notes_and_payments
);

fn row<'a>(report: &'a Value, list: &str, key: &str, value: &str) -> &'a Value {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no {list} row {value} in {report}"))
}

async fn revenue_follows_the_owner_recorded_at_issue(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let alice = app.account_manager(t, "alice").await.id;
    let bob = app.account_manager(t, "bob").await.id;
    let north = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "North", "lead_id": alice, "member_ids": [alice]}),
        )
        .await,
    );
    let east = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "North East", "parent_team_id": north, "member_ids": [bob]}),
        )
        .await,
    );
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true, "owner_id": alice, "team_id": north}),
        )
        .await,
    );
    let initech = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Initech", "is_customer": true, "owner_id": bob, "team_id": east}),
        )
        .await,
    );

    // Outside the period: invoiced and paid long ago.
    let old = b.invoice(&app, t, &globex, (-200, -170), "1000.00").await;
    b.payment(&app, t, &globex, -150, "1100.00", &id_of(&old))
        .await;
    // Alice's: 300.00 invoiced, then Globex moves to Bob; the credit note of 100.00 on her
    // invoice stays hers, the next invoice (50.00) is Bob's.
    let inv_b = b.invoice(&app, t, &globex, (-20, 10), "300.00").await;
    assert_eq!(inv_b["owner_id"], alice.as_str());
    assert_eq!(inv_b["team_id"], north.as_str());
    app.act(
        t,
        &format!("/api/v1/accounts/{globex}/reassign"),
        json!({"owner_id": bob, "team_id": east}),
    )
    .await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&inv_b), -10, "100.00")
        .await;
    assert_eq!(cn["owner_id"], alice.as_str());
    b.payment(&app, t, &globex, -3, "110.00", &id_of(&inv_b))
        .await;
    let inv_d = b.invoice(&app, t, &globex, (-2, 28), "50.00").await;
    assert_eq!(inv_d["owner_id"], bob.as_str());
    // Bob's own account: 2000.00 + 200.00 tax, half paid.
    let inv_c = b.invoice(&app, t, &initech, (-30, 30), "2000.00").await;
    b.payment(&app, t, &initech, -5, "1100.00", &id_of(&inv_c))
        .await;
    // A voided invoice is no revenue.
    let draft = app
        .create(
            t,
            "/api/v1/invoices",
            json!({"account_id": initech, "issue_date": day(-4), "currency": "USD",
               "lines": [b.line("999.00", "1")]}),
        )
        .await;
    app.act(
        t,
        &format!("/api/v1/invoices/{}/issue", id_of(&draft)),
        json!({}),
    )
    .await;
    app.act(
        t,
        &format!("/api/v1/invoices/{}/void", id_of(&draft)),
        json!({}),
    )
    .await;

    for (who, team, metric, amount) in [
        (Some(&alice), None, "revenue_invoiced", "400.00"),
        (Some(&bob), None, "revenue_collected", "4000.00"),
        (None, Some(&north), "revenue_collected", "2200.00"),
        (None, Some(&east), "revenue_invoiced", "0.00"),
    ] {
        app.create(
            t,
            "/api/v1/targets",
            json!({"user_id": who, "team_id": team, "period_start": day(-60),
                   "period_end": day(0), "metric": metric, "amount": amount}),
        )
        .await;
    }

    let report = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/performance?from={}&to={}",
                day(-60),
                day(0)
            ),
        )
        .await;
    // Alice: 300.00 − 100.00 invoiced; 110.00 collected less its tax share (300/330).
    let a = row(&report, "managers", "user_id", &alice);
    assert_eq!(a["revenue_invoiced"], "200.00", "{a}");
    assert_eq!(a["revenue_collected"], "100.00", "{a}");
    assert_eq!(a["accounts_managed"], 0);
    let target = &a["targets"][0];
    assert_eq!(target["metric"], "revenue_invoiced");
    assert_eq!(target["actual"], "200.00");
    assert_eq!(target["attainment"], "0.5");
    // Bob: 2000.00 + 50.00 invoiced; 1100.00 collected of which 1000.00 without tax.
    let bb = row(&report, "managers", "user_id", &bob);
    assert_eq!(bb["revenue_invoiced"], "2050.00", "{bb}");
    assert_eq!(bb["revenue_collected"], "1000.00", "{bb}");
    assert_eq!(bb["targets"][0]["actual"], "1000.00");
    assert_eq!(bb["targets"][0]["attainment"], "0.25");
    // Teams: North includes its sub-team North East.
    let n = row(&report, "teams", "team_id", &north);
    assert_eq!(n["revenue_invoiced"], "2250.00", "{n}");
    assert_eq!(n["revenue_collected"], "1100.00", "{n}");
    assert_eq!(n["targets"][0]["actual"], "1100.00");
    assert_eq!(n["targets"][0]["attainment"], "0.5");
    let e = row(&report, "teams", "team_id", &east);
    assert_eq!(e["revenue_invoiced"], "2050.00", "{e}");
    assert_eq!(e["revenue_collected"], "1000.00", "{e}");
    assert_eq!(e["targets"][0]["actual"], "2050.00");
    assert_eq!(e["targets"][0]["attainment"], Value::Null, "a zero target");

    // The old invoice and its payment count in their own period.
    let then = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/performance?from={}&to={}",
                day(-210),
                day(-140)
            ),
        )
        .await;
    let a = row(&then, "managers", "user_id", &alice);
    assert_eq!(a["revenue_invoiced"], "1000.00");
    assert_eq!(a["revenue_collected"], "1000.00");

    // The sales report's revenue by recorded owner, and by account.
    let sales = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/sales?from={}&to={}&group_by=owner",
                day(-60),
                day(0)
            ),
        )
        .await;
    assert_eq!(
        row(&sales, "rows", "key", &alice)["revenue_invoiced"],
        "200.00"
    );
    assert_eq!(
        row(&sales, "rows", "key", &bob)["revenue_invoiced"],
        "2050.00"
    );
    let sales = app
        .fetch(
            t,
            &format!(
                "/api/v1/reports/sales?from={}&to={}&group_by=account",
                day(-60),
                day(0)
            ),
        )
        .await;
    let g = row(&sales, "rows", "key", &globex);
    assert_eq!(g["label"], "Globex");
    assert_eq!(g["revenue_invoiced"], "250.00");
    assert_eq!(
        row(&sales, "rows", "key", &initech)["revenue_invoiced"],
        "2000.00"
    );
}
both_backends!(
    revenue_follows_the_owner_recorded_at_issue_works,
    super::revenue_follows_the_owner_recorded_at_issue
);

async fn a_dispute_names_invoices_of_its_account(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let globex = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "is_customer": true}),
        )
        .await,
    );
    let initech = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Initech", "is_customer": true}),
        )
        .await,
    );
    let mine = b.invoice(&app, t, &globex, (-40, -10), "100.00").await;
    let theirs = b.invoice(&app, t, &initech, (-40, -10), "100.00").await;
    let cn = b
        .credit_note(&app, t, &globex, &id_of(&mine), -5, "10.00")
        .await;
    let stranger = app.signup("Elsewhere").await;
    let sb = Billing::open(&app, &stranger.token).await;
    let far = id_of(
        &app.create(
            &stranger.token,
            "/api/v1/accounts",
            json!({"name": "Far", "is_customer": true}),
        )
        .await,
    );
    let foreign = sb
        .invoice(&app, &stranger.token, &far, (-40, -10), "1.00")
        .await;

    let r = app
        .post("/api/v1/risks")
        .token(t)
        .json(&json!({"account_id": globex, "kind": "dispute", "severity": "medium",
                      "description": "billing", "disputed_amount": "50.00",
                      "invoice_ids": [id_of(&mine), id_of(&theirs), uuid::Uuid::now_v7(), id_of(&cn), id_of(&foreign)]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let errors: Vec<(String, String)> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for expected in [
        ("invoice_ids[1]", "account_mismatch"),
        ("invoice_ids[2]", "not_found"),
        ("invoice_ids[3]", "not_an_invoice"),
        ("invoice_ids[4]", "not_found"),
    ] {
        assert!(
            errors.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} in {errors:?}"
        );
    }
    assert!(!errors.iter().any(|(f, _)| f == "invoice_ids[0]"));
    // Its own invoice is accepted (once), on create and on PATCH.
    let d = app
        .create(
            t,
            "/api/v1/risks",
            json!({"account_id": globex, "kind": "dispute", "severity": "medium",
               "description": "billing", "invoice_ids": [id_of(&mine), id_of(&mine)]}),
        )
        .await;
    assert_eq!(d["invoice_ids"], json!([id_of(&mine)]));
    let r = app
        .patch(&format!("/api/v1/risks/{}", id_of(&d)))
        .token(t)
        .json(&json!({"invoice_ids": [id_of(&theirs)]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.error_fields(), ["invoice_ids[0]"]);
}
both_backends!(
    a_dispute_names_invoices_of_its_account_works,
    super::a_dispute_names_invoices_of_its_account
);
