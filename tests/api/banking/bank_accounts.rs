//! Bank accounts' kind (a credit card's ledger account is a liability), CSV mapping and
//! balance anchor; CRM accounts' bank accounts.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::books::{Chart, LEDGER_ACCOUNTS};
use crate::support::http::id_of;
use crate::support::problem::{assert_field_refused, assert_problem};
use crate::support::TestApp;

fn mapping() -> Value {
    json!({
        "date_column": "Booking date",
        "date_format": "%d.%m.%Y",
        "amount_column": "Amount",
        "decimal_separator": ",",
        "description_columns": ["Text", "Purpose"],
        "counterparty_column": "Payee",
        "skip_rows": 2,
        "delimiter": ";"
    })
}

async fn kinds_mappings_and_anchors(app: TestApp) {
    let owner = app.signup("Bank Kinds").await.token;
    // A bank account by default: an asset; a credit card: a liability, both system_role bank.
    let bank = app
        .create(
            &owner,
            "/api/v1/bank-accounts",
            json!({"name": "Operating", "currency": "USD"}),
        )
        .await;
    assert_eq!(bank["kind"], "bank");
    assert!(bank["csv_mapping"].is_null());
    assert!(bank["balance_anchor"].is_null());
    let card = app
        .create(
            &owner,
            "/api/v1/bank-accounts",
            json!({"name": "Corporate card", "kind": "credit_card"}),
        )
        .await;
    assert_eq!(card["kind"], "credit_card");
    let card_gl = app
        .fetch(
            &owner,
            &format!(
                "{LEDGER_ACCOUNTS}/{}",
                card["ledger_account_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(card_gl["type"], "liability", "{card_gl}");
    assert_eq!(card_gl["system_role"], "bank");
    let bank_gl = app
        .fetch(
            &owner,
            &format!(
                "{LEDGER_ACCOUNTS}/{}",
                bank["ledger_account_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(bank_gl["type"], "asset");

    // The kind is fixed; an unknown kind is refused.
    let a = app
        .patch(&format!("/api/v1/bank-accounts/{}", id_of(&card)))
        .token(&owner)
        .json(&json!({"kind": "bank"}))
        .send()
        .await;
    assert_field_refused(&a, "immutable", "kind");
    let a = app
        .patch(&format!("/api/v1/bank-accounts/{}", id_of(&card)))
        .token(&owner)
        .json(&json!({"kind": "credit_card", "name": "Card"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let a = app
        .post("/api/v1/bank-accounts")
        .token(&owner)
        .json(&json!({"name": "Odd", "kind": "piggy_bank"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.text);

    // Linking: a card links a liability with system_role bank, a bank an asset.
    let chart = Chart::load(&app, &owner).await;
    let a = app
        .post("/api/v1/bank-accounts")
        .token(&owner)
        .json(&json!({"name": "Card 2", "kind": "credit_card", "ledger_account_id": bank["ledger_account_id"]}))
        .send()
        .await;
    assert_field_refused(&a, "ledger_account_type", "ledger_account_id");
    let a = app
        .post("/api/v1/bank-accounts")
        .token(&owner)
        .json(&json!({"name": "Bank 2", "ledger_account_id": card["ledger_account_id"]}))
        .send()
        .await;
    assert_field_refused(&a, "ledger_account_type", "ledger_account_id");
    let a = app
        .post("/api/v1/bank-accounts")
        .token(&owner)
        .json(&json!({"name": "Card 3", "kind": "credit_card", "ledger_account_id": chart.id("2300")}))
        .send()
        .await;
    assert_field_refused(&a, "not_a_bank_ledger_account", "ledger_account_id");

    // The CSV mapping: stored and shown, the version moves, If-Match is honoured.
    let path = format!("/api/v1/bank-accounts/{}/csv-mapping", id_of(&bank));
    let a = app.put(&path).token(&owner).json(&mapping()).send().await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["csv_mapping"]["date_column"], "Booking date");
    assert_eq!(a.body["csv_mapping"]["description_columns"][1], "Purpose");
    assert_eq!(a.body["version"], bank["version"].as_i64().unwrap() + 1);
    let got = app
        .fetch(&owner, &format!("/api/v1/bank-accounts/{}", id_of(&bank)))
        .await;
    assert_eq!(got["csv_mapping"]["skip_rows"], 2);
    let stale = format!("\"{}.1\"", id_of(&bank));
    let a = app
        .put(&path)
        .token(&owner)
        .header("If-Match", &stale)
        .json(&mapping())
        .send()
        .await;
    assert_problem(&a, StatusCode::PRECONDITION_FAILED, "version_mismatch");

    // Refusals, each naming its field.
    let refusals: Vec<(Value, &str, &str)> = vec![
        (
            json!({"date_format": "%Y-%m-%d", "amount_column": "A", "date_column": ""}),
            "required",
            "date_column",
        ),
        (
            json!({"date_column": "D", "date_format": "%Q", "amount_column": "A"}),
            "invalid_date_format",
            "date_format",
        ),
        (
            json!({"date_column": "D", "date_format": "%m/%d", "amount_column": "A"}),
            "invalid_date_format",
            "date_format",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d"}),
            "amount_columns",
            "amount_column",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "A", "debit_column": "Dr", "credit_column": "Cr"}),
            "amount_columns",
            "amount_column",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "debit_column": "Dr"}),
            "amount_columns",
            "amount_column",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "A", "decimal_separator": "'"}),
            "invalid_value",
            "decimal_separator",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "A", "delimiter": "#"}),
            "invalid_value",
            "delimiter",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "A", "skip_rows": 101}),
            "range",
            "skip_rows",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "A", "description_columns": vec!["x"; 21]}),
            "too_many",
            "description_columns",
        ),
        (
            json!({"date_column": "D", "date_format": "%Y-%m-%d", "amount_column": "x".repeat(101)}),
            "length",
            "amount_column",
        ),
    ];
    for (body, code, field) in refusals {
        let a = app.put(&path).token(&owner).json(&body).send().await;
        assert_field_refused(&a, code, field);
    }
    // A debit and credit pair, a tab: fine.
    let a = app
        .put(&path)
        .token(&owner)
        .json(&json!({"date_column": "1", "date_format": "%Y-%m-%d", "debit_column": "3", "credit_column": "4", "delimiter": "\t", "has_header": false}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(a.body["csv_mapping"]["debit_column"], "3");
    let a = app.delete(&path).token(&owner).send().await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["csv_mapping"].is_null());

    // The balance anchor: kept as written; null or DELETE clears it.
    let anchor = format!("/api/v1/bank-accounts/{}/balance-anchor", id_of(&bank));
    let a = app
        .put(&anchor)
        .token(&owner)
        .json(&json!({"date": "2026-09-30", "balance": "1250.500"}))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert_eq!(
        a.body["balance_anchor"],
        json!({"date": "2026-09-30", "balance": "1250.500"})
    );
    let a = app
        .put(&anchor)
        .token(&owner)
        .json(&json!({"date": "2026-09-30", "balance": "lots"}))
        .send()
        .await;
    assert_field_refused(&a, "invalid_amount", "balance");
    let a = app
        .put(&anchor)
        .token(&owner)
        .json(&json!(null))
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["balance_anchor"].is_null());
    let a = app
        .put(&anchor)
        .token(&owner)
        .json(&json!({"date": "2026-10-31", "balance": "-18.15"}))
        .send()
        .await;
    assert_eq!(a.body["balance_anchor"]["balance"], "-18.15", "{}", a.text);
    let a = app.delete(&anchor).token(&owner).send().await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    assert!(a.body["balance_anchor"].is_null());

    // A viewer may not; another organization sees nothing.
    let viewer = app.colleague(&owner, "viewer").await.token;
    let a = app.put(&path).token(&viewer).json(&mapping()).send().await;
    assert_problem(&a, StatusCode::FORBIDDEN, "forbidden");
    let other = app.signup("Other Bank Org").await.token;
    let a = app
        .put(&anchor)
        .token(&other)
        .json(&json!(null))
        .send()
        .await;
    assert_problem(&a, StatusCode::NOT_FOUND, "not_found");

    // Each change is in the change log as an update of the bank account (the log is sealed
    // asynchronously: wait for it).
    let events = format!(
        "/api/v1/events?type=bank_account.updated&resource_id={}&limit=200",
        id_of(&bank)
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let a = app.get(&events).token(&owner).send().await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        let n = a.body["data"].as_array().unwrap().len();
        if n == 7 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{n} updates: {}",
            a.text
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
both_backends!(
    kinds_mappings_and_anchors_works,
    super::kinds_mappings_and_anchors
);

/// The matcher's lookup: live client accounts holding a bank account, normalized.
fn accounts_paying_from(app: &TestApp, org: &str, ident: &str) -> Vec<String> {
    use accord::db::{self, DbTarget, PoolSettings};
    use accord::domain::ids::OrganizationId;
    let target = DbTarget::parse(&app.database_url).unwrap();
    let pool = db::connect(
        &target,
        &PoolSettings {
            max_size: 1,
            connection_timeout: std::time::Duration::from_secs(5),
        },
    )
    .unwrap();
    let mut conn = pool.get().unwrap();
    let org = OrganizationId(org.parse().unwrap());
    db::crm::accounts::find_accounts_by_bank_account(&mut conn, org, ident)
        .unwrap()
        .into_iter()
        .map(|id| id.0.to_string())
        .collect()
}

async fn twin_view_bank_accounts(app: &TestApp, token: &str, id: &str) -> Value {
    app.fetch(token, &format!("/api/v1/accounts/{id}")).await["bank_accounts"].clone()
}

async fn client_accounts_carry_bank_accounts(app: TestApp) {
    let signed = app.signup("Payers").await;
    let owner = signed.token.clone();
    let a = app
        .create(
            &owner,
            "/api/v1/accounts",
            json!({"name": "Payer GmbH", "bank_accounts": ["de89 3704 0044 0532 0130 00", " 12345678 ", "DE89370400440532013000"]}),
        )
        .await;
    assert_eq!(
        a["bank_accounts"],
        json!(["DE89370400440532013000", "12345678"])
    );
    let id = id_of(&a);
    let got = app.fetch(&owner, &format!("/api/v1/accounts/{id}")).await;
    assert_eq!(got["bank_accounts"], a["bank_accounts"]);
    let plain = app
        .create(&owner, "/api/v1/accounts", json!({"name": "No Bank Ltd"}))
        .await;
    assert_eq!(plain["bank_accounts"], json!([]));
    // Refusals: a bad IBAN, a number too long, too many.
    for (body, code, field) in [
        (
            json!({"bank_accounts": ["DE00370400440532013000"]}),
            "invalid_iban",
            "bank_accounts[0]",
        ),
        (
            json!({"bank_accounts": ["1", "x".repeat(35)]}),
            "length",
            "bank_accounts[1]",
        ),
        (json!({"bank_accounts": [""]}), "length", "bank_accounts[0]"),
        (
            json!({"bank_accounts": (0..21).map(|n| n.to_string()).collect::<Vec<_>>()}),
            "too_many",
            "bank_accounts",
        ),
    ] {
        let r = app
            .patch(&format!("/api/v1/accounts/{id}"))
            .token(&owner)
            .json(&body)
            .send()
            .await;
        assert_field_refused(&r, code, field);
    }
    let r = app
        .patch(&format!("/api/v1/accounts/{id}"))
        .token(&owner)
        .json(&json!({"bank_accounts": ["GB33BUKB20201555555555"]}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["bank_accounts"], json!(["GB33BUKB20201555555555"]));
    let r = app
        .patch(&format!("/api/v1/accounts/{id}"))
        .token(&owner)
        .json(&json!({"name": "Payer AG"}))
        .send()
        .await;
    assert_eq!(r.body["bank_accounts"], json!(["GB33BUKB20201555555555"]));

    // The lookup finds the accounts paying from a bank account, as any bank writes it.
    let twin = app
        .client_account(
            &owner,
            json!({"name": "Twin", "bank_accounts": ["GB33BUKB20201555555555", "x 12_45%"]}),
        )
        .await;
    let org = &signed.organization_id;
    let mut both = vec![id.clone(), twin.clone()];
    both.sort();
    let mut found = accounts_paying_from(&app, org, "gb33 bukb 2020 1555 5555 55");
    found.sort();
    assert_eq!(found, both);
    assert_eq!(
        twin_view_bank_accounts(&app, &owner, &twin).await,
        json!(["GB33BUKB20201555555555", "X12_45%"])
    );
    assert_eq!(
        accounts_paying_from(&app, org, " x12_45% "),
        vec![twin.clone()]
    );
    assert!(accounts_paying_from(&app, org, "X1245%").is_empty());
    assert!(accounts_paying_from(&app, org, "12345").is_empty());
    assert!(accounts_paying_from(&app, org, "12345678").is_empty());
    assert!(accounts_paying_from(&app, org, "GB33BUKB2020155555555").is_empty());
    let other = app.signup("Other Payers").await;
    assert!(
        accounts_paying_from(&app, &other.organization_id, "GB33BUKB20201555555555").is_empty()
    );
}
both_backends!(
    client_accounts_carry_bank_accounts_works,
    super::client_accounts_carry_bank_accounts
);
