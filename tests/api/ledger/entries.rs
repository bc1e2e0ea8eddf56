//! Listing journal entries: filters, pages without duplicates, cursors bound to filters.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::json;

use super::Books;
use crate::both_backends;
use crate::support::books::{cr, dr, entry, ENTRIES};
use crate::support::problem::assert_problem;
use crate::support::TestApp;

async fn entries_filter_and_page_without_duplicates(app: TestApp) {
    let b = Books::open(&app, "List Ltd").await;
    let (bank, cash, sales) = (b.id("1010"), b.id("1000"), b.id("4000"));
    let obe = b.role("opening_balance_equity");
    let mut opening = entry("2025-12-31", vec![dr(&bank, "100.00"), cr(&obe, "100.00")]);
    opening["source"] = json!("opening");
    assert_eq!(b.send(&opening).await.status, StatusCode::CREATED);
    let mut by_cash = 0;
    let mut ref1 = 0;
    for i in 0..25u32 {
        let on = if i % 5 == 0 { &cash } else { &bank };
        if i % 5 == 0 {
            by_cash += 1;
        }
        if i % 3 == 1 {
            ref1 += 1;
        }
        // Two entries share each date in the second half.
        let day = if i < 12 { i + 1 } else { 13 + (i - 12) / 2 };
        let mut body = entry(
            &format!("2026-01-{day:02}"),
            vec![dr(on, "10.00"), cr(&sales, "10.00")],
        );
        body["reference"] = json!(format!("REF-{}", i % 3));
        assert_eq!(b.send(&body).await.status, StatusCode::CREATED);
    }

    // Paging over more than a page: each entry once, in (date, id) order.
    let all = app.walk(&b.token, &format!("{ENTRIES}?limit=7")).await;
    assert_eq!(all.len(), 26);
    let ids: BTreeSet<&str> = all.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 26, "duplicates across pages");
    let keys: Vec<(String, String)> = all
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "not in date order");
    let desc = app
        .walk(&b.token, &format!("{ENTRIES}?limit=5&sort=-date"))
        .await;
    let desc_keys: Vec<(String, String)> = desc
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap().to_owned(),
                e["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    sorted.reverse();
    assert_eq!(desc_keys, sorted, "-date is the reverse order");
    let first = b.get(&format!("{ENTRIES}?limit=7")).await;
    assert_eq!(first["data"].as_array().unwrap().len(), 7);
    assert!(first["next_cursor"].is_string());

    // Filters.
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?ledger_account_id={cash}&limit=3"),
        )
        .await;
    assert_eq!(f.len(), by_cash);
    assert!(f.iter().all(|e| e["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["ledger_account_id"] == cash.as_str())));
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?source=opening&limit=50"))
        .await;
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["source"], "opening");
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?source=manual&limit=50"))
        .await;
    assert_eq!(f.len(), 25);
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?reference=REF-1&limit=2"))
        .await;
    assert_eq!(f.len(), ref1);
    assert!(f.iter().all(|e| e["reference"] == "REF-1"));
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?from=2026-01-10&to=2026-01-13&limit=2"),
        )
        .await;
    let dates: BTreeSet<&str> = f.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        BTreeSet::from(["2026-01-10", "2026-01-11", "2026-01-12", "2026-01-13"])
    );
    assert_eq!(f.len(), 5);
    let f = app
        .walk(
            &b.token,
            &format!("{ENTRIES}?from=2026-01-01&reference=REF-0&ledger_account_id={cash}&limit=1"),
        )
        .await;
    assert_eq!(f.len(), 2, "i % 15 == 0: {f:?}");
    let f = app
        .walk(&b.token, &format!("{ENTRIES}?to=2025-12-31&limit=50"))
        .await;
    assert_eq!(f.len(), 1);

    // A cursor belongs to its filters.
    let page = b.get(&format!("{ENTRIES}?limit=2&reference=REF-1")).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let a = app
        .get(&format!(
            "{ENTRIES}?limit=2&reference=REF-2&cursor={cursor}"
        ))
        .token(&b.token)
        .send()
        .await;
    assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor");
}
both_backends!(
    list_entries,
    super::entries_filter_and_page_without_duplicates
);
