//! An account manager's and an accountant's day through accord-client, against the real
//! server (`ACCORD_BIN`, else target/debug/accord) on a fresh SQLite database per test.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use accord_client::{types, verify_webhook, Accord, AccordError, WebhookError, WithCursor};
use futures::TryStreamExt;
use serde_json::json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

struct Server {
    child: Child,
    base_url: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start() -> Result<Server, Box<dyn std::error::Error>> {
    let bin = std::env::var_os("ACCORD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/accord")
        });
    let dir = tempfile::tempdir()?;
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let child = Command::new(bin)
        .arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("accord.db").display()),
        )
        .env("ACCORD_ADDR", format!("127.0.0.1:{port}"))
        .env("ACCORD_RATE_LIMIT", "0")
        // The webhook walk's receiver listens on loopback.
        .env("ACCORD_WEBHOOK_ALLOW_PRIVATE", "true")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()?;
    let server = Server {
        child,
        base_url: format!("http://127.0.0.1:{port}"),
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = reqwest::get(format!("{}/readyz", server.base_url)).await {
            if r.status().is_success() {
                return Ok(server);
            }
        }
        if Instant::now() > deadline {
            return Err("accord did not become ready in 30 s".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn body<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    match serde_json::from_value(value) {
        Ok(v) => v,
        Err(e) => panic!("test body does not fit the generated type: {e}"),
    }
}

/// An owner (signed up), plus an account manager and an accountant who logged in.
struct Org {
    server: Server,
    owner: Accord,
    manager: Accord,
    accountant: Accord,
}

async fn org() -> Result<Org, Box<dyn std::error::Error>> {
    let server = start().await?;
    let (owner, answer) = Accord::signup(
        &server.base_url,
        types::SignupRequest::builder()
            .organization_name("Acme Ltd".to_owned())
            .name("Olivia Owner".to_owned())
            .email("olivia@acme.example".to_owned())
            .password("correct horse battery staple".to_owned())
            .base_currency(Some("USD".to_owned()))
            .try_into()?,
    )
    .await?;
    assert_eq!(answer.user.role, types::Role::Owner);
    let colleagues = [
        json!({"name": "Kim Kam", "email": "kim@acme.example", "password": "a long password 1",
               "role": "account_manager", "title": "key_account_manager"}),
        json!({"name": "Ada Books", "email": "ada@acme.example", "password": "a long password 2",
               "role": "accountant"}),
    ];
    for colleague in colleagues {
        let request: types::CreateUserRequest = body(colleague);
        owner
            .call(|c| c.create_user().body(request.clone()).send())
            .await?;
    }
    let manager = Accord::login(&server.base_url, "kim@acme.example", "a long password 1").await?;
    let accountant =
        Accord::login(&server.base_url, "ada@acme.example", "a long password 2").await?;
    Ok(Org {
        server,
        owner,
        manager,
        accountant,
    })
}

#[tokio::test]
async fn signup_login_and_me() -> TestResult {
    let org = org().await?;
    let me = org.owner.call(|c| c.me().send()).await?;
    assert_eq!(me.principal, types::PrincipalKind::User);
    assert_eq!(me.organization.name, "Acme Ltd");
    let me = org.manager.call(|c| c.me().send()).await?;
    assert_eq!(me.role, types::Role::AccountManager);
    Ok(())
}

#[tokio::test]
async fn account_managers_day() -> TestResult {
    let org = org().await?;
    let m = &org.manager;
    let account = m
        .call(|c| {
            c.create_account()
                .body_map(|b| {
                    b.name("Globex Corporation".to_owned())
                        .tier(Some(types::Tier::Key))
                        .status(Some(types::AccountStatus::Active))
                        .is_customer(Some(true))
                        .currency(Some("USD".to_owned()))
                })
                .send()
        })
        .await?;
    assert!(account.is_customer);
    let contact: types::ContactCreate = body(json!({
        "account_id": account.id, "name": "Hank Scorpio", "title": "CEO", "seniority": "c_level",
        "is_decision_maker": true, "influence": "economic_buyer"}));
    let contact = m
        .call(|c| c.create_contact().body(contact.clone()).send())
        .await?;
    let interaction: types::InteractionCreate = body(json!({
        "account_id": account.id, "contact_ids": [contact.id], "kind": "check_in",
        "direction": "outbound", "occurred_at": "2026-11-20T10:00:00Z",
        "subject": "Quarterly check-in", "sentiment": 2, "follow_up_on": "2026-11-27"}));
    let interaction = m
        .call(|c| c.create_interaction().body(interaction.clone()).send())
        .await?;
    assert_eq!(interaction.contact_ids, vec![contact.id]);
    let risk: types::RiskCreate = body(json!({
        "account_id": account.id, "kind": "churn_risk", "severity": "high",
        "description": "Budget cuts"}));
    let risk = m
        .call(|c| c.create_risk().body(risk.clone()).send())
        .await?;
    assert_eq!(risk.status, types::RiskStatus::Open);
    let account = m.call(|c| c.get_account().id(account.id).send()).await?;
    assert_eq!(account.status, types::AccountStatus::AtRisk);

    // The account plan, co-created with the client, reviewed, and on the manager's agenda.
    let today = chrono::Utc::now().date_naive();
    let day = |n: i64| today + chrono::Duration::days(n);
    let plan: types::PlanCreate = body(json!({
        "account_id": account.id, "title": "Globex FY plan", "period_start": day(0),
        "period_end": day(364), "status": "active"}));
    let plan = m
        .call(|c| c.create_account_plan().body(plan.clone()).send())
        .await?;
    let objective: types::ObjectiveCreate = body(json!({
        "title": "Grow EU revenue", "kind": "revenue", "baseline": "100000", "target": "250000",
        "current": "100000", "status": "on_track", "co_created_with_contact_ids": [contact.id]}));
    let objective = m
        .call(|c| {
            c.create_plan_objective()
                .id(plan.id)
                .body(objective.clone())
                .send()
        })
        .await?;
    let review: types::ReviewCreate = body(json!({
        "held_on": day(0), "summary": "First review", "next_review_on": day(3),
        "objective_updates": [{"objective_id": objective.id, "current": "140000", "status": "at_risk"}]}));
    m.call(|c| {
        c.create_plan_review()
            .id(plan.id)
            .body(review.clone())
            .send()
    })
    .await?;
    let agenda = m.call(|c| c.my_agenda().date(day(3)).send()).await?;
    assert!(
        agenda
            .items
            .iter()
            .any(|i| i.kind == types::AgendaKind::PlanReview && i.resource.id == plan.id),
        "{agenda:?}"
    );
    Ok(())
}

#[tokio::test]
async fn accountants_day() -> TestResult {
    let org = org().await?;
    let a = &org.accountant;
    let chart: Vec<types::LedgerAccountView> = a
        .paginate(|c, cursor| {
            c.list_ledger_accounts()
                .limit(200)
                .with_cursor(cursor)
                .send()
        })
        .try_collect()
        .await?;
    let id_of = |code: &str| chart.iter().find(|l| l.code == code).map(|l| l.id);
    let (cash, sales) = (
        id_of("1000").ok_or("no 1000")?,
        id_of("4000").ok_or("no 4000")?,
    );
    let entry: types::CreateJournalEntryRequest = body(json!({
        "date": "2026-03-01", "description": "Cash sale", "lines": [
            {"ledger_account_id": cash, "debit": "1250.00"},
            {"ledger_account_id": sales, "credit": "1250.00"}]}));
    let entry = a
        .call(|c| c.create_journal_entry().body(entry.clone()).send())
        .await?;
    assert_eq!(entry.lines.len(), 2);
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).ok_or("date")?;
    let tb = a.call(|c| c.trial_balance().as_of(as_of).send()).await?;
    assert_eq!(tb.totals.debit, tb.totals.credit);
    let cash_row = tb
        .rows
        .iter()
        .find(|r| r.code == "1000")
        .ok_or("no cash row")?;
    assert_eq!(cash_row.debit, "1250.00");
    Ok(())
}

#[tokio::test]
async fn paginate_walks_every_page() -> TestResult {
    let org = org().await?;
    let m = &org.manager;
    for name in ["Umbrella", "Globex", "Initech", "Hooli"] {
        m.call(|c| {
            c.create_account()
                .body_map(|b| b.name(name.to_owned()))
                .send()
        })
        .await?;
    }
    let names: Vec<String> = m
        .paginate(|c, cursor| {
            c.list_accounts()
                .limit(1)
                .sort(types::ListAccountsSort::Name)
                .with_cursor(cursor)
                .send()
        })
        .map_ok(|a| a.name)
        .try_collect()
        .await?;
    assert_eq!(names, ["Globex", "Hooli", "Initech", "Umbrella"]);
    let first = m.call(|c| c.list_accounts().limit(1).send()).await?;
    assert!(
        first.next_cursor.is_some(),
        "one row per page leaves more pages"
    );
    Ok(())
}

#[tokio::test]
async fn validation_error_is_typed_and_names_the_field() -> TestResult {
    let org = org().await?;
    let request: types::CreateUserRequest = body(json!({
        "name": "X", "email": "not-an-email", "password": "a long password 3", "role": "viewer"}));
    let err = org
        .owner
        .call(|c| c.create_user().body(request.clone()).send())
        .await
        .err()
        .ok_or("expected a validation error")?;
    assert!(matches!(err, AccordError::Api { status: 422, .. }));
    assert_eq!(err.code(), Some("validation_failed"));
    assert_eq!(err.field("email").map(|f| f.code.as_str()), Some("email"));
    Ok(())
}

#[tokio::test]
async fn replayed_post_answers_the_first_response() -> TestResult {
    let org = org().await?;
    let send = || {
        org.manager.call_response(|c| {
            c.create_account()
                .idempotency_key("replay-1")
                .body_map(|b| b.name("Soylent Corp".to_owned()).is_customer(Some(true)))
                .send()
        })
    };
    let first = send().await?;
    let second = send().await?;
    assert_eq!(first.status().as_u16(), 201);
    assert_eq!(second.status().as_u16(), 201);
    assert_eq!(
        second
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    assert_eq!(first.into_inner().id, second.into_inner().id);
    Ok(())
}

#[tokio::test]
async fn posts_get_an_idempotency_key() -> TestResult {
    let org = org().await?;
    // Two identical creations without an explicit key: distinct automatic keys, two accounts.
    let create = || {
        org.manager.call_response(|c| {
            c.create_account()
                .body_map(|b| b.name("Wayne Enterprises".to_owned()))
                .send()
        })
    };
    let (one, two) = (create().await?, create().await?);
    assert!(one.headers().get("idempotent-replayed").is_none());
    assert_ne!(one.into_inner().id, two.into_inner().id);
    // A key the caller picks replays; a key the SDK picks never collides.
    Ok(())
}

#[tokio::test]
async fn bad_access_token_is_refreshed_once() -> TestResult {
    let org = org().await?;
    let (_, refresh) = org.manager.tokens();
    let client = Accord::with_refresh(
        &org.server.base_url,
        "not-a-valid-token".to_owned(),
        refresh.ok_or("no refresh token")?,
    );
    let me = client.call(|c| c.me().send()).await?;
    assert_eq!(me.role, types::Role::AccountManager);
    assert_ne!(client.tokens().0.as_deref(), Some("not-a-valid-token"));
    Ok(())
}

#[tokio::test]
async fn api_key_authenticates() -> TestResult {
    let org = org().await?;
    let request: types::CreateApiKeyRequest = body(json!({"name": "CRM sync", "role": "viewer"}));
    let created = org
        .owner
        .call(|c| c.create_api_key().body(request.clone()).send())
        .await?;
    let by_key = Accord::new(&org.server.base_url, created.key);
    let me = by_key.call(|c| c.me().send()).await?;
    assert_eq!(me.principal, types::PrincipalKind::ApiKey);
    assert_eq!(me.role, types::Role::Viewer);
    Ok(())
}

#[tokio::test]
async fn raw_reaches_operations_outside_the_generated_client() -> TestResult {
    let org = org().await?;
    assert!(accord_client::OMITTED_OPERATIONS.contains(&"import_accounts"));
    let answer = org
        .manager
        .raw(reqwest::Method::POST, "/api/v1/accounts/import")
        .header("content-type", "text/csv")
        .body("name,tier\nStark Industries,key\n")
        .send()
        .await?;
    assert_eq!(answer.status().as_u16(), 200);
    let summary: serde_json::Value = answer.json().await?;
    assert_eq!(summary["created"], 1);
    Ok(())
}

/// One request as a loopback receiver got it.
struct Delivery {
    headers: http::HeaderMap,
    body: Vec<u8>,
}

/// An HTTP/1.1 endpoint on loopback that answers 204 and hands over every request it reads.
async fn receiver(
) -> Result<(String, tokio::sync::mpsc::UnboundedReceiver<Delivery>), Box<dyn std::error::Error>> {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hooks/accord", listener.local_addr()?);
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(socket);
                let mut headers = http::HeaderMap::new();
                let mut line = String::new();
                reader.read_line(&mut line).await.ok()?; // request line
                loop {
                    line.clear();
                    reader.read_line(&mut line).await.ok()?;
                    let Some((name, value)) = line.trim_end().split_once(':') else {
                        break;
                    };
                    headers.append(
                        http::HeaderName::from_bytes(name.trim().as_bytes()).ok()?,
                        http::HeaderValue::from_str(value.trim()).ok()?,
                    );
                }
                let length: usize = headers.get("content-length")?.to_str().ok()?.parse().ok()?;
                let mut body = vec![0; length];
                reader.read_exact(&mut body).await.ok()?;
                reader
                    .get_mut()
                    .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
                    .await
                    .ok()?;
                tx.send(Delivery { headers, body }).ok()
            });
        }
    });
    Ok((url, rx))
}

