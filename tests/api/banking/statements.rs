//! Statement import: real files read exactly, duplicates skipped, balances checked, malformed
//! files refused whole.

use reqwest::StatusCode;
use serde_json::Value;

use super::{bank_with_iban, camt, import, lines};
use crate::both_backends;
use crate::support::books::{d, dv};
use crate::support::problem::assert_problem;
use crate::support::{spawn_app_with, TestApp};

fn fixture(path: &str) -> String {
    let p = format!(
        "{}/tests/data/bank-statements/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned()
}

const IBAN: &str = "GB33BUKB20201555555555";

async fn a_camt_file_imports_exactly_and_once(app: TestApp) {
    let s = app.signup("Statements Ltd").await;
    // five.decimals: amounts written with more decimals than EUR has, kept as written.
    let raw = fixture("camt053/camt053.v2.five.decimals.xml");
    let (bank, _) = bank_with_iban(&app, &s, "NL26VAYB8060476890", "EUR").await;
    let a = import(&app, &s.token, &bank, &raw, "application/xml").await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let n = raw.matches("<Ntry>").count() as i64;
    assert_eq!(a.body["imported"], n);
    assert_eq!(a.body["duplicates_skipped"], 0);
    let got = lines(&app, &s.token, &bank, "").await;
    assert_eq!(got.len() as i64, n);
    for l in &got {
        // `amount` as written, `amount_rounded` to the cent.
        let exact = dv(&l["amount"]);
        assert_eq!(dv(&l["amount_rounded"]), exact.round_dp(2), "{l}");
        assert_eq!(l["status"], "unreconciled");
        assert_eq!(l["currency"], "EUR");
    }
    let written: Vec<String> = regex::Regex::new(r#"<Amt Ccy="EUR">([0-9.]+)</Amt>\s*<CdtDbtInd>"#)
        .unwrap()
        .captures_iter(&raw)
        .map(|c| c[1].to_owned())
        .collect();
    assert!(
        got.iter().any(|l| written.iter().any(|w| w.len() > 4
            && l["amount"].as_str().unwrap().trim_start_matches('-') == w
            && w.split('.').nth(1).is_some_and(|f| f.len() > 2))),
        "an amount with more than two decimals is kept as written: {written:?}"
    );
    // The statement's balances and how its lines add up.
    let st = &a.body["statements"][0];
    if !st["opening_balance"].is_null() && !st["closing_balance"].is_null() {
        let sum: rust_decimal::Decimal = got.iter().map(|l| dv(&l["amount"])).sum();
        assert_eq!(
            dv(&st["computed_closing_balance"]),
            dv(&st["opening_balance"]) + sum
        );
        assert_eq!(
            dv(&st["balance_difference"]),
            dv(&st["closing_balance"]) - dv(&st["computed_closing_balance"])
        );
    }
    let listed = app
        .fetch(
            &s.token,
            &format!("/api/v1/bank-accounts/{bank}/statements"),
        )
        .await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    let one = app
        .fetch(
            &s.token,
            &format!("/api/v1/bank-statements/{}", st["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(one["id"], st["id"]);

    // The same file again imports nothing.
    let again = import(&app, &s.token, &bank, &raw, "application/xml").await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text);
    assert_eq!(again.body["imported"], 0);
    assert_eq!(again.body["duplicates_skipped"], n);
    assert_eq!(lines(&app, &s.token, &bank, "").await.len() as i64, n);
}
both_backends!(
    a_camt_file_imports_exactly_and_once_works,
    super::a_camt_file_imports_exactly_and_once
);

async fn malformed_files_import_nothing(app: TestApp) {
    let s = app.signup("Malformed Ltd").await;
    let (bank, _) = bank_with_iban(&app, &s, "NL26VAYB8060476890", "EUR").await;
    let nothing = |a: &crate::support::http::Answer, what: &str| {
        assert_problem(a, StatusCode::UNPROCESSABLE_ENTITY, "statement_invalid");
        assert!(
            !a.body["errors"].as_array().unwrap().is_empty(),
            "{what}: errors name the problem: {}",
            a.text
        );
    };
    // Malformed on purpose (no statement in it).
    let a = import(
        &app,
        &s.token,
        &bank,
        &fixture("camt053/camt053.v2.wrong.xml"),
        "application/xml",
    )
    .await;
    nothing(&a, "wrong.xml");
    // A DTD with an external entity.
    let plain = fixture("camt053/camt053.v2.five.decimals.xml");
    let xxe = plain.replacen(
        "?>",
        "?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        1,
    );
    let a = import(&app, &s.token, &bank, &xxe, "application/xml").await;
    nothing(&a, "DTD");
    assert!(a.text.contains("dtd_refused"), "{}", a.text);
    // Booked balances in another currency than the account's: named.
    let minimal = fixture("camt053/camt053.v2.minimal.xml");
    let a = import(&app, &s.token, &bank, &minimal, "application/xml").await;
    nothing(&a, "foreign balances");
    assert!(a.text.contains("currency_mismatch"), "{}", a.text);
    // An OFX file with a bad amount, one with a missing date.
    for bad in ["ofx/bad/decimal_error.ofx", "ofx/bad/date_missing.ofx"] {
        let a = import(&app, &s.token, &bank, &fixture(bad), "application/x-ofx").await;
        nothing(&a, bad);
        assert!(
            a.body["errors"][0]["field"]
                .as_str()
                .unwrap()
                .starts_with("line "),
            "{}",
            a.text
        );
    }
    // Nothing of any of them was kept.
    assert!(lines(&app, &s.token, &bank, "").await.is_empty());
    let sts = app
        .fetch(
            &s.token,
            &format!("/api/v1/bank-accounts/{bank}/statements"),
        )
        .await;
    assert_eq!(sts["data"], Value::Array(vec![]));
    // An unknown content type is refused before reading.
    let a = import(&app, &s.token, &bank, "{}", "application/json").await;
    assert_problem(
        &a,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unsupported_content_type",
    );
}
both_backends!(
    malformed_files_import_nothing_works,
    super::malformed_files_import_nothing
);

async fn ofx_statements_route_to_their_accounts(app: TestApp) {
    let s = app.signup("Ofx Ltd").await;
    let raw = fixture("ofx/checking.ofx");
    let acct = regex::Regex::new(r"<ACCTID>([^<\r\n]+)")
        .unwrap()
        .captures(&raw)
        .unwrap()[1]
        .trim()
        .to_owned();
    let ccy = regex::Regex::new(r"<CURDEF>([A-Z]{3})")
        .unwrap()
        .captures(&raw)
        .unwrap()[1]
        .to_owned();
    let bank = crate::support::http::id_of(
        &app.create(
            &s.token,
            "/api/v1/bank-accounts",
            serde_json::json!({"name": "Checking", "currency": ccy, "number": acct}),
        )
        .await,
    );
    let other = crate::support::http::id_of(
        &app.create(
            &s.token,
            "/api/v1/bank-accounts",
            serde_json::json!({"name": "Other", "currency": ccy, "number": "999-OTHER"}),
        )
        .await,
    );
    let a = app
        .post("/api/v1/bank-statements")
        .token(&s.token)
        .raw(raw.clone(), "application/x-ofx")
        .send()
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["statements"][0]["bank_account_id"], bank.as_str());
    let amounts: Vec<String> = regex::Regex::new(r"<TRNAMT>([^<\r\n]+)")
        .unwrap()
        .captures_iter(&raw)
        .map(|c| c[1].trim().to_owned())
        .collect();
    let got = lines(&app, &s.token, &bank, "").await;
    let mut got_amounts: Vec<_> = got.iter().map(|l| dv(&l["amount"])).collect();
    let mut want: Vec<_> = amounts.iter().map(|a| d(a)).collect();
    got_amounts.sort();
    want.sort();
    assert_eq!(got_amounts, want);
    // OFX has no opening balance: no check is invented.
    assert!(a.body["statements"][0]["opening_balance"].is_null());
    // Imported into the other account by hand, the statement is skipped and reported.
    let b = import(&app, &s.token, &other, &raw, "application/x-ofx").await;
    assert_eq!(b.status, StatusCode::OK, "{}", b.text);
    assert_eq!(b.body["imported"], 0);
    assert_eq!(b.body["skipped_statements"][0]["account"], acct.as_str());
    assert!(lines(&app, &s.token, &other, "").await.is_empty());
}
both_backends!(
    ofx_statements_route_to_their_accounts_works,
    super::ofx_statements_route_to_their_accounts
);

async fn identical_lines_both_stay_and_overlaps_import_only_the_new(app: TestApp) {
    let s = app.signup("Dedupe Ltd").await;
    let (bank, _) = bank_with_iban(&app, &s, IBAN, "USD").await;
    // Two genuine identical coffee purchases the same day, no bank reference.
    let coffee = ("4.20", "DBIT", "2026-03-02", None, "Coffee shop");
    let march = camt(
        IBAN,
        "USD",
        "S-1",
        ("100.00", "2026-02-28"),
        ("91.60", "2026-03-02"),
        &[coffee, coffee],
    );
    let a = import(&app, &s.token, &bank, &march, "application/xml").await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["imported"], 2);
    assert_eq!(a.body["statements"][0]["balance_difference"], "0.00");
    // An export overlapping it: the same two, and a third new one.
    let overlap = camt(
        IBAN,
        "USD",
        "S-2",
        ("100.00", "2026-02-28"),
        ("86.60", "2026-03-03"),
        &[
            coffee,
            coffee,
            ("5.00", "DBIT", "2026-03-03", None, "Parking"),
        ],
    );
    let b = import(&app, &s.token, &bank, &overlap, "application/xml").await;
    assert_eq!(b.status, StatusCode::CREATED, "{}", b.text);
    assert_eq!(b.body["imported"], 1);
    assert_eq!(b.body["duplicates_skipped"], 2);
    assert_eq!(lines(&app, &s.token, &bank, "").await.len(), 3);
    // A later statement whose opening is not the last closing: the gap shows.
    let april = camt(
        IBAN,
        "USD",
        "S-3",
        ("80.00", "2026-03-31"),
        ("70.00", "2026-04-02"),
        &[("10.00", "DBIT", "2026-04-02", Some("R-9"), "Fee")],
    );
    let c = import(&app, &s.token, &bank, &april, "application/xml").await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.text);
    assert_eq!(c.body["statements"][0]["previous_closing_balance"], "86.60");
    assert_eq!(dv(&c.body["statements"][0]["gap"]), d("-6.60"));
    // Filters: status, text, amount, dates.
    assert_eq!(lines(&app, &s.token, &bank, "&q=coffee").await.len(), 2);
    assert_eq!(lines(&app, &s.token, &bank, "&amount=-5.00").await.len(), 1);
    assert_eq!(
        lines(&app, &s.token, &bank, "&from=2026-03-03&to=2026-04-30")
            .await
            .len(),
        2
    );
    assert_eq!(
        lines(&app, &s.token, &bank, "&status=reconciled")
            .await
            .len(),
        0
    );
    // Both sorts, and a sort that is not one.
    let newest = lines(&app, &s.token, &bank, "&sort=-booked_on").await;
    assert_eq!(newest[0]["booked_on"], "2026-04-02");
    let oldest = lines(&app, &s.token, &bank, "&sort=booked_on").await;
    assert_eq!(oldest[0]["booked_on"], "2026-03-02");
    let a = app
        .get(&format!(
            "/api/v1/bank-accounts/{bank}/transactions?sort=amount"
        ))
        .token(&s.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_sort");
}
both_backends!(
    identical_lines_both_stay_and_overlaps_import_only_the_new_works,
    super::identical_lines_both_stay_and_overlaps_import_only_the_new
);

async fn a_statement_above_the_limit_is_413(app: TestApp) {
    let Some(app) = spawn_app_with(app.backend, |c| c.statement_limit = 2000).await else {
        return;
    };
    let s = app.signup("Big Ltd").await;
    let (bank, _) = bank_with_iban(&app, &s, IBAN, "USD").await;
    let big = camt(
        IBAN,
        "USD",
        "BIG",
        ("0.00", "2026-02-28"),
        ("0.00", "2026-03-31"),
        &vec![("1.00", "CRDT", "2026-03-02", None, "x"); 40],
    );
    let a = import(&app, &s.token, &bank, &big, "application/xml").await;
    assert_problem(&a, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}
both_backends!(
    a_statement_above_the_limit_is_413_works,
    super::a_statement_above_the_limit_is_413
);

async fn a_csv_export_reads_through_the_saved_mapping(app: TestApp) {
    let s = app.signup("Csv Ltd").await;
    let (bank, _) = bank_with_iban(&app, &s, IBAN, "EUR").await;
    let file = "Kontoauszug Musterbank\nExportiert am 01.04.2026\n\
                Buchungstag;Verwendungszweck;Empfänger;Soll;Haben\n\
                02.03.2026;Miete März;Hausverwaltung;1.200,00;\n\
                03.03.2026;Rechnung INV-0007;Initech GmbH;;350,50\n\
                03.03.2026;Kontoführung;;4,90;\n";
    // Without a mapping the file cannot be read.
    let a = import(&app, &s.token, &bank, file, "text/csv").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "statement_invalid");
    let m = app
        .put(&format!("/api/v1/bank-accounts/{bank}/csv-mapping"))
        .token(&s.token)
        .json(&serde_json::json!({"date_column": "Buchungstag", "date_format": "%d.%m.%Y",
            "debit_column": "Soll", "credit_column": "Haben", "decimal_separator": ",", "delimiter": ";",
            "description_columns": ["Verwendungszweck"], "counterparty_column": "Empfänger", "skip_rows": 2}))
        .send()
        .await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.text);
    let a = import(&app, &s.token, &bank, file, "text/csv").await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    assert_eq!(a.body["imported"], 3);
    // CSV has no balances: no check is invented.
    assert!(a.body["statements"][0]["closing_balance"].is_null());
    assert!(a.body["statements"][0]["balance_difference"].is_null());
    let mut got: Vec<_> = lines(&app, &s.token, &bank, "")
        .await
        .iter()
        .map(|l| {
            (
                l["booked_on"].as_str().unwrap().to_owned(),
                dv(&l["amount"]),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        vec![
            ("2026-03-02".to_owned(), d("-1200.00")),
            ("2026-03-03".to_owned(), d("-4.90")),
            ("2026-03-03".to_owned(), d("350.50")),
        ]
    );
    // A bad row names its line, and nothing of the file is kept.
    let bad = format!("{file}04.03.2026;Zinsen;;;zwölf\n");
    let (bank2, _) = bank_with_iban(&app, &s, "DE89370400440532013000", "EUR").await;
    app.put(&format!("/api/v1/bank-accounts/{bank2}/csv-mapping"))
        .token(&s.token)
        .json(&serde_json::json!({"date_column": "Buchungstag", "date_format": "%d.%m.%Y",
            "debit_column": "Soll", "credit_column": "Haben", "decimal_separator": ",", "delimiter": ";", "skip_rows": 2}))
        .send()
        .await;
    let a = import(&app, &s.token, &bank2, &bad, "text/csv").await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "statement_invalid");
    assert_eq!(a.body["errors"][0]["field"], "line 7", "{}", a.text);
    assert!(lines(&app, &s.token, &bank2, "").await.is_empty());
}
both_backends!(
    a_csv_export_reads_through_the_saved_mapping_works,
    super::a_csv_export_reads_through_the_saved_mapping
);

/// Every real camt.053 and OFX file: imported whole with every line (routed by the account it
/// names), or refused whole as the data's README says; a second import adds nothing.
async fn every_real_file_imports_or_is_refused_whole(app: TestApp) {
    let refused = [
        // booked balances in another currency than the lines'
        "camt053/camt053.v2.minimal.xml",
        "camt053/camt053.v4.xml",
        "camt053/camt053.v8.xml",
        // malformed on purpose
        "camt053/camt053.v2.wrong.xml",
        // the bank's own error status; no statement at all
        "ofx/error_message.ofx",
        "ofx/bank_small.ofx",
    ];
    let dir = format!("{}/tests/data/bank-statements", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = ["camt053", "ofx"]
        .iter()
        .flat_map(|sub| {
            std::fs::read_dir(format!("{dir}/{sub}"))
                .unwrap()
                .filter_map(|e| {
                    let name = e.unwrap().file_name().into_string().unwrap();
                    (name.ends_with(".xml") || name.ends_with(".ofx"))
                        .then(|| format!("{sub}/{name}"))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    files.sort();
    assert!(files.len() >= 11, "{files:?}");
    let camt_account = regex::Regex::new(
        r"(?s)<Acct>\s*<Id>\s*(?:<IBAN>([^<]+)</IBAN>|<Othr>\s*<Id>([^<]+)</Id>)",
    )
    .unwrap();
    let camt_currency = regex::Regex::new(r#"<Ntry>\s*<Amt Ccy="([A-Z]{3})""#).unwrap();
    let ofx_account = regex::Regex::new(r"<ACCTID>([^<\r\n]+)").unwrap();
    let ofx_currency = regex::Regex::new(r"<CURDEF>([A-Z]{3})").unwrap();
    for file in files {
        let raw = fixture(&file);
        let (ctype, idents, ccy, lines_in_file) = if file.ends_with(".xml") {
            let ccy = camt_currency
                .captures(&raw)
                .map_or("EUR".to_owned(), |c| c[1].to_owned());
            let ids: Vec<(String, bool)> = camt_account
                .captures_iter(&raw)
                .map(|c| match c.get(1) {
                    Some(iban) => (iban.as_str().to_owned(), true),
                    None => (c[2].to_owned(), false),
                })
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            ("application/xml", ids, ccy, raw.matches("<Ntry>").count())
        } else {
            let ids: Vec<(String, bool)> = ofx_account
                .captures_iter(&raw)
                .map(|c| (c[1].trim().to_owned(), false))
                .collect();
            let ccy = ofx_currency
                .captures(&raw)
                .map_or("USD".to_owned(), |c| c[1].to_owned());
            (
                "application/x-ofx",
                ids,
                ccy,
                raw.matches("<STMTTRN>").count(),
            )
        };
        // A fresh organization per file, so that each file's lines are counted alone.
        let s = app.signup(&format!("File {file}")).await;
        for (ident, is_iban) in &idents {
            let key = if *is_iban { "iban" } else { "number" };
            let b = app
                .post("/api/v1/bank-accounts")
                .token(&s.token)
                .json(&serde_json::json!({"name": ident, "currency": ccy, key: ident}))
                .send()
                .await;
            assert_eq!(b.status, StatusCode::CREATED, "{file}: {}", b.text);
        }
        let post = || async {
            app.post("/api/v1/bank-statements")
                .token(&s.token)
                .raw(raw.clone(), ctype)
                .send()
                .await
        };
        let a = post().await;
        if refused.contains(&file.as_str()) {
            assert_eq!(
                a.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{file}: {}",
                a.text
            );
            assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "statement_invalid");
            continue;
        }
        assert_eq!(a.status, StatusCode::CREATED, "{file}: {}", a.text);
        assert_eq!(
            a.body["imported"], lines_in_file as i64,
            "{file}: {}",
            a.text
        );
        assert_eq!(
            a.body["skipped_statements"],
            serde_json::json!([]),
            "{file}"
        );
        let again = post().await;
        assert_eq!(again.status, StatusCode::OK, "{file}: {}", again.text);
        assert_eq!(again.body["imported"], 0, "{file}");
    }
}
both_backends!(
    every_real_file_imports_or_is_refused_whole_works,
    super::every_real_file_imports_or_is_refused_whole
);
