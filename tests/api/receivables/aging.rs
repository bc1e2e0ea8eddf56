//! The aging ties to the control accounts at every date of a realistic book.

use chrono::{Duration, NaiveDate};
use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{aging_row, line, qline, Rp};
use crate::both_backends;
use crate::support::books::{d, date, dv, tb_net};
use crate::support::http::id_of;
use crate::support::TestApp;

/// A small deterministic generator (no dependency on a random crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

async fn aging_ties_to_the_control_accounts_on_a_realistic_book(app: TestApp) {
    let rp = Rp::open(&app, "Realistic Ltd").await;
    let (ar, ap) = (rp.ar(), rp.ap());
    let mut rng = Lcg(42);
    let start = date("2026-01-05");
    let a = rp
        .post(
            "/api/v1/exchange-rates",
            &json!({"currency": "EUR", "date": "2026-01-01", "rate": "1.08"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let eur_bank = rp.bank_account("Euro account", "EUR").await;
    let mut customers = vec![rp.customer.clone()];
    for name in ["Initech", "Umbrella", "Hooli"] {
        customers.push(rp.account(name, true, false, "USD").await);
    }
    let euro = rp.account("Bundesbahn", true, false, "EUR").await;
    let mut vendors = vec![rp.vendor.clone()];
    for name in ["Globex", "Stark Industries"] {
        vendors.push(rp.account(name, false, true, "USD").await);
    }
    let standard = rp.rates["Standard rate"].clone();
    let taxes = [None, Some(rp.vat10.clone()), Some(standard)];

    // 36 invoices and 15 bills over nine months, due in 0 to 60 days.
    let mut invoices: Vec<(String, String, NaiveDate, Decimal)> = Vec::new(); // id, account, date, total
    for i in 0..36 {
        let day = start + Duration::days((i * 7 + rng.next(5) as i64) % 260);
        let customer = customers[rng.next(customers.len() as u64) as usize].clone();
        let due = day + Duration::days([0, 14, 30, 45, 60][rng.next(5) as usize]);
        let lines: Vec<Value> = (0..1 + rng.next(3))
            .map(|_| {
                let price = format!("{}.{:02}", 20 + rng.next(900), rng.next(100));
                let qty = (1 + rng.next(4)).to_string();
                let mut l = qline(&qty, &price, taxes[rng.next(3) as usize].as_deref());
                l["description"] = json!("Services");
                l
            })
            .collect();
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": customer, "issue_date": day.to_string(),
                       "due_date": due.to_string(), "lines": lines}),
            )
            .await;
        let doc = rp.issue("invoices", &id_of(&doc)).await;
        invoices.push((id_of(&doc), customer, day, dv(&doc["total"])));
    }
    let mut bills: Vec<(String, String, NaiveDate, Decimal)> = Vec::new();
    for i in 0..15 {
        let day = start + Duration::days((i * 17 + rng.next(5) as i64) % 260);
        let vendor = vendors[rng.next(vendors.len() as u64) as usize].clone();
        let due = day + Duration::days([10, 30, 45][rng.next(3) as usize]);
        let price = format!("{}.{:02}", 50 + rng.next(2000), rng.next(100));
        let doc = rp
            .draft(
                "bills",
                json!({"account_id": vendor, "reference": format!("SUP-{i}"), "issue_date": day.to_string(),
                       "due_date": due.to_string(),
                       "lines": [line(&price, taxes[rng.next(3) as usize].as_deref())]}),
            )
            .await;
        let doc = rp.issue("bills", &id_of(&doc)).await;
        bills.push((id_of(&doc), vendor, day, dv(&doc["total"])));
    }
    // Three EUR invoices at the recorded rate, paid at others.
    let mut euro_invoices = Vec::new();
    for (i, day) in ["2026-02-03", "2026-04-14", "2026-07-01"]
        .iter()
        .enumerate()
    {
        let doc = rp
            .draft(
                "invoices",
                json!({"account_id": euro, "issue_date": day,
                       "lines": [line(&format!("{}.45", 700 + i * 130), Some(&rp.vat10))]}),
            )
            .await;
        let doc = rp.issue("invoices", &id_of(&doc)).await;
        euro_invoices.push((id_of(&doc), date(day), dv(&doc["total"])));
    }

    // Payments: most invoices paid, some in full, some in two parts, some left open; some
    // payments overpay and stay partly unallocated; one payment is voided.
    let mut voided = None;
    for (n, (id, customer, day, total)) in invoices.iter().enumerate() {
        match rng.next(5) {
            0 => {} // left open
            1 => {
                let half = (*total / Decimal::TWO).round_dp(2);
                for (k, amount) in [half, *total - half].iter().enumerate() {
                    let pay_day = *day + Duration::days(10 + 25 * k as i64);
                    rp.received(
                        customer,
                        &pay_day.to_string(),
                        &amount.to_string(),
                        json!([{"invoice_id": id, "amount": amount.to_string()}]),
                    )
                    .await;
                }
            }
            2 => {
                // Overpaid by 25.00: the rest is a credit until allocated (or not).
                let pay_day = *day + Duration::days(20);
                let p = rp
                    .received(
                        customer,
                        &pay_day.to_string(),
                        &(*total + d("25.00")).to_string(),
                        json!([{"invoice_id": id, "amount": total.to_string()}]),
                    )
                    .await;
                if voided.is_none() && n > 5 {
                    voided = Some(id_of(&p));
                }
            }
            _ => {
                let pay_day = *day + Duration::days(5 + rng.next(60) as i64);
                rp.received(
                    customer,
                    &pay_day.to_string(),
                    &total.to_string(),
                    json!([{"invoice_id": id, "amount": total.to_string(), "date": (pay_day + Duration::days(1)).to_string()}]),
                )
                .await;
            }
        }
    }
    let voided = voided.expect("one overpayment to void");
    let a = rp.action("payments", &voided, "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // Credit notes against a few invoices (partial and over the amount due).
    for (id, customer, day, total) in invoices.iter().step_by(7) {
        let amount = (*total / d("3")).round_dp(2);
        let cn = rp
            .draft(
                "credit-notes",
                json!({"account_id": customer, "invoice_id": id,
                       "issue_date": (*day + Duration::days(12)).to_string(),
                       "lines": [line(&amount.to_string(), None)]}),
            )
            .await;
        rp.issue("credit-notes", &id_of(&cn)).await;
    }
    // Bills: most paid, one payment sent in advance and allocated later.
    for (id, vendor, day, total) in bills.iter() {
        if rng.next(3) > 0 {
            let pay_day = *day + Duration::days(rng.next(50) as i64);
            rp.sent(
                vendor,
                &pay_day.to_string(),
                &total.to_string(),
                json!([{"bill_id": id, "amount": total.to_string()}]),
            )
            .await;
        }
    }
    let advance = rp
        .sent(&vendors[1], "2026-03-03", "100.00", json!([]))
        .await;
    let vendor_bill = rp
        .bill(&vendors[1], "ADV-1", "2026-04-01", "2026-04-30", "250.00")
        .await;
    let a = rp
        .post(
            &format!("/api/v1/payments/{}/allocations", id_of(&advance)),
            &json!({"allocations": [{"bill_id": id_of(&vendor_bill), "amount": "100.00", "date": "2026-04-15"}]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    // EUR invoices paid at other rates, one of them in part.
    for (k, (id, day, total)) in euro_invoices.iter().enumerate() {
        let amount = if k == 1 {
            (*total / Decimal::TWO).round_dp(2)
        } else {
            *total
        };
        let rate = ["1.1123", "1.0411", "1.15"][k];
        let a = rp
            .pay(json!({"direction": "received", "account_id": euro, "bank_account_id": eur_bank,
                        "date": (*day + Duration::days(33)).to_string(), "amount": amount.to_string(),
                        "exchange_rate": rate,
                        "allocations": [{"invoice_id": id, "amount": amount.to_string()}]}))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }

    // The aging ties to the control accounts on the first of every month, mid-month, on
    // boundaries of the buckets, and at the end.
    let mut day = date("2026-01-01");
    let mut checked = 0;
    while day <= date("2027-03-31") {
        rp.assert_aging_ties("ar", &day.to_string()).await;
        rp.assert_aging_ties("ap", &day.to_string()).await;
        day += Duration::days(15);
        checked += 1;
    }
    assert!(checked > 25);
    // Every bucket is used at some date and the EUR customer's row is in base currency.
    let ag = rp.aging("ar", "2026-12-31").await;
    assert_eq!(ag["currency"], "USD");
    let totals = &ag["totals"];
    assert!(dv(&totals["days_over_90"]) != Decimal::ZERO, "{ag}");
    let ag_mid = rp.aging("ar", "2026-06-30").await;
    let any_nonzero = ["current", "days_1_30", "days_31_60", "days_61_90"]
        .iter()
        .filter(|k| dv(&ag_mid["totals"][**k]) != Decimal::ZERO)
        .count();
    assert!(any_nonzero >= 2, "{ag_mid}");
    assert!(aging_row(&ag, &euro).is_some(), "{ag}");
    // The payments list shows exactly one void payment.
    let void = rp.get("/api/v1/payments?status=void&limit=200").await;
    assert_eq!(void["data"].as_array().unwrap().len(), 1);
    // The per-account rows tie to each customer's own balance on the control account
    // (activity filtered by account would be the ledger's job; here: the sum of rows).
    let tb = rp.trial_balance("2026-12-31").await;
    assert_eq!(
        tb_net(&tb, &ar),
        dv(&ag["totals"]["total"]),
        "trial balance vs aging: {tb}"
    );
    let ap_ag = rp.aging("ap", "2026-12-31").await;
    assert_eq!(-tb_net(&tb, &ap), dv(&ap_ag["totals"]["total"]));
    rp.trial_balance("2027-03-31").await;
    rp.trial_balance("2026-06-30").await;
}
both_backends!(
    realistic_aging,
    super::aging_ties_to_the_control_accounts_on_a_realistic_book
);

/// An item settled in full leaves the aging from the day of its last allocation and stays in
/// it for every earlier day; voiding the payment brings it back on every day.
async fn settled_items_leave_the_aging_from_their_settlement_day(app: TestApp) {
    let rp = Rp::open(&app, "Settling Ltd").await;
    let inv = rp
        .invoice(&rp.customer, "2026-01-10", "2026-02-09", "300.00")
        .await;
    let inv = id_of(&inv);
    // Two allocations dated apart settle it: in part on 2026-02-01, in full on 2026-02-20.
    let payment = rp
        .received(
            &rp.customer,
            "2026-02-01",
            "300.00",
            json!([{"invoice_id": inv, "amount": "100.00", "date": "2026-02-01"},
                   {"invoice_id": inv, "amount": "200.00", "date": "2026-02-20"}]),
        )
        .await;
    let row_total = |ag: &Value| aging_row(ag, &rp.customer).map(|r| dv(&r["total"]));
    for (day, open) in [
        ("2026-01-31", Some(d("300.00"))),
        // The payment is dated 2026-02-01, its 200.00 not yet allocated: the row nets to 0.
        ("2026-02-01", None),
        ("2026-02-19", None),
        ("2026-02-20", None),
        ("2026-03-31", None),
    ] {
        let ag = rp.aging("ar", day).await;
        assert_eq!(row_total(&ag), open, "{day}: {ag}");
        rp.assert_aging_ties("ar", day).await;
    }
    // Between the two allocations the invoice is open for 200.00 and the payment for 200.00
    // (in different buckets before the invoice is due, so the row shows).
    let ag = app
        .get("/api/v1/reports/ar-aging?as_of=2026-02-05&include_items=true")
        .token(&rp.token)
        .send()
        .await;
    let items = aging_row(&ag.body, &rp.customer).unwrap()["items"].clone();
    let amounts: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["amount"].as_str().unwrap())
        .collect();
    // Oldest first: the payment ages from 2026-02-01, the invoice from its due date.
    assert_eq!(amounts, ["-200.00", "200.00"], "{items}");
    // Voided, the payment settles nothing: the invoice is open on every day again.
    let a = rp.action("payments", &id_of(&payment), "void").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    for day in ["2026-01-31", "2026-02-20", "2026-03-31"] {
        let ag = rp.aging("ar", day).await;
        assert_eq!(row_total(&ag), Some(d("300.00")), "{day}: {ag}");
        rp.assert_aging_ties("ar", day).await;
    }
}
both_backends!(
    settled_items,
    super::settled_items_leave_the_aging_from_their_settlement_day
);
