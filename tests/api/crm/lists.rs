//! Lists: pagination stable while inserting, and case-insensitive search.

use serde_json::json;

use crate::both_backends;
use crate::support::http::id_of;
use crate::support::TestApp;

async fn pagination_is_stable_while_inserting(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let mut made = Vec::new();
    for i in 0..5 {
        made.push(id_of(
            &app.create(
                t,
                "/api/v1/accounts",
                json!({"name": format!("Account {i}")}),
            )
            .await,
        ));
    }
    for sort in ["created_at", "-created_at", "name", "-name"] {
        let mut seen: Vec<String> = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let path = match &cursor {
                Some(c) => format!("/api/v1/accounts?limit=2&sort={sort}&cursor={c}"),
                None => format!("/api/v1/accounts?limit=2&sort={sort}"),
            };
            let page = app.fetch(t, &path).await;
            let data = page["data"].as_array().unwrap();
            assert!(data.len() <= 2, "{path}");
            seen.extend(data.iter().map(id_of));
            pages += 1;
            // Insert between pages.
            app.create(
                t,
                "/api/v1/accounts",
                json!({"name": format!("Late {sort} {pages}")}),
            )
            .await;
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
            assert!(pages < 50, "pagination does not end");
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            seen.len(),
            "{sort}: a row came twice: {seen:?}"
        );
        for m in &made {
            assert!(seen.contains(m), "{sort}: {m} was skipped");
        }
        // A cursor does not carry over to a different sort or filter.
        let first = app
            .fetch(t, &format!("/api/v1/accounts?limit=2&sort={sort}"))
            .await;
        let c = first["next_cursor"].as_str().unwrap();
        let other = if sort == "name" { "created_at" } else { "name" };
        let x = app
            .get(&format!("/api/v1/accounts?limit=2&sort={other}&cursor={c}"))
            .token(t)
            .send()
            .await;
        assert!(x.status.is_client_error(), "{}", x.text);
    }
}
both_backends!(
    pagination_is_stable_while_inserting_works,
    super::pagination_is_stable_while_inserting
);

async fn search_is_case_insensitive(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let g = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "GlobEx Corporation", "website": "https://globex.example"}),
        )
        .await,
    );
    let i = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Initech"}))
            .await,
    );
    app.create(t, "/api/v1/accounts", json!({"name": "100% Pure_Juice"}))
        .await;
    app.create(
        t,
        "/api/v1/contacts",
        json!({"account_id": i, "name": "Peter Gibbons", "email": "Peter@Initech.example"}),
    )
    .await;
    for (q, want) in [
        ("globex", &g),
        ("GLOBEX", &g),
        ("gLoBeX%20cOrP", &g),
        ("peter", &i),
        ("PETER%40INITECH", &i),
        ("gibbons", &i),
    ] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        let ids: Vec<String> = list["data"].as_array().unwrap().iter().map(id_of).collect();
        assert_eq!(ids, vec![want.clone()], "q={q}");
    }
    let contacts = app.fetch(t, "/api/v1/contacts?q=GIBBONS").await;
    assert_eq!(contacts["data"].as_array().unwrap().len(), 1);
    // LIKE wildcards are matched literally.
    for (q, n) in [
        ("%25", 1),
        ("_", 1),
        ("pure_", 1),
        ("%25%25", 0),
        ("nobody", 0),
    ] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        assert_eq!(list["data"].as_array().unwrap().len(), n, "q={q}: {list}");
    }
}
both_backends!(
    search_is_case_insensitive_works,
    super::search_is_case_insensitive
);

async fn search_folds_non_ascii_case(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let a = id_of(
        &app.create(t, "/api/v1/accounts", json!({"name": "Ärztekammer Zürich"}))
            .await,
    );
    for q in ["%C3%A4rztekammer", "Z%C3%9CRICH", "%C3%84RZTE"] {
        let list = app.fetch(t, &format!("/api/v1/accounts?q={q}")).await;
        let ids: Vec<String> = list["data"].as_array().unwrap().iter().map(id_of).collect();
        assert_eq!(ids, vec![a.clone()], "q={q}");
    }
}
both_backends!(
    search_folds_non_ascii_case_works,
    super::search_folds_non_ascii_case
);
