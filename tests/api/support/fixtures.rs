//! Typed helpers that create things through the API and insist it worked: an organization
//! and its owner, colleagues with a role, teams, API keys, client accounts and one of every
//! CRM record on one, tax rates, bank accounts and issued documents.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::http::id_of;
use super::{Answer, TestApp, PASSWORD};

/// An organization's owner, signed in.
pub struct Signed {
    pub token: String,
    pub refresh_token: String,
    pub user_id: String,
    pub organization_id: String,
    pub email: String,
}

/// A user created by an admin, signed in.
pub struct Colleague {
    pub id: String,
    pub email: String,
    pub token: String,
}

pub fn unique_email(tag: &str) -> String {
    format!("{tag}-{}@example.com", uuid::Uuid::now_v7().simple())
}

/// Today (UTC) moved by `offset` days, as `YYYY-MM-DD`.
pub fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset)).to_string()
}

impl TestApp {
    /// Signs up a new organization and returns its owner's session.
    pub async fn signup(&self, org: &str) -> Signed {
        self.signup_with(org, json!({})).await.0
    }

    /// Signs up with extra signup fields (`base_currency`, `fiscal_year_start_month`); returns
    /// the owner's session and the signup answer's body.
    pub async fn signup_with(&self, org: &str, extra: Value) -> (Signed, Value) {
        let email = unique_email("owner");
        let mut body = json!({"organization_name": org, "name": "Olivia Owner", "email": email, "password": PASSWORD});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let a = self.post("/api/v1/auth/signup").json(&body).send().await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        let signed = Signed {
            token: a.body["access_token"].as_str().unwrap().to_owned(),
            refresh_token: a.body["refresh_token"].as_str().unwrap().to_owned(),
            user_id: a.body["user"]["id"].as_str().unwrap().to_owned(),
            organization_id: a.body["organization"]["id"].as_str().unwrap().to_owned(),
            email,
        };
        (signed, a.body)
    }

    /// Signs in and returns the access token.
    pub async fn login(&self, email: &str, password: &str) -> String {
        let a = self
            .post("/api/v1/auth/token")
            .json(&json!({"email": email, "password": password}))
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        a.body["access_token"].as_str().unwrap().to_owned()
    }

    /// POST /users as `token`; the whole answer.
    pub async fn create_user(&self, token: &str, body: &Value) -> Answer {
        self.post("/api/v1/users")
            .token(token)
            .json(body)
            .send()
            .await
    }

    /// A colleague named "A {role}" with `role`, created by `admin` and signed in.
    pub async fn colleague(&self, admin: &str, role: &str) -> Colleague {
        self.new_colleague(admin, json!({"name": format!("A {role}"), "role": role}))
            .await
    }

    /// An account manager (titled account executive) named `name`, signed in.
    pub async fn account_manager(&self, admin: &str, name: &str) -> Colleague {
        self.new_colleague(
            admin,
            json!({"name": name, "role": "account_manager", "title": "account_executive"}),
        )
        .await
    }

    async fn new_colleague(&self, admin: &str, mut body: Value) -> Colleague {
        let email = unique_email(body["role"].as_str().unwrap());
        body["email"] = json!(email);
        body["password"] = json!(PASSWORD);
        let a = self.create_user(admin, &body).await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        Colleague {
            id: id_of(&a.body),
            token: self.login(&email, PASSWORD).await,
            email,
        }
    }

    /// POST /teams as `token`; the whole answer.
    pub async fn create_team(&self, token: &str, body: &Value) -> Answer {
        self.post("/api/v1/teams")
            .token(token)
            .json(body)
            .send()
            .await
    }

    /// POST /api-keys as `token`; the whole answer (its `key` is shown only here).
    pub async fn create_api_key(&self, token: &str, body: &Value) -> Answer {
        self.post("/api/v1/api-keys")
            .token(token)
            .json(body)
            .send()
            .await
    }

    /// A client account; returns its id.
    pub async fn client_account(&self, token: &str, body: Value) -> String {
        id_of(&self.create(token, "/api/v1/accounts", body).await)
    }

