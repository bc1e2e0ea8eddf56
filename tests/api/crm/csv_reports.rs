//! Every report answers CSV to `Accept: text/csv` (one header row, then rows, amounts as the
//! JSON's decimal strings), and JSON otherwise.

use reqwest::StatusCode;
use serde_json::json;

use super::Billing;
use crate::both_backends;
use crate::support::TestApp;

fn cells(line: &str) -> Vec<String> {
    line.split(',')
        .map(|c| c.trim_matches('"').to_owned())
        .collect()
}

async fn every_report_answers_csv_when_asked(app: TestApp) {
    // Arrange: an invoiced account, so every report has a row.
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let b = Billing::open(&app, t).await;
    let globex = app
        .client_account(t, json!({"name": "Globex", "is_customer": true}))
        .await;
    b.invoice(&app, t, &globex, (-40, -10), "1000.00").await;
    let reports = [
        (
            "performance",
            "/api/v1/reports/performance",
            "row,user_id,team_id,name",
        ),
        (
            "sales",
            "/api/v1/reports/sales?group_by=account",
            "key,label,won_count",
        ),
        (
            "ar-aging",
            "/api/v1/reports/ar-aging",
            "account_id,name,owner_id,team_id,current",
        ),
        ("ap-aging", "/api/v1/reports/ap-aging", "account_id,name"),
        (
            "trial-balance",
            "/api/v1/reports/trial-balance",
            "ledger_account_id,code,name,type",
        ),
        (
            "balance-sheet",
            "/api/v1/reports/balance-sheet",
            "section,ledger_account_id",
        ),
        (
            "income-statement",
            "/api/v1/reports/income-statement",
            "section,ledger_account_id",
        ),
        (
            "general-ledger",
            "/api/v1/reports/general-ledger",
            "ledger_account_id,code,name,date",
        ),
    ];

    for (name, path, header) in reports {
        // Act
        let csv = app
            .get(path)
            .token(t)
            .header("Accept", "text/csv")
            .send()
            .await;
        let json = app.get(path).token(t).send().await;

        // Assert
        assert_eq!(csv.status, StatusCode::OK, "{path}: {}", csv.text);
        assert!(
            csv.header("content-type").unwrap().starts_with("text/csv"),
            "{path}"
        );
        assert!(
            csv.header("content-disposition")
                .unwrap()
                .contains(&format!("{name}.csv")),
            "{path}"
        );
        assert!(csv.text.starts_with(header), "{path}: {}", csv.text);
        assert!(
            json.header("content-type")
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
    }

    // The numbers are the JSON's: Globex owes 1100.00, and so does the total row.
    let aging = app
        .get("/api/v1/reports/ar-aging")
        .token(t)
        .header("Accept", "text/csv")
        .send()
        .await;
    let lines: Vec<Vec<String>> = aging.text.lines().map(cells).collect();
    assert_eq!(lines.len(), 3, "{}", aging.text);
    assert_eq!(lines[1][1], "Globex");
    assert_eq!(lines[1][9], "1100.00");
    assert_eq!(lines[2][1], "total");
    assert_eq!(lines[2][9], "1100.00");
    // The trial balance's total row balances.
    let tb = app
        .get("/api/v1/reports/trial-balance")
        .token(t)
        .header("Accept", "text/csv")
        .send()
        .await;
    let last = cells(tb.text.lines().last().unwrap());
    assert_eq!(last[2], "total");
    assert_eq!(last[5], last[6], "{}", tb.text);
    // JSON stays preferred when the client prefers it.
    let r = app
        .get("/api/v1/reports/sales")
        .token(t)
        .header("Accept", "application/json, text/csv;q=0.5")
        .send()
        .await;
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
}
both_backends!(
    every_report_answers_csv_when_asked_works,
    super::every_report_answers_csv_when_asked
);
