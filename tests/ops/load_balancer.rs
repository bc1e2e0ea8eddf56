//! Two nodes behind a real load balancer (issue 16, point 6): HAProxy from Debian, started by
//! the test, checking `/readyz` on both nodes of one PostgreSQL database. Transfers between
//! accounts spread over both nodes keep every balance exact; one Idempotency-Key sent to both
//! nodes at once creates one entry; a rolling restart (SIGTERM: the node drains, readiness
//! answers 503, the balancer stops routing to it, in-flight requests finish, the node comes
//! back) fails no request; a deactivated user loses access on every node within a second.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::support::{
    client, free_port, have, signup, skip, transfer, Api, Node, PgDatabase, PASSWORD,
};

/// How long a node drains after SIGTERM; the balancer checks every 200 ms and takes a node
/// out after one failed check, so two seconds leaves it ten checks to notice.
const DRAIN_SECS: &str = "2";

/// HAProxy in the foreground with a configuration of the test's own; killed when dropped.
struct Haproxy {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
    log: PathBuf,
}

impl Haproxy {
    fn start(backends: &[u16]) -> Haproxy {
        let dir = tempfile::tempdir().expect("haproxy dir");
        let port = free_port();
        let servers: String = backends
            .iter()
            .enumerate()
            .map(|(i, p)| format!("    server node{i} 127.0.0.1:{p} check\n"))
            .collect();
        // `http-server-close`: one request per connection to a node, so no idle pooled
        // connection to a stopping node is ever reused; `retries` + `redispatch`: a connection a
        // stopped node refuses is tried again on the other node (nothing was sent yet).
        let config = format!(
            "global\n    maxconn 512\n\
             defaults\n    mode http\n    timeout connect 2s\n    timeout client 60s\n    timeout server 60s\n\
             \x20   option http-server-close\n    retries 3\n    option redispatch\n\
             frontend api\n    bind 127.0.0.1:{port}\n    default_backend nodes\n\
             backend nodes\n    balance roundrobin\n    option httpchk GET /readyz\n\
             \x20   http-check expect status 200\n    default-server inter 200ms fall 1 rise 2\n{servers}"
        );
        let path = dir.path().join("haproxy.cfg");
        std::fs::write(&path, config).expect("haproxy.cfg");
        let log = dir.path().join("haproxy.log");
        let out = std::fs::File::create(&log).expect("haproxy log");
        let child = Command::new("haproxy")
            .arg("-db")
            .arg("-f")
            .arg(&path)
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("log"))
            .stderr(out)
            .spawn()
            .expect("start haproxy");
        Haproxy {
            child,
            port,
            _dir: dir,
            log,
        }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Haproxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until `base` answers `/readyz` with 200 `times` in a row (through the balancer: until
/// it routes to a ready node).
async fn wait_ready(base: &str, times: usize, within: Duration) {
    let http = client();
    let deadline = Instant::now() + within;
    let mut streak = 0;
    while Instant::now() < deadline {
        let ok = http
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200);
        streak = if ok { streak + 1 } else { 0 };
        if streak >= times {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{base}/readyz did not answer 200 {times} times in a row within {within:?}");
}

fn decimal(v: &Value) -> Decimal {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not a decimal string: {v}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_nodes_behind_haproxy_survive_a_rolling_restart() {
    if !have("haproxy") && skip("haproxy is not installed (apt-get install haproxy)") {
        return;
    }
    let Some(db) = PgDatabase::create() else {
        return;
    };
    let envs = [
        ("ACCORD_DRAIN_SECS", DRAIN_SECS),
        ("ACCORD_DB_POOL_SIZE", "8"),
    ];
    let mut nodes = [Node::start(&db.url, &envs), Node::start(&db.url, &envs)];
    let ports = [nodes[0].port, nodes[1].port];
    let lb = Haproxy::start(&ports);
    wait_ready(&lb.base(), 3, Duration::from_secs(20)).await;

    let (token, _) = signup(&client(), &lb.base(), "Two Nodes Ltd").await;
    let api = Api::new(&lb.base(), &token);
    let direct = [
        Api::new(&nodes[0].base, &token),
        Api::new(&nodes[1].base, &token),
    ];

    // The bank: eight asset accounts that money moves between, every transfer through the
    // balancer (round robin: both nodes take turns).
    let mut accounts = Vec::new();
    for i in 0..8 {
        let made = api
            .post(
                "/api/v1/ledger/accounts",
                &json!({"code": format!("19{i:02}"), "name": format!("Vault {i}"), "type": "asset"}),
            )
            .await;
        assert_eq!(made.status, 201, "{:?}", made.body);
        accounts.push(made.body["id"].as_str().unwrap().to_owned());
    }
    let accounts = Arc::new(accounts);

    // One Idempotency-Key sent to both nodes at the same moment creates one entry; both
    // answers name it.
    for k in 0..10 {
        let key = format!("race-{k}");
        let body = transfer(&accounts[0], &accounts[1], "1.00", &key);
        let (a, b) = tokio::join!(
            direct[0].send(
                reqwest::Method::POST,
                "/api/v1/ledger/journal-entries",
                Some(&body),
                Some(&key)
            ),
            direct[1].send(
                reqwest::Method::POST,
                "/api/v1/ledger/journal-entries",
                Some(&body),
                Some(&key)
            ),
        );
        let (a, b) = (a.expect("node 0 answered"), b.expect("node 1 answered"));
        assert_eq!(
            (a.status, b.status),
            (201, 201),
            "{:?} / {:?}",
            a.body,
            b.body
        );
        assert_eq!(a.body["id"], b.body["id"], "one key, one entry");
    }
    let raced = api
        .walk("/api/v1/ledger/journal-entries")
        .await
        .into_iter()
        .filter(|e| {
            e["description"]
                .as_str()
                .is_some_and(|d| d.starts_with("race-"))
        })
        .count();
    assert_eq!(raced, 10, "ten keys raced over two nodes made ten entries");

    // Load: 8 clients move money at random through the balancer and count every answer, while
    // both nodes restart one after the other. Each client keeps the net effect of what was
    // acknowledged, to compare with the books afterwards.
    let statuses: Arc<Mutex<BTreeMap<String, u64>>> = Arc::default();
    let expected: Arc<Mutex<Vec<Decimal>>> = Arc::new(Mutex::new(vec![Decimal::ZERO; 8]));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..8u64 {
        let (api, accounts) = (api.clone(), accounts.clone());
        let (statuses, expected, stop) = (statuses.clone(), expected.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let from = ((c * 7 + n * 3) % 8) as usize;
                let to = (from + 1 + (n % 7) as usize) % 8;
                let cents = Decimal::new(((c + 1) * 100 + n % 97) as i64, 2);
                let key = format!("lb-{c}-{n}");
                let body = transfer(&accounts[to], &accounts[from], &cents.to_string(), &key);
                let answer = api
                    .send(
                        reqwest::Method::POST,
                        "/api/v1/ledger/journal-entries",
                        Some(&body),
                        Some(&key),
                    )
                    .await;
                let label = match &answer {
                    Ok(a) => a.status.to_string(),
                    Err(e) => format!("no answer: {e}"),
                };
                *statuses.lock().unwrap().entry(label).or_default() += 1;
                if answer.is_ok_and(|a| a.status == 201) {
                    let mut e = expected.lock().unwrap();
                    e[to] += cents;
                    e[from] -= cents;
                }
            }
        }));
    }

    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut drains = Vec::new();
    for (i, node) in nodes.iter_mut().enumerate() {
        // SIGTERM: the node drains (readiness 503) while it still serves, then stops.
        let port = node.port;
        node.terminate();
        let stopping = Instant::now();
        let mut saw_draining = false;
        while stopping.elapsed() < Duration::from_secs(1) {
            if let Ok(r) = client()
                .get(format!("http://127.0.0.1:{port}/readyz"))
                .send()
                .await
            {
                if r.status() == 503 {
                    let body: Value = r.json().await.unwrap_or(Value::Null);
                    assert_eq!(body["code"], "draining", "{body}");
                    saw_draining = true;
                    break;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(saw_draining, "node {i} did not say it is draining");
        let status = node
            .wait_exit(Duration::from_secs(40))
            .unwrap_or_else(|| panic!("node {i} did not stop after SIGTERM"));
        assert!(status.success(), "node {i} exited with {status}");
        drains.push(stopping.elapsed());
        // Back on the same port; the balancer routes to it again once it is ready.
        *node = Node::spawn_on(port, &db.url, &envs);
        node.wait_healthy(Duration::from_secs(60));
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.expect("a client failed");
    }
    let statuses = statuses.lock().unwrap().clone();
    eprintln!("answers during the rolling restart: {statuses:?}; drains took {drains:?}");
    let ok = statuses.get("201").copied().unwrap_or(0);
    let failed: u64 = statuses
        .iter()
        .filter(|(s, _)| s.as_str() != "201")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        failed,
        0,
        "requests failed during the rolling restart: {statuses:?}: {}",
        std::fs::read_to_string(&lb.log).unwrap_or_default()
    );
    assert!(ok > 100, "too little load to mean anything: {statuses:?}");

    // The books: every vault holds exactly what the acknowledged transfers put there (the race
    // moved 10.00 from vault 1 to vault 0), on either node.
    let expected = expected.lock().unwrap().clone();
    for (i, id) in accounts.iter().enumerate() {
        let race = match i {
            0 => Decimal::new(1000, 2),
            1 => Decimal::new(-1000, 2),
            _ => Decimal::ZERO,
        };
        for node in &direct {
            let balance = node
                .get(&format!("/api/v1/ledger/accounts/{id}/balance"))
                .await;
            assert_eq!(balance.status, 200, "{:?}", balance.body);
            assert_eq!(
                decimal(&balance.body["balance"]),
                expected[i] + race,
                "vault {i} on {}",
                node.base
            );
        }
    }
    let entries = api.assert_books_balance().await;
    assert_eq!(
        entries as u64,
        ok + 10,
        "every acknowledged posting once, no other"
    );

    // Deactivation reaches both nodes within a second.
    let email = format!("aisha-{}@example.com", uuid::Uuid::now_v7().simple());
    let user = api
        .post(
            "/api/v1/users",
            &json!({"name": "Aisha Khan", "email": email, "password": PASSWORD,
                    "role": "account_manager", "title": "account_manager"}),
        )
        .await;
    assert_eq!(user.status, 201, "{:?}", user.body);
    let signin = client()
        .post(lb.base() + "/api/v1/auth/token")
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .expect("sign in");
    assert_eq!(signin.status(), 200);
    let aisha: Value = signin.json().await.expect("tokens");
    let aisha = aisha["access_token"].as_str().unwrap().to_owned();
    let as_aisha = [
        Api::new(&nodes[0].base, &aisha),
        Api::new(&nodes[1].base, &aisha),
    ];
    for node in &as_aisha {
        assert_eq!(node.get("/api/v1/me").await.status, 200);
    }
    let off = direct[0]
        .send(
            reqwest::Method::PATCH,
            &format!("/api/v1/users/{}", user.body["id"].as_str().unwrap()),
            Some(&json!({"is_active": false})),
            None,
        )
        .await
        .expect("deactivate");
    assert_eq!(off.status, 200, "{:?}", off.body);
    let deactivated = Instant::now();
    for (i, node) in as_aisha.iter().enumerate() {
        loop {
            let me = node.get("/api/v1/me").await;
            if me.status == 401 {
                break;
            }
            assert!(
                deactivated.elapsed() < Duration::from_secs(1),
                "node {i} still serves a deactivated user after {:?}",
                deactivated.elapsed()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    eprintln!(
        "deactivation took effect on both nodes within {:?}",
        deactivated.elapsed()
    );
}
