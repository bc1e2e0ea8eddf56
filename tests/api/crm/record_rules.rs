//! Rules of single records: moving one needs write access on both accounts, imports cannot
//! update what the importer cannot write, only the author edits an interaction, feedback is
//! append-only, and merges refuse nonsense.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::allowed_refusal;
use crate::both_backends;
use crate::support::fixtures::CrmRecords;
use crate::support::http::id_of;
use crate::support::{Colleague, TestApp};

async fn moving_a_record_needs_write_on_both_accounts(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: member,
        ..
    } = app.account_manager(t, "member").await;
    let outsider = app.account_manager(t, "outsider").await.token;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [member_id]}),
        )
        .await,
    );
    let a = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "team_id": team}),
        )
        .await,
    );
    let a2 = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex 2", "team_id": team}),
        )
        .await,
    );
    let c = id_of(
        &app.create(&outsider, "/api/v1/accounts", json!({"name": "Umbrella"}))
            .await,
    );
    let r = CrmRecords::create(&app, &member, &a).await;
    let foreign = {
        let rival = app.signup("Rival").await;
        id_of(
            &app.create(&rival.token, "/api/v1/accounts", json!({"name": "Theirs"}))
                .await,
        )
    };
    for path in [
        format!("/api/v1/contacts/{}", r.contact),
        format!("/api/v1/tasks/{}", r.task),
        format!("/api/v1/opportunities/{}", r.opportunity),
    ] {
        // To an account the member can only read: refused.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": c})),
            )
            .await;
        assert!(
            x.status == StatusCode::FORBIDDEN
                || (path.contains("opportunities") && x.status == StatusCode::UNPROCESSABLE_ENTITY),
            "{path}: {}",
            x.text
        );
        // To another organization's account: never moved there.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": foreign})),
            )
            .await;
        assert!(
            x.status == StatusCode::NOT_FOUND || x.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {}",
            x.text
        );
        assert_eq!(app.fetch(t, &path).await["account_id"], json!(a), "{path}");
        // The outsider cannot pull it onto their own account either.
        let x = app
            .call(
                Method::PATCH,
                &path,
                &outsider,
                Some(&json!({"account_id": c})),
            )
            .await;
        assert!(
            x.status == StatusCode::FORBIDDEN
                || (path.contains("opportunities") && x.status == StatusCode::UNPROCESSABLE_ENTITY),
            "{path}: {}",
            x.text
        );
        assert_eq!(app.fetch(t, &path).await["account_id"], json!(a), "{path}");
    }
    // Between two accounts the member writes, a contact and a task move.
    for path in [
        format!("/api/v1/contacts/{}", r.contact),
        format!("/api/v1/tasks/{}", r.task),
    ] {
        let x = app
            .call(
                Method::PATCH,
                &path,
                &member,
                Some(&json!({"account_id": a2})),
            )
            .await;
        assert_eq!(x.status, StatusCode::OK, "{path}: {}", x.text);
        assert_eq!(x.body["account_id"], json!(a2));
    }
    // Merging an account the member cannot write into theirs is refused; nothing moves.
    let cc = id_of(
        &app.create(
            &outsider,
            "/api/v1/contacts",
            json!({"account_id": c, "name": "Alice"}),
        )
        .await,
    );
    let x = app
        .call(
            Method::POST,
            &format!("/api/v1/accounts/{a}/merge"),
            &member,
            Some(&json!({"duplicate_id": c})),
        )
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/contacts/{cc}")).await["account_id"],
        json!(c)
    );
    assert!(app.fetch(t, &format!("/api/v1/accounts/{c}")).await["archived_at"].is_null());
}
both_backends!(
    moving_a_record_needs_write_on_both_accounts_works,
    super::moving_a_record_needs_write_on_both_accounts
);