#[tokio::test]
async fn webhook_deliveries_verify_with_standardwebhooks() -> TestResult {
    let org = org().await?;
    let (url, mut deliveries) = receiver().await?;
    let request: types::CreateWebhookRequest = body(json!({"url": url, "events": ["account.*"]}));
    let hook = org
        .owner
        .call(|c| c.create_webhook().body(request.clone()).send())
        .await?;
    let secret = hook.secret.clone().ok_or("the secret is shown on create")?;
    org.owner
        .call(|c| {
            c.test_webhook()
                .id(hook.id.clone())
                .body(types::EmptyRequest::default())
                .send()
        })
        .await?;
    let input: types::AccountCreate = body(json!({"name": "Hooked Ltd"}));
    let account = org
        .owner
        .call(|c| c.create_account().body(input.clone()).send())
        .await?;

    let mut seen = Vec::new();
    // Events committed just before the webhook was saved may reach it too: wait for ours.
    let ours = |(t, e): &(String, types::EventView)| {
        t == "account.created" && e.resource.id.to_string() == account.id.to_string()
    };
    while !(seen.iter().any(|(t, _): &(String, _)| t == "webhook.test") && seen.iter().any(ours)) {
        let delivery = tokio::time::timeout(Duration::from_secs(20), deliveries.recv())
            .await?
            .ok_or("receiver stopped")?;
        let event = verify_webhook(&[&secret], &delivery.body, &delivery.headers)?;
        // The published crate alone verifies it too; a changed body or another secret does not.
        standardwebhooks::Webhook::new(&secret)?.verify(&delivery.body, &delivery.headers)?;
        let mut tampered = delivery.body.clone();
        tampered.push(b' ');
        assert!(matches!(
            verify_webhook(&[&secret], &tampered, &delivery.headers),
            Err(WebhookError::Signature(_))
        ));
        let other = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assert!(verify_webhook(&[other], &delivery.body, &delivery.headers).is_err());
        assert!(verify_webhook(&[other, &secret], &delivery.body, &delivery.headers).is_ok());
        seen.push((event.type_.clone(), event));
    }

    let (_, created) = seen.iter().find(|e| ours(e)).ok_or("no account.created")?;
    assert_eq!(created.resource.id.to_string(), account.id.to_string());
    assert_eq!(created.object["name"], "Hooked Ltd");
    Ok(())
}

