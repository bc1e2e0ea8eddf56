//! CSV imports never lose a record: a shared website domain is a conflict, not an overwrite;
//! rows match by id, domain and name, or name alone; a re-import of the export changes
//! nothing; owner and team by email and name; unknown columns; custom fields; dry runs; and
//! the contact import with the same rules.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::support::fixtures::Colleague;
use crate::support::problem::{assert_problem, field_code};
use crate::support::{Answer, TestApp};

async fn import(app: &TestApp, token: &str, path: &str, csv: &str) -> Answer {
    app.post(path)
        .token(token)
        .raw(csv.to_owned(), "text/csv")
        .send()
        .await
}

/// The import's answer, insisting on a 200.
async fn imported(app: &TestApp, token: &str, path: &str, csv: &str) -> Value {
    let a = import(app, token, path, csv).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    a.body
}

fn outcomes(body: &Value) -> Vec<String> {
    body["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap().to_owned())
        .collect()
}

async fn all_accounts(app: &TestApp, t: &str) -> Vec<Value> {
    app.walk(t, "/api/v1/accounts?limit=200").await
}

/// Each account's id, version and tier (what a write would change; health is computed on read).
async fn stored_accounts(app: &TestApp, t: &str) -> Vec<Value> {
    all_accounts(app, t)
        .await
        .iter()
        .map(|a| json!([a["id"], a["version"], a["tier"]]))
        .collect()
}

async fn a_shared_domain_is_a_conflict_not_an_overwrite(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let csv = "name,website,industry,tags\n\
               Turner Broadcasting,https://www.turner.com/,media,news;cable\n\
               Turner Construction,http://www.turner.com/,construction,building\n\
               Initrode,,retail,\n";

    let r = imported(&app, t, "/api/v1/accounts/import", csv).await;

    assert_eq!(outcomes(&r), ["created", "conflict", "created"], "{r}");
    assert_eq!(
        (
            &r["created"],
            &r["updated"],
            &r["unchanged"],
            &r["conflicts"]
        ),
        (&json!(2), &json!(0), &json!(0), &json!(1)),
        "{r}"
    );
    let turner = r["rows"][0]["account_id"].as_str().unwrap().to_owned();
    let conflict = &r["rows"][1];
    assert_eq!(conflict["row"], 3);
    assert_eq!(
        conflict["account_id"],
        json!(turner),
        "names the clashing account"
    );
    assert_eq!(conflict["matched_by"], "domain");
    assert_eq!(conflict["errors"][0]["field"], "website");
    assert_eq!(conflict["errors"][0]["code"], "domain_conflict");
    assert_eq!(r["errors"][0]["row"], 3, "{r}");
    let first = app.fetch(t, &format!("/api/v1/accounts/{turner}")).await;
    assert_eq!(first["name"], "Turner Broadcasting");
    assert_eq!(first["industry"], "media");
    assert_eq!(first["tags"], json!(["news", "cable"]));

    // The same file again: the conflict stays a conflict and touches nothing.
    let again = imported(&app, t, "/api/v1/accounts/import", csv).await;
    assert_eq!(outcomes(&again), ["unchanged", "conflict", "unchanged"]);
    assert_eq!(
        (&again["updated"], &again["unchanged"]),
        (&json!(2), &json!(2))
    );
    let after = app.fetch(t, &format!("/api/v1/accounts/{turner}")).await;
    assert_eq!(after["version"], first["version"], "nothing bumped");
    assert_eq!(after["industry"], "media");
    assert_eq!(all_accounts(&app, t).await.len(), 2);

    // Domain and name together update the account, and say what changed.
    let r = imported(
        &app,
        t,
        "/api/v1/accounts/import",
        "name,website,industry\nturner broadcasting,turner.com,broadcasting\n",
    )
    .await;
    let row = &r["rows"][0];
    assert_eq!(row["outcome"], "updated", "{r}");
    assert_eq!(row["matched_by"], "domain");
    assert_eq!(row["account_id"], json!(turner));
    assert_eq!(row["changed_fields"], json!(["industry", "website"]));
    let after = app.fetch(t, &format!("/api/v1/accounts/{turner}")).await;
    assert_eq!(
        after["name"], "Turner Broadcasting",
        "the key is not a new name"
    );
    assert_eq!(after["industry"], "broadcasting");
}
both_backends!(
    a_shared_domain_is_a_conflict_not_an_overwrite_works,
    super::a_shared_domain_is_a_conflict_not_an_overwrite
);

async fn rows_match_by_name_alone_or_by_id(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let umbrella = app
        .client_account(t, json!({"name": "Umbrella", "tier": "standard"}))
        .await;
    app.client_account(t, json!({"name": "Initech"})).await;
    app.client_account(t, json!({"name": "initech"})).await;

    let r = imported(
        &app,
        t,
        "/api/v1/accounts/import",
        "name,tier\numbrella,key\nInitech,key\n",
    )
    .await;

    assert_eq!(outcomes(&r), ["updated", "conflict"], "{r}");
    assert_eq!(r["rows"][0]["matched_by"], "name");
    assert_eq!(r["rows"][0]["account_id"], json!(umbrella));
    assert_eq!(r["rows"][1]["errors"][0]["code"], "ambiguous_match");
    let u = app.fetch(t, &format!("/api/v1/accounts/{umbrella}")).await;
    assert_eq!(
        (&u["name"], &u["tier"]),
        (&json!("Umbrella"), &json!("key"))
    );

    // An id column updates that account, name included; an unknown id is that row's error.
    let ghost = uuid::Uuid::now_v7();
    let csv = format!(
        "id,name,industry\n{umbrella},Umbrella Corp,pharma\n{ghost},Ghost,x\nnot-an-id,X,y\n"
    );
    let r = imported(&app, t, "/api/v1/accounts/import", &csv).await;
    assert_eq!(outcomes(&r), ["updated", "error", "error"], "{r}");
    assert_eq!(r["rows"][0]["matched_by"], "id");
    assert_eq!(r["rows"][1]["errors"][0]["field"], "id");
    assert_eq!(r["rows"][1]["errors"][0]["code"], "not_found");
    assert_eq!(r["rows"][2]["errors"][0]["code"], "invalid_uuid");
    assert_eq!(r["created"], 0, "a bad id creates nothing");
    let u = app.fetch(t, &format!("/api/v1/accounts/{umbrella}")).await;
    assert_eq!(
        (&u["name"], &u["industry"]),
        (&json!("Umbrella Corp"), &json!("pharma"))
    );
    assert_eq!(all_accounts(&app, t).await.len(), 3);
}
both_backends!(
    rows_match_by_name_alone_or_by_id_works,
    super::rows_match_by_name_alone_or_by_id
);

async fn the_export_imports_back_unchanged(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague { id: kam, .. } = app.account_manager(t, "kam").await;
    let team = app
        .create(
            t,
            "/api/v1/teams",
            json!({"name": "Enterprise", "member_ids": [kam]}),
        )
        .await["id"]
        .clone();
    app.client_account(t, json!({"name": "Globex, Inc.", "website": "https://globex.example/", "tier": "key",
        "owner_id": kam, "team_id": team, "tags": ["eu", "vip"], "goals": "Expand, \"fast\"\nthen hold",
        "is_customer": true, "custom_fields": {"region": "EMEA", "seats": 40}}))
        .await;
    app.client_account(t, json!({"name": "Umbrella", "status": "prospect"}))
        .await;
    let before = all_accounts(&app, t).await;
    let export = app.get("/api/v1/accounts/export").token(t).send().await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.text);
    assert!(export.text.starts_with("id,name,"), "{}", export.text);
    assert!(
        export.text.contains("custom_fields.region"),
        "{}",
        export.text
    );

    let r = imported(&app, t, "/api/v1/accounts/import", &export.text).await;

    assert_eq!(outcomes(&r), ["unchanged", "unchanged"], "{r}");
    assert_eq!(
        (&r["created"], &r["updated"], &r["unchanged"]),
        (&json!(0), &json!(2), &json!(2))
    );
    assert_eq!(r["rows"][0]["matched_by"], "id");
    let after = all_accounts(&app, t).await;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a["version"], b["version"], "{}", a["name"]);
        assert_eq!(a["custom_fields"], b["custom_fields"]);
        assert_eq!(a["updated_at"], b["updated_at"]);
    }

    // Edited in a spreadsheet: only the edited row changes.
    let edited = export.text.replacen("prospect", "active", 1);
    let r = imported(&app, t, "/api/v1/accounts/import", &edited).await;
    assert_eq!(outcomes(&r), ["unchanged", "updated"], "{r}");
    assert_eq!(r["rows"][1]["changed_fields"], json!(["status"]));
}
both_backends!(
    the_export_imports_back_unchanged_works,
    super::the_export_imports_back_unchanged
);