async fn import_and_record_rules_hold_for_a_manager(app: TestApp) {
    let owner = app.signup("Acme").await;
    let t = &owner.token;
    let Colleague {
        id: member_id,
        token: member,
        ..
    } = app.account_manager(t, "member").await;
    let Colleague {
        id: mate_id,
        token: mate,
        ..
    } = app.account_manager(t, "mate").await;
    let Colleague {
        id: outsider_id,
        token: outsider,
        ..
    } = app.account_manager(t, "outsider").await;
    let team = id_of(
        &app.create(
            t,
            "/api/v1/teams",
            json!({"name": "Key", "member_ids": [member_id, mate_id]}),
        )
        .await,
    );
    let a = id_of(
        &app.create(
            t,
            "/api/v1/accounts",
            json!({"name": "Globex", "tier": "standard", "team_id": team}),
        )
        .await,
    );
    // An import cannot update (upsert by name) an account the manager cannot write; the row is
    // reported by its line, the good row is still committed, and it belongs to the importer.
    let csv = "name,tier\nglobex,key\nUmbrella,strategic\n";
    let x = app
        .post("/api/v1/accounts/import")
        .token(&outsider)
        .raw(csv, "text/csv")
        .send()
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    assert_eq!(x.body["created"], 1, "{}", x.text);
    assert_eq!(x.body["updated"], 0, "{}", x.text);
    assert_eq!(x.body["errors"][0]["row"], 2, "{}", x.text);
    assert_eq!(
        app.fetch(t, &format!("/api/v1/accounts/{a}")).await["tier"],
        "standard"
    );
    let umbrella = app.fetch(t, "/api/v1/accounts?q=umbrella").await;
    assert_eq!(umbrella["data"][0]["owner_id"], json!(outsider_id));
    // Only the author edits an interaction, even within the team.
    let i = id_of(&app.create(&member, "/api/v1/interactions", json!({"account_id": a, "kind": "meeting", "direction": "outbound", "occurred_at": "2026-01-01T10:00:00Z"})).await);
    let x = app
        .patch(&format!("/api/v1/interactions/{i}"))
        .token(&mate)
        .json(&json!({"summary": "rewritten"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::FORBIDDEN, "{}", x.text);
    let x = app
        .patch(&format!("/api/v1/interactions/{i}"))
        .token(&member)
        .json(&json!({"summary": "mine"}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::OK, "{}", x.text);
    // Feedback is append-only: no PATCH or DELETE route, and never a 500.
    let f = id_of(
        &app.create(
            &member,
            "/api/v1/feedback",
            json!({"account_id": a, "kind": "nps", "score": 9}),
        )
        .await,
    );
    for m in [Method::PATCH, Method::DELETE] {
        let x = app
            .call(
                m.clone(),
                &format!("/api/v1/feedback/{f}"),
                &member,
                Some(&json!({"score": 0})),
            )
            .await;
        assert!(
            x.status == StatusCode::METHOD_NOT_ALLOWED || x.status == StatusCode::NOT_FOUND,
            "{m}: {}",
            x.text
        );
    }
    assert_eq!(
        app.fetch(t, &format!("/api/v1/feedback/{f}")).await["score"],
        9
    );
    // Merging an account into itself, or an unknown one, is refused without harm.
    let x = app
        .post(&format!("/api/v1/accounts/{a}/merge"))
        .token(t)
        .json(&json!({"duplicate_id": a}))
        .send()
        .await;
    assert_eq!(x.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", x.text);
    let x = app
        .post(&format!("/api/v1/accounts/{a}/merge"))
        .token(t)
        .json(&json!({"duplicate_id": uuid::Uuid::now_v7()}))
        .send()
        .await;
    assert!(allowed_refusal(x.status), "{}", x.text);
    assert!(app.fetch(t, &format!("/api/v1/accounts/{a}")).await["archived_at"].is_null());
}
both_backends!(
    import_and_record_rules_hold_for_a_manager_works,
    super::import_and_record_rules_hold_for_a_manager
);