#[test]
fn create_types_mark_required_fields() {
    // The spec lists what a create needs, so the generated builder refuses to build without it.
    let missing: Result<types::AccountCreate, _> = types::AccountCreate::builder().try_into();
    assert!(missing.is_err());
    let named: Result<types::AccountCreate, _> = types::AccountCreate::builder()
        .name("Globex".to_owned())
        .try_into();
    assert!(named.is_ok());
    // An invoice (any document) needs its account and lines; the issue date defaults.
    let line: types::DocumentLineRequest = body(json!({"unit_price": "100.00"}));
    let no_account: Result<types::DocumentCreate, _> = types::DocumentCreate::builder()
        .lines(vec![line.clone()])
        .try_into();
    assert!(no_account.is_err());
    let no_price: Result<types::DocumentLineRequest, _> =
        types::DocumentLineRequest::builder().try_into();
    assert!(no_price.is_err());
    let invoice: Result<types::DocumentCreate, _> = types::DocumentCreate::builder()
        .account_id(uuid::Uuid::now_v7())
        .lines(vec![line])
        .try_into();
    assert!(invoice.is_ok());
}

#[tokio::test]
async fn invoice_drafted_and_issued_without_a_body() -> TestResult {
    let org = org().await?;
    let customer: types::AccountCreate = body(json!({"name": "Invoiced Ltd", "is_customer": true}));
    let customer = org
        .owner
        .call(|c| c.create_account().body(customer.clone()).send())
        .await?;
    let draft: types::DocumentCreate = body(json!({
        "account_id": customer.id, "lines": [{"unit_price": "100.00", "description": "Consulting"}]}));
    let draft = org
        .owner
        .call(|c| c.create_invoice().body(draft.clone()).send())
        .await?;
    assert_eq!(draft.status, "draft");
    // The action's body is optional: none is given.
    let issued = org
        .owner
        .call(|c| c.issue_invoice().id(draft.id).send())
        .await?;
    assert_eq!(issued.status, "open");
    assert!(issued.number.is_some());
    Ok(())
}