async fn owner_by_email_and_team_by_name(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let kam = app.account_manager(t, "kam").await;
    let team = app
        .create(
            t,
            "/api/v1/teams",
            json!({"name": "Enterprise", "member_ids": [kam.id]}),
        )
        .await["id"]
        .clone();
    let csv = format!(
        "name,owner_email,team_name\nGlobex,{},enterprise\nInitech,nobody@example.com,Nowhere\n",
        kam.email.to_uppercase()
    );

    let r = imported(&app, t, "/api/v1/accounts/import", &csv).await;

    assert_eq!(outcomes(&r), ["created", "error"], "{r}");
    let globex = app
        .fetch(
            t,
            &format!(
                "/api/v1/accounts/{}",
                r["rows"][0]["account_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(
        (&globex["owner_id"], &globex["team_id"]),
        (&json!(kam.id), &team)
    );
    let fields: Vec<&str> = r["rows"][1]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["owner_email", "team_name"], "every bad cell named");
    // owner_id and team_id take an email and a name too.
    let r = imported(
        &app,
        t,
        "/api/v1/accounts/import",
        &format!("name,owner_id,team_id\nUmbrella,{},Enterprise\n", kam.email),
    )
    .await;
    let u = app
        .fetch(
            t,
            &format!(
                "/api/v1/accounts/{}",
                r["rows"][0]["account_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(
        (&u["owner_id"], &u["team_id"]),
        (&json!(kam.id), &team),
        "{r}"
    );
}
both_backends!(
    owner_by_email_and_team_by_name_works,
    super::owner_by_email_and_team_by_name
);

async fn unknown_columns_and_custom_fields(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let globex = app
        .client_account(t, json!({"name": "Globex", "custom_fields": {"seats": 40}}))
        .await;
    let csv = "Name,Colour,custom_fields.Region\nGlobex,red,EMEA\nInitech,blue,\n";

    let refused = import(&app, t, "/api/v1/accounts/import", csv).await;

    assert_problem(&refused, StatusCode::UNPROCESSABLE_ENTITY, "unknown_column");
    assert_eq!(
        field_code(&refused, "column:Colour").as_deref(),
        Some("unknown_column")
    );
    assert_eq!(
        all_accounts(&app, t).await.len(),
        1,
        "a refused file imports nothing"
    );
    let r = imported(
        &app,
        t,
        "/api/v1/accounts/import?ignore_unknown_columns=true",
        csv,
    )
    .await;
    assert_eq!(outcomes(&r), ["updated", "created"], "{r}");
    assert_eq!(r["rows"][0]["changed_fields"], json!(["custom_fields"]));
    let g = app.fetch(t, &format!("/api/v1/accounts/{globex}")).await;
    assert_eq!(
        g["custom_fields"],
        json!({"seats": 40, "Region": "EMEA"}),
        "merged, not replaced"
    );
    // An unknown query parameter and a repeated column are refused too.
    let r = import(&app, t, "/api/v1/accounts/import?dryrun=true", csv).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    let r = import(&app, t, "/api/v1/accounts/import", "name,NAME\nA,B\n").await;
    assert_eq!(
        field_code(&r, "column:NAME").as_deref(),
        Some("duplicate_column"),
        "{}",
        r.text
    );
    // A row with more cells than the header is refused, not cut.
    let r = imported(&app, t, "/api/v1/accounts/import", "name\nHooli,extra\n").await;
    assert_eq!(r["rows"][0]["errors"][0]["code"], "too_many_cells", "{r}");
}
both_backends!(
    unknown_columns_and_custom_fields_works,
    super::unknown_columns_and_custom_fields
);

/// A file written elsewhere, with its own column names: a mapping names them, `null` skips
/// one, and the columns left over fill custom fields when asked.
async fn a_mapping_reads_a_foreign_file(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let csv = "Organization Name,Web,Country,Internal Notes,Founded
\
               Turner Broadcasting,https://www.turner.com/,US,call Ted,1970\n";
    let mapping = json!({"Organization Name": "name", "Web": "website",
                         "Country": "custom_fields.country", "Internal Notes": null})
    .to_string();
    let path = |extra: &str| {
        format!(
            "/api/v1/accounts/import?mapping={}{extra}",
            urlencoding(&mapping)
        )
    };

    let refused = import(&app, t, &path(""), csv).await;
    assert_eq!(
        field_code(&refused, "column:Founded").as_deref(),
        Some("unknown_column"),
        "a column neither known nor mapped is still refused: {}",
        refused.text
    );
    let r = imported(&app, t, &path("&unknown_columns=custom_fields"), csv).await;

    assert_eq!(outcomes(&r), ["created"], "{r}");
    let id = r["rows"][0]["account_id"].as_str().unwrap();
    let a = app.fetch(t, &format!("/api/v1/accounts/{id}")).await;
    assert_eq!(a["name"], "Turner Broadcasting");
    assert_eq!(a["website"], "https://www.turner.com/");
    assert_eq!(
        a["custom_fields"],
        json!({"country": "US", "Founded": "1970"}),
        "the skipped column is nowhere: {a}"
    );

    // What a mapping gets wrong is named, and nothing is imported.
    for (mapping, field, code) in [
        (
            json!({"Nope": "name"}),
            "query:mapping.Nope",
            "unknown_column",
        ),
        (
            json!({"Web": "homepage"}),
            "query:mapping.Web",
            "unknown_column",
        ),
        (json!({"Web": 7}), "query:mapping", "invalid_mapping"),
        (json!(["name"]), "query:mapping", "invalid_mapping"),
    ] {
        let r = import(
            &app,
            t,
            &format!(
                "/api/v1/accounts/import?unknown_columns=ignore&mapping={}",
                urlencoding(&mapping.to_string())
            ),
            csv,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
        assert_eq!(field_code(&r, field).as_deref(), Some(code), "{}", r.text);
    }
    let r = import(
        &app,
        t,
        "/api/v1/accounts/import?ignore_unknown_columns=true&unknown_columns=custom_fields",
        csv,
    )
    .await;
    assert_eq!(
        field_code(&r, "query:unknown_columns").as_deref(),
        Some("conflict"),
        "{}",
        r.text
    );
    assert_eq!(all_accounts(&app, t).await.len(), 1);

    // The contact import reads mappings the same way.
    let contacts =
        "Full Name,Company,E-mail address\nJane Roe,Turner Broadcasting,jane@turner.com\n";
    let mapping = json!({"Full Name": "name", "Company": "account_name",
                         "E-mail address": "email"})
    .to_string();
    let r = imported(
        &app,
        t,
        &format!("/api/v1/contacts/import?mapping={}", urlencoding(&mapping)),
        contacts,
    )
    .await;
    assert_eq!(outcomes(&r), ["created"], "{r}");
}
both_backends!(
    a_mapping_reads_a_foreign_file_works,
    super::a_mapping_reads_a_foreign_file
);

/// `text` as a query parameter's value.
fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn a_dry_run_commits_nothing(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let umbrella = app.client_account(t, json!({"name": "Umbrella"})).await;
    let before = stored_accounts(&app, t).await;
    let csv = "name,tier\nUmbrella,key\nGlobex,strategic\nGlobex,key\nBroken,platinum\n";

    let dry = imported(&app, t, "/api/v1/accounts/import?dry_run=true", csv).await;

    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        outcomes(&dry),
        ["updated", "created", "updated", "error"],
        "{dry}"
    );
    assert_eq!(stored_accounts(&app, t).await, before, "nothing committed");
    let real = imported(&app, t, "/api/v1/accounts/import", csv).await;
    assert_eq!(real["dry_run"], false);
    assert_eq!(
        outcomes(&real),
        outcomes(&dry),
        "the dry run answered as the import does"
    );
    assert_eq!(real["errors"], dry["errors"]);
    assert_eq!(real["rows"][0]["account_id"], json!(umbrella));
    assert_eq!(all_accounts(&app, t).await.len(), 2);
}
both_backends!(
    a_dry_run_commits_nothing_works,
    super::a_dry_run_commits_nothing
);

async fn contacts_import_by_account_id_domain_or_name(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let globex = app
        .client_account(
            t,
            json!({"name": "Globex", "website": "https://globex.example"}),
        )
        .await;
    app.client_account(t, json!({"name": "Initech"})).await;
    app.client_account(
        t,
        json!({"name": "Initech", "website": "https://initech.example"}),
    )
    .await;
    let csv = format!(
        "account_id,account_domain,account_name,name,title,email,custom_fields.birthday\n\
         {globex},,,Hank Scorpio,,hank@globex.example,\n\
         ,globex.example,,hank scorpio,CEO,HANK@globex.example,\n\
         ,,globex,Homer Simpson,,hank@globex.example,\n\
         ,,Initech,Bill Lumbergh,,,\n\
         ,,Nobody Inc,Ghost,,,\n\
         {globex},,,Marge,,not-an-email,\n\
         ,www.globex.example,Globex,Patty,,,05-12\n"
    );

    let r = imported(&app, t, "/api/v1/contacts/import", &csv).await;

    assert_eq!(
        outcomes(&r),
        ["created", "updated", "conflict", "conflict", "error", "error", "created"],
        "{r}"
    );
    assert_eq!(
        (&r["created"], &r["updated"], &r["conflicts"]),
        (&json!(2), &json!(1), &json!(2)),
        "{r}"
    );
    let rows = r["rows"].as_array().unwrap();
    let hank = rows[0]["contact_id"].as_str().unwrap().to_owned();
    assert_eq!(rows[0]["account_id"], json!(globex));
    assert_eq!(rows[1]["contact_id"], json!(hank));
    assert_eq!(rows[1]["matched_by"], "email");
    assert_eq!(rows[2]["errors"][0]["code"], "email_conflict");
    assert_eq!(rows[2]["contact_id"], json!(hank));
    assert_eq!(rows[3]["errors"][0]["code"], "ambiguous_match");
    assert_eq!(rows[4]["errors"][0]["field"], "account_name");
    assert_eq!(rows[5]["errors"][0]["field"], "email");
    assert_eq!(r["errors"].as_array().unwrap().len(), 4, "{r}");
    let h = app.fetch(t, &format!("/api/v1/contacts/{hank}")).await;
    assert_eq!(
        (&h["name"], &h["title"]),
        (&json!("Hank Scorpio"), &json!("CEO"))
    );
    let patty = app
        .fetch(
            t,
            &format!(
                "/api/v1/contacts/{}",
                rows[6]["contact_id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(patty["custom_fields"], json!({"birthday": "05-12"}));
    assert_eq!(patty["account_id"], json!(globex));
    let contacts = app.fetch(t, "/api/v1/contacts").await;
    assert_eq!(contacts["data"].as_array().unwrap().len(), 2);

    // The same file again changes nothing; a dry run of it neither.
    let version = h["version"].clone();
    let again = imported(&app, t, "/api/v1/contacts/import?dry_run=true", &csv).await;
    assert_eq!(outcomes(&again)[..2], ["unchanged", "unchanged"], "{again}");
    assert_eq!(outcomes(&again)[6], "unchanged");
    let again = imported(&app, t, "/api/v1/contacts/import", &csv).await;
    assert_eq!(again["created"], 0, "{again}");
    assert_eq!(again["unchanged"], 3, "{again}");
    let h = app.fetch(t, &format!("/api/v1/contacts/{hank}")).await;
    assert_eq!(h["version"], version);
    // Contacts take custom fields over PATCH as well.
    let r = app
        .patch(&format!("/api/v1/contacts/{hank}"))
        .token(t)
        .json(&json!({"custom_fields": {"golf": true}}))
        .send()
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.body["custom_fields"], json!({"golf": true}));
}
both_backends!(
    contacts_import_by_account_id_domain_or_name_works,
    super::contacts_import_by_account_id_domain_or_name
);

async fn a_retried_import_replays_and_a_repeat_records_nothing(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let csv = "name,tier\nGlobex,key\n";
    let send = || {
        app.post("/api/v1/accounts/import")
            .token(t)
            .header("Idempotency-Key", "import-7")
            .raw(csv.to_owned(), "text/csv")
            .send()
    };

    let first = send().await;
    let retry = send().await;

    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    assert_eq!(retry.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(retry.body, first.body);
    assert_eq!(all_accounts(&app, t).await.len(), 1);
    // Without the key the same file matches the account, and an unchanged row leaves no trail.
    let id = first.body["rows"][0]["account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let trail = format!("/api/v1/audit-events?resource_type=account&resource_id={id}");
    let before = app.fetch(t, &trail).await["data"].as_array().unwrap().len();
    let again = imported(&app, t, "/api/v1/accounts/import", csv).await;
    assert_eq!(outcomes(&again), ["unchanged"]);
    let after = app.fetch(t, &trail).await["data"].as_array().unwrap().len();
    assert_eq!(
        (before, after),
        (1, 1),
        "one creation, and nothing for the repeat"
    );
}
both_backends!(
    a_retried_import_replays_and_a_repeat_records_nothing_works,
    super::a_retried_import_replays_and_a_repeat_records_nothing
);