    /// A tax rate of kind `standard`; returns its id.
    pub async fn tax_rate(&self, token: &str, name: &str, rate: &str, recoverable: bool) -> String {
        id_of(
            &self
                .create(
                    token,
                    "/api/v1/tax-rates",
                    json!({"name": name, "rate": rate, "kind": "standard", "recoverable": recoverable}),
                )
                .await,
        )
    }

    /// A bank account (with its own ledger account); returns its id.
    pub async fn bank_account(&self, token: &str, name: &str, currency: &str) -> String {
        id_of(
            &self
                .create(
                    token,
                    "/api/v1/bank-accounts",
                    json!({"name": name, "currency": currency}),
                )
                .await,
        )
    }

    /// Posts a draft document of `kind` (`invoices`, `credit-notes`, `bills`,
    /// `vendor-credits`): `issue`, or `approve` for bills. Insists on 200.
    pub async fn issue(&self, token: &str, kind: &str, id: &str) -> Value {
        let verb = if kind == "bills" { "approve" } else { "issue" };
        let a = self
            .post(&format!("/api/v1/{kind}/{id}/{verb}"))
            .token(token)
            .send()
            .await;
        assert_eq!(a.status, StatusCode::OK, "{kind} {verb}: {}", a.text);
        a.body
    }

    /// Creates a draft document of `kind` and issues (or approves) it.
    pub async fn issued(&self, token: &str, kind: &str, draft: Value) -> Value {
        let doc = self.create(token, &format!("/api/v1/{kind}"), draft).await;
        self.issue(token, kind, &id_of(&doc)).await
    }
}

/// One of every CRM record on one client account.
pub struct CrmRecords {
    pub account: String,
    pub contact: String,
    pub interaction: String,
    pub feedback: String,
    pub request: String,
    pub task: String,
    pub opportunity: String,
    pub proposal: String,
    pub risk: String,
    pub competitor: String,
}

impl CrmRecords {
    /// Creates them on `account` as `token` (who must write it).
    pub async fn create(app: &TestApp, token: &str, account: &str) -> CrmRecords {
        let a = account;
        let contact = id_of(
            &app.create(
                token,
                "/api/v1/contacts",
                json!({"account_id": a, "name": "Hank Scorpio", "email": "hank@globex.example"}),
            )
            .await,
        );
        let interaction = id_of(&app.create(token, "/api/v1/interactions", json!({"account_id": a, "contact_ids": [contact], "kind": "call", "direction": "outbound", "occurred_at": format!("{}T10:00:00Z", day(-1)), "sentiment": 4})).await);
        let feedback = id_of(
            &app.create(
                token,
                "/api/v1/feedback",
                json!({"account_id": a, "contact_id": contact, "kind": "csat", "score": 4}),
            )
            .await,
        );
        let request = id_of(
            &app.create(
                token,
                "/api/v1/requests",
                json!({"account_id": a, "kind": "inquiry", "summary": "pricing?"}),
            )
            .await,
        );
        let task = id_of(
            &app.create(
                token,
                "/api/v1/tasks",
                json!({"account_id": a, "title": "Call back", "due_on": day(3)}),
            )
            .await,
        );
        let opportunity = id_of(&app.create(token, "/api/v1/opportunities", json!({"account_id": a, "kind": "upsell", "name": "EU", "amount": "100.00", "stage": "proposal", "probability": 40})).await);
        let proposal = id_of(
            &app.create(
                token,
                "/api/v1/proposals",
                json!({"opportunity_id": opportunity, "summary": "v1"}),
            )
            .await,
        );
        let risk = id_of(
            &app.create(
                token,
                "/api/v1/risks",
                json!({"account_id": a, "kind": "complaint", "severity": "low", "description": "slow"}),
            )
            .await,
        );
        let competitor = id_of(
            &app.create(
                token,
                "/api/v1/competitors",
                json!({"name": format!("Rival {}", uuid::Uuid::now_v7().simple())}),
            )
            .await,
        );
        CrmRecords {
            account: a.to_owned(),
            contact,
            interaction,
            feedback,
            request,
            task,
            opportunity,
            proposal,
            risk,
            competitor,
        }
    }
}
