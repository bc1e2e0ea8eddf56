//! Many clients posting at once, with racing idempotent duplicates: no posting is lost or
//! doubled, and every client reads its own writes.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use reqwest::StatusCode;
use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::Books;
use crate::both_backends;
use crate::support::books::{
    assert_balance_sheet_balances, assert_trial_balance_balances, cr, d, dr, dv, entry, tb_net,
    ENTRIES, LEDGER_ACCOUNTS,
};
use crate::support::{Answer, TestApp};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x % n
    }
}

/// What one client saw of one entry it posted.
struct Posted {
    id: String,
    /// (account index, debit − credit in cents)
    lines: Vec<(usize, i64)>,
}

/// Sends a posting; a racing duplicate that answers 409 `idempotency_in_progress` is retried.
async fn send_posting(app: &TestApp, token: &str, body: &Value, key: Option<&str>) -> Answer {
    for _ in 0..100 {
        let mut req = app.post(ENTRIES).token(token).json(body);
        if let Some(k) = key {
            req = req.header("Idempotency-Key", k);
        }
        let a = req.send().await;
        assert!(
            a.status.as_u16() < 500,
            "5xx under load: {} {}",
            a.status,
            a.text
        );
        if a.status == StatusCode::CONFLICT && a.code() == "idempotency_in_progress" {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
            continue;
        }
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
        return a;
    }
    panic!("the idempotent duplicate never finished");
}

