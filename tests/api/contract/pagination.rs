//! Cursor pagination: each row once, stable under inserts, sorted, cursors bound to their
//! sort and filters.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use super::{all_user_ids, new_user};
use crate::both_backends;
use crate::support::http::ids_of;
use crate::support::problem::assert_problem;
use crate::support::TestApp;

async fn pages_cover_the_list_once(app: TestApp) {
    let owner = app.signup("Pages").await;
    for i in 0..7 {
        let a = app
            .create_user(&owner.token, &new_user(&format!("Member {i}")))
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    }
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    let first = app
        .get("/api/v1/users?limit=3")
        .token(&owner.token)
        .send()
        .await;
    let mut page = first;
    loop {
        assert_eq!(page.status, StatusCode::OK, "{}", page.text);
        let data = page.body["data"].as_array().unwrap().clone();
        sizes.push(data.len());
        seen.extend(ids_of(&data));
        let Some(cursor) = page.body["next_cursor"].as_str().map(str::to_owned) else {
            break;
        };
        page = app
            .get(&format!("/api/v1/users?limit=3&cursor={cursor}"))
            .token(&owner.token)
            .send()
            .await;
    }
    assert_eq!(sizes, vec![3, 3, 2]);
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), 8, "no duplicates: {seen:?}");
    assert_eq!(
        seen,
        all_user_ids(&app, &owner.token).await,
        "the same order as one big page"
    );

    // Exactly a page's worth: the last full page says there is no more.
    let (rows, pages) = app
        .walk_pages(&owner.token, "/api/v1/users?limit=4", None)
        .await;
    assert_eq!((rows.len(), pages), (8, 2));
    // Descending is the reverse.
    let desc = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=-created_at")
        .await;
    let mut reversed = ids_of(&desc);
    reversed.reverse();
    assert_eq!(reversed, seen);
}
both_backends!(
    pages_cover_the_list_once_works,
    super::pages_cover_the_list_once
);

async fn pages_are_stable_under_inserts(app: TestApp) {
    let owner = app.signup("Stable Pages").await;
    for i in 0..7 {
        app.create_user(&owner.token, &new_user(&format!("Original {i}")))
            .await;
    }
    let originals = all_user_ids(&app, &owner.token).await;
    assert_eq!(originals.len(), 8);

    for sort in ["created_at", "-created_at", "name", "-name"] {
        let first = app
            .get(&format!("/api/v1/users?limit=3&sort={sort}"))
            .token(&owner.token)
            .send()
            .await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text);
        let mut seen = ids_of(first.body["data"].as_array().unwrap());
        // Two more arrive between page 1 and page 2 (named to sort at both ends).
        for name in ["Aaron Added", "Zed Added"] {
            let a = app.create_user(&owner.token, &new_user(name)).await;
            assert_eq!(a.status, StatusCode::CREATED);
        }
        let cursor = first.body["next_cursor"].as_str().unwrap().to_owned();
        let (rest, _) = app
            .walk_pages(
                &owner.token,
                &format!("/api/v1/users?limit=3&sort={sort}"),
                Some(cursor),
            )
            .await;
        seen.extend(ids_of(&rest));
        let unique: BTreeSet<&String> = seen.iter().collect();
        assert_eq!(
            unique.len(),
            seen.len(),
            "sort={sort}: a row was seen twice: {seen:?}"
        );
        for id in &originals {
            assert!(
                seen.contains(id),
                "sort={sort}: original row {id} was skipped"
            );
        }
    }
}
both_backends!(
    pages_are_stable_under_inserts_works,
    super::pages_are_stable_under_inserts
);

async fn sorted_pages(app: TestApp) {
    let owner = app.signup("Sorted").await;
    // Names whose order is the same under byte order and any locale collation.
    for name in [
        "Member Delta",
        "Member Alpha",
        "Member Echo",
        "Member Bravo",
        "Member Alpha",
        "Member Charlie",
        "Member Golf",
    ] {
        let a = app.create_user(&owner.token, &new_user(name)).await;
        assert_eq!(a.status, StatusCode::CREATED);
    }
    let asc = app
        .walk(&owner.token, "/api/v1/users?limit=2&sort=name")
        .await;
    let names: Vec<&str> = asc.iter().map(|u| u["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 8);
    assert_eq!(names.first(), Some(&"Member Alpha"));
    assert_eq!(names.last(), Some(&"Olivia Owner"));
    let unique: BTreeSet<String> = ids_of(&asc).into_iter().collect();
    assert_eq!(unique.len(), 8, "ties on name are split by id, once each");

    let desc = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=-name")
        .await;
    let mut desc_ids = ids_of(&desc);
    desc_ids.reverse();
    assert_eq!(
        desc_ids,
        ids_of(&asc),
        "-name is exactly the reverse of name"
    );

    let by_email = app
        .walk(&owner.token, "/api/v1/users?limit=3&sort=email")
        .await;
    let emails: Vec<&str> = by_email
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted);
}
both_backends!(sorted_pages_works, super::sorted_pages);

async fn cursors_are_bound_to_sort_and_filters(app: TestApp) {
    let owner = app.signup("Cursor Binding").await;
    for i in 0..3 {
        app.create_user(&owner.token, &new_user(&format!("Bound {i}")))
            .await;
    }
    let page = app
        .get("/api/v1/users?limit=1&sort=name")
        .token(&owner.token)
        .send()
        .await;
    let cursor = page.body["next_cursor"].as_str().unwrap().to_owned();
    for other in [
        "sort=-name",
        "sort=email",
        "sort=created_at",
        "sort=name&role=viewer",
    ] {
        let a = app
            .get(&format!("/api/v1/users?limit=1&{other}&cursor={cursor}"))
            .token(&owner.token)
            .send()
            .await;
        assert_problem(&a, StatusCode::UNPROCESSABLE_ENTITY, "invalid_cursor");
    }
    // The right sort takes it, with another limit too.
    let a = app
        .get(&format!("/api/v1/users?limit=2&sort=name&cursor={cursor}"))
        .token(&owner.token)
        .send()
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
}
both_backends!(
    cursors_are_bound_to_sort_and_filters_works,
    super::cursors_are_bound_to_sort_and_filters
);
