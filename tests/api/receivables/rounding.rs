//! Exact totals: each line's amount and tax rounds to the minor unit, half-up or half-even,
//! exclusive or inclusive of tax; non-recoverable tax is part of the expense.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{line, qline, Rp};
use crate::both_backends;
use crate::support::books::d;
use crate::support::http::id_of;
use crate::support::problem::assert_field_refused;
use crate::support::TestApp;

async fn totals_round_per_line_half_up_or_half_even(app: TestApp) {
    let rp = Rp::open(&app, "Rounding Ltd").await;
    let sales = rp.code("4000");
    let sales_tax = rp.role("sales_tax");

    // Half-up by default: 0.25 × 10% = 0.025 → 0.03.
    let org = rp.get("/api/v1/organization").await;
    assert_eq!(org["rounding_mode"], "half_up", "{org}");
    let tiny = |price: &str| {
        json!({"account_id": rp.customer, "issue_date": "2026-04-01",
               "lines": [line(price, Some(&rp.vat10))]})
    };
    let up = rp.draft("invoices", tiny("0.25")).await;
    assert_eq!(up["lines"][0]["tax_amount"], "0.03", "{up}");
    assert_eq!(up["tax_total"], "0.03");
    assert_eq!(up["total"], "0.28");
    let up35 = rp.draft("invoices", tiny("0.35")).await;
    assert_eq!(up35["tax_total"], "0.04");

    // Per line, then summed: three lines of 0.25 at 10% are 3 × 0.03 = 0.09, not 0.08.
    let three = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [line("0.25", Some(&rp.vat10)), line("0.25", Some(&rp.vat10)), line("0.25", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(three["subtotal"], "0.75");
    assert_eq!(three["tax_total"], "0.09");
    assert_eq!(three["total"], "0.84");

    // The line amount itself rounds: 3 × 333.335 = 1000.005 → 1000.01; 0.5 × 0.05 = 0.025 → 0.03.
    let amounts = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [qline("3", "333.335", None), qline("0.5", "0.05", None)]}),
        )
        .await;
    assert_eq!(amounts["lines"][0]["amount"], "1000.01", "{amounts}");
    assert_eq!(amounts["lines"][1]["amount"], "0.03");
    assert_eq!(amounts["total"], "1000.04");

    // Inclusive: 10.00 gross at 20% holds 1.67 tax (1.666…), 8.33 net; 120.00 → 20.00 / 100.00.
    let standard = rp.rates["Standard rate"].clone();
    let inclusive = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01", "amounts_are": "inclusive",
                   "lines": [line("10.00", Some(&standard)), line("120.00", Some(&standard))]}),
        )
        .await;
    assert_eq!(inclusive["amounts_are"], "inclusive");
    assert_eq!(inclusive["lines"][0]["amount"], "8.33", "{inclusive}");
    assert_eq!(inclusive["lines"][0]["tax_amount"], "1.67");
    assert_eq!(inclusive["lines"][1]["amount"], "100.00");
    assert_eq!(inclusive["lines"][1]["tax_amount"], "20.00");
    assert_eq!(inclusive["subtotal"], "108.33");
    assert_eq!(inclusive["tax_total"], "21.67");
    assert_eq!(
        inclusive["total"], "130.00",
        "inclusive totals are the gross entered"
    );
    // Switching the draft to exclusive reprices it.
    let a = rp
        .patch(
            &format!("/api/v1/invoices/{}", id_of(&inclusive)),
            &json!({"amounts_are": "exclusive"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["subtotal"], "130.00");
    assert_eq!(a.body["tax_total"], "26.00");
    assert_eq!(a.body["total"], "156.00");
    // Inclusive at the half: 0.22 gross at 10% → 0.02 tax (0.02), net 0.20.
    let half = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01", "amounts_are": "inclusive",
                   "lines": [line("0.22", Some(&rp.vat10))]}),
        )
        .await;
    assert_eq!(half["tax_total"], "0.02");
    assert_eq!(half["subtotal"], "0.20");

    // Issued, the posting is the rounded lines exactly.
    rp.issue("invoices", &id_of(&up)).await;
    rp.issue("invoices", &id_of(&three)).await;
    assert_eq!(rp.bal(&sales, "2026-04-01").await, d("1.00"));
    assert_eq!(rp.bal(&sales_tax, "2026-04-01").await, d("0.12"));
    assert_eq!(rp.bal(&rp.ar(), "2026-04-01").await, d("1.12"));

    // Half-even is an organization setting: 0.025 → 0.02, 0.035 → 0.04.
    let a = rp
        .patch(
            "/api/v1/organization",
            &json!({"rounding_mode": "half_even"}),
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["rounding_mode"], "half_even");
    let even = rp.draft("invoices", tiny("0.25")).await;
    assert_eq!(even["tax_total"], "0.02", "{even}");
    assert_eq!(even["total"], "0.27");
    let even35 = rp.draft("invoices", tiny("0.35")).await;
    assert_eq!(even35["tax_total"], "0.04");
    let amounts = rp
        .draft(
            "invoices",
            json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                   "lines": [qline("0.5", "0.05", None), qline("3", "333.335", None)]}),
        )
        .await;
    assert_eq!(amounts["lines"][0]["amount"], "0.02", "{amounts}");
    assert_eq!(amounts["lines"][1]["amount"], "1000.00");
    // An issued invoice keeps what it was issued with.
    let kept = rp.doc("invoices", &id_of(&up)).await;
    assert_eq!(kept["tax_total"], "0.03");
    // A bad mode is refused.
    let a = rp
        .patch("/api/v1/organization", &json!({"rounding_mode": "bankers"}))
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    // Purchases: recoverable tax goes to tax_recoverable; non-recoverable tax is part of the
    // expense (per line, at the line's own account).
    let non_recoverable = rp.tax_rate("Irrecoverable 20", "0.20", false).await;
    let rent = rp.code("6100");
    let recoverable = rp.role("tax_recoverable");
    let bill = rp
        .draft(
            "bills",
            json!({"account_id": rp.vendor, "reference": "R-1", "issue_date": "2026-04-02",
                   "lines": [
                       {"description": "Rent", "unit_price": "100.00", "tax_rate_id": non_recoverable, "ledger_account_id": rent},
                       {"description": "Paper", "unit_price": "50.00", "tax_rate_id": rp.vat10}
                   ]}),
        )
        .await;
    assert_eq!(bill["subtotal"], "150.00");
    assert_eq!(bill["tax_total"], "25.00");
    assert_eq!(bill["total"], "175.00");
    rp.issue("bills", &id_of(&bill)).await;
    assert_eq!(rp.bal(&rent, "2026-04-02").await, d("120.00"));
    assert_eq!(rp.bal(&rp.code("5000"), "2026-04-02").await, d("50.00"));
    assert_eq!(rp.bal(&recoverable, "2026-04-02").await, d("5.00"));
    assert_eq!(rp.bal(&rp.ap(), "2026-04-02").await, d("175.00"));

    // A zero total is refused; a huge one is a 422, not a 500.
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01", "lines": [line("0.001", None)]}),
        )
        .await;
    assert_field_refused(&a, "total_not_positive", "lines");
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                    "lines": [qline("999999999999999", "999999999999999", None)]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01",
                    "lines": [qline("99999999999999", "99999999999999", None)]}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    let many: Vec<Value> = (0..150)
        .map(|_| qline("9999999", "99999999", None))
        .collect();
    let a = rp
        .post(
            "/api/v1/invoices",
            &json!({"account_id": rp.customer, "issue_date": "2026-04-01", "lines": many}),
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);
    rp.trial_balance("2026-12-31").await;
}
both_backends!(rounding, super::totals_round_per_line_half_up_or_half_even);