/// A camt.053.001.02 statement for March 2026 opening at 0.00 and closing at `closing`: one
/// `Ntry` per (signed amount, booking date, bank reference, remittance information).
fn camt(iban: &str, closing: &str, entries: &[(&str, &str, &str, &str)]) -> String {
    let side = |amount: &str| match amount.strip_prefix('-') {
        Some(a) => ("DBIT", a.to_owned()),
        None => ("CRDT", amount.to_owned()),
    };
    let bal = |code: &str, amount: &str, day: &str| {
        let (ind, amt) = side(amount);
        format!(
            "<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">{amt}</Amt>\
             <CdtDbtInd>{ind}</CdtDbtInd><Dt><Dt>{day}</Dt></Dt></Bal>"
        )
    };
    let ntry: String = entries
        .iter()
        .map(|(amount, day, reference, info)| {
            let (ind, amt) = side(amount);
            format!(
                "<Ntry><Amt Ccy=\"USD\">{amt}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts>BOOK</Sts>\
                 <BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt>\
                 <AcctSvcrRef>{reference}</AcctSvcrRef>\
                 <NtryDtls><TxDtls><RmtInf><Ustrd>{info}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\
         <BkToCstmrStmt><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm></GrpHdr>\
         <Stmt><Id>STMT-1</Id><CreDtTm>2026-04-01T08:00:00+00:00</CreDtTm>\
         <Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>USD</Ccy></Acct>{}{}{ntry}</Stmt></BkToCstmrStmt></Document>",
        bal("OPBD", "0.00", "2026-03-01"),
        bal("CLBD", closing, "2026-03-31"),
    )
}

#[tokio::test]
async fn accountants_month_end() -> TestResult {
    let org = org().await?;
    let a = &org.accountant;
    let customer: types::AccountCreate =
        body(json!({"name": "Month-end customer", "is_customer": true}));
    let customer = org
        .manager
        .call(|c| c.create_account().body(customer.clone()).send())
        .await?;
    let bank: types::BankAccountCreate = body(json!({
        "name": "Operating account", "currency": "USD", "iban": "GB33BUKB20201555555555",
        "kind": "bank"}));
    let bank = a
        .call(|c| c.create_bank_account().body(bank.clone()).send())
        .await?;
    let fees: types::CreateLedgerAccountRequest =
        body(json!({"code": "6973", "name": "Bank fees", "type": "expense"}));
    let fees = a
        .call(|c| c.create_ledger_account().body(fees.clone()).send())
        .await?;
    let draft: types::DocumentCreate = body(json!({
        "account_id": customer.id, "issue_date": "2026-03-02",
        "lines": [{"unit_price": "100.00", "description": "Consulting"}]}));
    let draft = a
        .call(|c| c.create_invoice().body(draft.clone()).send())
        .await?;
    let invoice = a.call(|c| c.issue_invoice().id(draft.id).send()).await?;
    assert_eq!(invoice.status, "open");
    let number = invoice
        .number
        .clone()
        .ok_or("an issued invoice has a number")?;

    // The statement file itself is the body: not a JSON operation, so through `raw`.
    assert!(accord_client::OMITTED_OPERATIONS.contains(&"import_into_bank_account"));
    let statement = camt(
        "GB33BUKB20201555555555",
        "97.50",
        &[
            (
                "100.00",
                "2026-03-10",
                "IN-1",
                &format!("Payment of invoice {number}"),
            ),
            ("-2.50", "2026-03-31", "FEE-1", "Account maintenance fee"),
        ],
    );
    let answer = a
        .raw(
            reqwest::Method::POST,
            &format!("/api/v1/bank-accounts/{}/statements", bank.id),
        )
        .header("content-type", "application/xml")
        .body(statement)
        .send()
        .await?;
    assert_eq!(answer.status().as_u16(), 201);
    let imported: types::ImportAnswer = answer.json().await?;
    assert_eq!(imported.imported, 2);

    let dry = a
        .call(|c| {
            c.auto_reconcile()
                .id(bank.id)
                .body_map(|b| b.dry_run(true).date_window_days(Some(7)))
                .send()
        })
        .await?;
    assert!(dry.dry_run);
    let _: &Vec<types::AutoMatch> = &dry.matched;
    assert!(dry.unmatched >= 0);

    let listed = a
        .call(|c| {
            c.list_transactions()
                .id(bank.id)
                .status(types::ListTransactionsStatus::Unreconciled)
                .limit(50)
                .send()
        })
        .await?;
    let lines = listed.data;
    assert_eq!(lines.len(), 2);
    // The file's transaction details come typed: one remittance each.
    assert!(lines
        .iter()
        .all(|t| t.details.as_ref().is_some_and(|d| d.len() == 1)));
    let line = |amount: &str| -> Result<uuid::Uuid, Box<dyn std::error::Error>> {
        Ok(lines
            .iter()
            .find(|t| t.amount == amount)
            .map(|t| t.id)
            .ok_or(format!("no line of {amount}"))?)
    };
    let (received, fee) = (line("100.00")?, line("-2.50")?);

    let payment: types::PaymentFromLineCreate = body(json!({
        "account_id": customer.id,
        "allocations": [{"invoice_id": invoice.id, "amount": "100.00"}]}));
    let paid = a
        .call(|c| {
            c.pay_from_transaction()
                .id(received)
                .body(payment.clone())
                .send()
        })
        .await?;
    assert_eq!(paid.kind, "payment");
    assert!(paid.payment_id.is_some());
    let invoice = a.call(|c| c.get_invoice().id(invoice.id).send()).await?;
    assert_eq!(invoice.status, "paid");
    let categorized = a
        .call(|c| {
            c.categorize_transaction()
                .id(fee)
                .body_map(|b| {
                    b.ledger_account_id(fees.id)
                        .description(Some("Bank fee".to_owned()))
                })
                .send()
        })
        .await?;
    assert_eq!(categorized.kind, "categorize");
    assert!(categorized.journal_entry_id.is_some());

    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 3, 31).ok_or("date")?;
    let position = a.call(|c| c.cash_position().as_of(as_of).send()).await?;
    let row = position
        .accounts
        .iter()
        .find(|r| r.bank_account_id == bank.id)
        .ok_or("no row for the bank account")?;
    assert_eq!(row.statement_balance.as_deref(), Some("97.50"));
    assert_eq!(row.unexplained_difference.as_deref(), Some("0.00"));
    assert_eq!(row.unreconciled_bank_total, "0.00");
    Ok(())
}