async fn concurrent_clients_lose_no_posting(app: TestApp) {
    const CLIENTS: u64 = 16;
    const PER_CLIENT: u64 = 10;
    const HOT: usize = 4;
    let app = Arc::new(app);
    let mut b = Books::open(&app, "Busy Books Ltd").await;
    // Four hot accounts every client posts to, plus one private account per client so that
    // each client can check it reads its own writes while the others post.
    let mut accounts: Vec<String> = ["1010", "1000", "4000", "6100"]
        .iter()
        .map(|c| b.id(c))
        .collect();
    let mut types = vec!["asset", "asset", "income", "expense"];
    for client in 0..CLIENTS {
        let body = json!({"code": format!("8{client:03}"), "name": format!("Client {client} costs"), "type": "expense"});
        accounts.push(b.create_account(body).await);
        types.push("expense");
    }

    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let (app, token, accounts) = (app.clone(), b.token.clone(), accounts.clone());
        tasks.push(actix_web::rt::spawn(async move {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((client + 1) * 0x1234_5678));
            let private = HOT + client as usize;
            let mut own_balance = 0i64;
            let mut posted = Vec::new();
            let mut replays = 0;
            for i in 0..PER_CLIENT {
                // 2 or 3 lines among the hot accounts, balanced, in cents; every other entry
                // also moves an amount from a hot account to the client's private one.
                let n = HOT as u64;
                let (a, c) = (rng.below(n) as usize, rng.below(n) as usize);
                let c = if a == c { (c + 1) % HOT } else { c };
                let x = 1 + rng.below(100_000) as i64;
                let mut lines = vec![(a, x)];
                if rng.below(3) == 0 {
                    let y = 1 + rng.below(50_000) as i64;
                    lines.push((rng.below(n) as usize, y));
                    lines.push((c, -(x + y)));
                } else {
                    lines.push((c, -x));
                }
                if i % 2 == 1 {
                    let z = 1 + rng.below(10_000) as i64;
                    lines.push((private, z));
                    lines.push((rng.below(n) as usize, -z));
                }
                let json_lines: Vec<Value> = lines
                    .iter()
                    .map(|(acct, v)| {
                        let amount = Decimal::new(v.abs(), 2).to_string();
                        if *v > 0 {
                            dr(&accounts[*acct], &amount)
                        } else {
                            cr(&accounts[*acct], &amount)
                        }
                    })
                    .collect();
                let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + Duration::days(rng.below(90) as i64);
                let body = entry(&day.to_string(), json_lines);
                let id = if i % 3 == 0 {
                    let key = format!("client-{client}-entry-{i}-{}", uuid::Uuid::now_v7());
                    let (first, second) = if i % 2 == 0 {
                        // The pair races.
                        futures_util::future::join(
                            send_posting(&app, &token, &body, Some(&key)),
                            send_posting(&app, &token, &body, Some(&key)),
                        )
                        .await
                    } else {
                        let first = send_posting(&app, &token, &body, Some(&key)).await;
                        (first, send_posting(&app, &token, &body, Some(&key)).await)
                    };
                    assert_eq!(
                        first.body["id"], second.body["id"],
                        "a replay answered another entry"
                    );
                    let flags = [&first, &second]
                        .map(|a| a.header("idempotent-replayed").as_deref() == Some("true"));
                    assert_eq!(
                        flags.iter().filter(|f| **f).count(),
                        1,
                        "exactly one of the pair replays: {flags:?}"
                    );
                    replays += 1;
                    first.body["id"].as_str().unwrap().to_owned()
                } else {
                    send_posting(&app, &token, &body, None).await.body["id"]
                        .as_str()
                        .unwrap()
                        .to_owned()
                };
                // Read-your-writes: the private account's balance includes this entry at once.
                own_balance += lines
                    .iter()
                    .filter(|(acct, _)| *acct == private)
                    .map(|(_, v)| v)
                    .sum::<i64>();
                let bal = app
                    .get(&format!(
                        "{LEDGER_ACCOUNTS}/{}/balance?as_of=2026-12-31",
                        accounts[private]
                    ))
                    .token(&token)
                    .send()
                    .await;
                assert_eq!(bal.status, StatusCode::OK, "{}", bal.text);
                assert_eq!(
                    dv(&bal.body["balance"]),
                    Decimal::new(own_balance, 2),
                    "client {client} after entry {i}"
                );
                posted.push(Posted { id, lines });
            }
            (posted, replays)
        }));
    }
    let mut posted = Vec::new();
    let mut replays = 0;
    for t in tasks {
        let (p, r) = t.await.unwrap();
        posted.extend(p);
        replays += r;
    }
    assert!(replays >= CLIENTS * 3);

    // Every 201 exists exactly once.
    let ids: BTreeSet<&str> = posted.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids.len() as u64,
        CLIENTS * PER_CLIENT,
        "two clients were answered the same id"
    );
    let listed = app.walk(&b.token, &format!("{ENTRIES}?limit=37")).await;
    let listed_ids: Vec<&str> = listed.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let unique: BTreeSet<&str> = listed_ids.iter().copied().collect();
    assert_eq!(unique.len(), listed_ids.len(), "the list repeats entries");
    assert_eq!(
        unique, ids,
        "the journal holds other entries than were answered 201"
    );

    // Every account's balance is the sum of the lines the clients sent, and of the lines
    // listed; checked right away and again once the background folding has run.
    let mut expected = vec![0i64; accounts.len()];
    for p in &posted {
        for (acct, v) in &p.lines {
            expected[*acct] += v;
        }
    }
    let mut from_list: HashMap<&str, Decimal> = HashMap::new();
    for e in &listed {
        for l in e["lines"].as_array().unwrap() {
            let v = l["debit"].as_str().map(d).unwrap_or_default()
                - l["credit"].as_str().map(d).unwrap_or_default();
            *from_list
                .entry(l["ledger_account_id"].as_str().unwrap())
                .or_default() += v;
        }
    }
    for round in 0..2 {
        if round == 1 {
            actix_web::rt::time::sleep(std::time::Duration::from_millis(2500)).await;
        }
        for (i, id) in accounts.iter().enumerate() {
            let bal = b.balance(id, "as_of=2026-12-31").await;
            let net = dv(&bal["debit_total"]) - dv(&bal["credit_total"]);
            assert_eq!(
                net,
                Decimal::new(expected[i], 2),
                "account {i}, round {round}: {bal}"
            );
            assert_eq!(
                net,
                from_list.get(id.as_str()).copied().unwrap_or_default(),
                "account {i}"
            );
            let normal = if types[i] == "asset" || types[i] == "expense" {
                net
            } else {
                -net
            };
            assert_eq!(dv(&bal["balance"]), normal);
        }
        let tb = b
            .get("/api/v1/reports/trial-balance?as_of=2026-12-31")
            .await;
        assert_trial_balance_balances(&tb);
        for (i, id) in accounts.iter().enumerate() {
            assert_eq!(
                tb_net(&tb, id),
                Decimal::new(expected[i], 2),
                "trial balance row {i}, round {round}"
            );
        }
        let bs = b
            .get("/api/v1/reports/balance-sheet?as_of=2026-12-31")
            .await;
        assert_balance_sheet_balances(&bs);
    }
}
both_backends!(
    concurrent_posting,
    super::concurrent_clients_lose_no_posting
);
