//! PostgreSQL going away (issue 16, point 1): on a private cluster of the test's own, stopped
//! and restarted under load. While the database is unreachable every answer is 503 with
//! `Retry-After` and the code `database_unavailable` (never 500), readiness says 503, and once it
//! is back the node recovers without a restart: no dead pooled connection reaches a handler.
//! Writes retried with their Idempotency-Key after a 503 are applied exactly once.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{signup, transfer, Api, Node, PgDatabase, PrivateCluster, Reply};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_outage_answers_503_and_recovers_without_a_restart() {
    let Some(cluster) = PrivateCluster::create() else {
        return;
    };
    let db = PgDatabase::create_on(&cluster.admin_url()).expect("a database on the cluster");
    let node = Node::start(&db.url, &[("ACCORD_DB_POOL_SIZE", "8")]);
    let (token, _) = signup(&crate::support::client(), &node.base, "Outage Ltd").await;
    let api = Api::new(&node.base, &token);
    let cash = api.ledger_account("1000").await;
    let equity = api.ledger_account("3000").await;

    // Down with nothing running: readiness, a read and a write all answer 503 promptly.
    cluster.stop("fast");
    let started = Instant::now();
    let ready = api.get("/readyz").await;
    assert_unavailable(&ready, "readyz while PostgreSQL is down");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "readyz took {:?}",
        started.elapsed()
    );
    assert_unavailable(&api.get("/api/v1/me").await, "GET /me while down");
    let write = api
        .post(
            "/api/v1/ledger/journal-entries",
            &transfer(&cash, &equity, "1.00", "down"),
        )
        .await;
    assert_unavailable(&write, "a posting while down");
    assert!(
        write.body["detail"]
            .as_str()
            .unwrap_or("")
            .contains("Idempotency-Key"),
        "the answer says a retry with the same key is safe: {:?}",
        write.body
    );

    // Back: ready within seconds, and the first requests get live connections.
    cluster.start();
    wait_ready(&api, Duration::from_secs(15)).await;
    for i in 0..40 {
        let me = api.get("/api/v1/me").await;
        assert_eq!(me.status, 200, "read {i} after recovery: {:?}", me.body);
    }

    // Under load: 8 clients posting, each retrying a 503 with the same Idempotency-Key, while
    // PostgreSQL restarts twice (a fast stop, as `pg_ctlcluster restart` does, then a crash).
    let statuses: Arc<Mutex<BTreeMap<u16, u64>>> = Arc::default();
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..8 {
        let (api, cash, equity) = (api.clone(), cash.clone(), equity.clone());
        let (statuses, acknowledged, stop) = (statuses.clone(), acknowledged.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let key = format!("outage-{c}-{n}");
                let body = transfer(&cash, &equity, "2.50", &key);
                loop {
                    let answer = api
                        .send(
                            reqwest::Method::POST,
                            "/api/v1/ledger/journal-entries",
                            Some(&body),
                            Some(&key),
                        )
                        .await;
                    let status = answer.as_ref().map(|a| a.status).unwrap_or(0);
                    *statuses.lock().unwrap().entry(status).or_default() += 1;
                    match answer {
                        Ok(a) if a.status == 201 || a.status == 200 => break,
                        Ok(a) if a.status == 503 => {
                            assert_unavailable(&a, "a posting during the restart");
                            tokio::time::sleep(Duration::from_millis(200)).await;
                        }
                        Ok(a) => panic!("a posting answered {}: {:?}", a.status, a.body),
                        Err(e) => panic!("a posting got no answer: {e}"),
                    }
                }
                acknowledged.lock().unwrap().push(key);
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    cluster.stop("fast");
    tokio::time::sleep(Duration::from_secs(3)).await;
    cluster.start();
    tokio::time::sleep(Duration::from_secs(3)).await;
    cluster.stop("immediate");
    tokio::time::sleep(Duration::from_secs(1)).await;
    cluster.start();
    wait_ready(&api, Duration::from_secs(15)).await;
    // After recovery, no answer is a 503 any more.
    let before = statuses.lock().unwrap().get(&503).copied().unwrap_or(0);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = statuses.lock().unwrap().get(&503).copied().unwrap_or(0);
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.expect("a client failed");
    }
    let statuses = statuses.lock().unwrap().clone();
    eprintln!("answers during the restarts: {statuses:?}");
    assert!(!statuses.contains_key(&500), "500s: {statuses:?}");
    assert!(
        statuses.get(&503).copied().unwrap_or(0) > 0,
        "the restarts were seen: {statuses:?}"
    );
    assert_eq!(
        before, after,
        "503s after PostgreSQL was back and the node ready"
    );

    // Every acknowledged posting is in the books exactly once, and nothing else is.
    let keys = acknowledged.lock().unwrap().clone();
    let entries = api.walk("/api/v1/ledger/journal-entries").await;
    let mut memos: BTreeMap<String, usize> = BTreeMap::new();
    for e in &entries {
        if let Some(m) = e["description"]
            .as_str()
            .filter(|m| m.starts_with("outage-"))
        {
            *memos.entry(m.to_owned()).or_default() += 1;
        }
    }
    assert_eq!(memos.len(), keys.len(), "acknowledged postings vs entries");
    assert!(memos.values().all(|n| *n == 1), "a posting applied twice");
    for k in &keys {
        assert!(memos.contains_key(k), "acknowledged {k} is missing");
    }
    api.assert_books_balance().await;
}

#[track_caller]
fn assert_unavailable(a: &Reply, what: &str) {
    assert_eq!(a.status, 503, "{what}: {:?}", a.body);
    assert!(
        a.content_type.starts_with("application/problem+json"),
        "{what}: {}",
        a.content_type
    );
    assert!(a.retry_after.is_some(), "{what}: no Retry-After");
    assert_eq!(
        a.body["code"], "database_unavailable",
        "{what}: {:?}",
        a.body
    );
}

async fn wait_ready(api: &Api, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let ready = api.get("/readyz").await;
        if ready.status == 200 {
            return;
        }
        assert!(
            ready.status == 503,
            "readyz answered {}: {:?}",
            ready.status,
            ready.body
        );
        assert!(
            Instant::now() < deadline,
            "not ready again within {within:?}: {:?}",
            ready.body
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
