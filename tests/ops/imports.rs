//! Imports that scale (issue 16, point 3): a CSV over the synchronous threshold becomes a job
//! (202, `Location: /api/v1/imports/{id}`) whose answer has the synchronous import's per-row
//! shape; other writers keep being answered while it runs; a node killed in the middle of a
//! job leaves it to the next node, which finishes it without importing a row twice; every
//! limit is answered in problem+json, list fields included.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{client, signup, transfer, Api, Node, PgDatabase, SqliteFile};

/// A CSV of `n` accounts named `prefix-i`.
fn accounts_csv(prefix: &str, n: usize) -> String {
    let mut csv = String::from("name,website,tier,industry,tags\n");
    for i in 0..n {
        csv.push_str(&format!(
            "{prefix} Customer {i},https://{prefix}-{i}.example.com,{},Manufacturing,imported;batch\n",
            ["strategic", "key", "standard"][i % 3]
        ));
    }
    csv
}

struct Posted {
    status: u16,
    location: Option<String>,
    body: Value,
}

async fn post_csv(api: &Api, path: &str, csv: &str) -> Posted {
    let res = api
        .client
        .post(format!("{}{path}", api.base))
        .bearer_auth(&api.token)
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
        .expect("an answer to the import");
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    if status >= 400 {
        assert!(
            ctype.starts_with("application/problem+json"),
            "{status} as {ctype}"
        );
    }
    Posted {
        status,
        location,
        body,
    }
}

/// Polls a job until it ends; its last answer.
async fn finished(api: &Api, location: &str, within: Duration) -> Value {
    let path = location.trim_start_matches(&api.base);
    let deadline = Instant::now() + within;
    loop {
        let job = api.get(path).await;
        assert_eq!(job.status, 200, "{:?}", job.body);
        match job.body["status"].as_str() {
            Some("succeeded") | Some("failed") => return job.body,
            _ => {}
        }
        assert!(
            Instant::now() < deadline,
            "the job did not end: {}",
            job.body
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// The job's answer has the synchronous shape: one row per data line, in order, each created.
fn assert_all_created(job: &Value, n: usize) {
    assert_eq!(job["status"], "succeeded", "{}", job["failure"]);
    let result = &job["result"];
    assert_eq!(result["created"], n as u64, "{}", result["errors"]);
    assert_eq!(result["errors"], serde_json::json!([]));
    let rows = result["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), n);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row["row"],
            (i + 2) as u64,
            "rows in file order, header is line 1"
        );
        assert_eq!(row["outcome"], "created", "{row}");
        assert!(row["account_id"].is_string());
    }
}

async fn imported_accounts(api: &Api, prefix: &str) -> usize {
    api.walk(&format!("/api/v1/accounts?q={prefix}%20Customer"))
        .await
        .iter()
        .filter(|a| a["name"].as_str().is_some_and(|n| n.starts_with(prefix)))
        .count()
}

async fn job_runs_beside_other_writers(database_url: &str) {
    let node = Node::start(database_url, &[("ACCORD_IMPORT_SYNC_LIMIT", "65536")]);
    let (token, _) = signup(&client(), &node.base, "Importers Ltd").await;
    let api = Api::new(&node.base, &token);
    let cash = api.ledger_account("1000").await;
    let equity = api.ledger_account("3000").await;

    // A small file is answered at once, as before.
    let small = post_csv(&api, "/api/v1/accounts/import", &accounts_csv("small", 20)).await;
    assert_eq!(small.status, 200, "{:?}", small.body);
    assert_eq!(small.body["created"], 20);

    // A writer posts all along; every posting is answered 201.
    let stop = Arc::new(AtomicBool::new(false));
    let slowest = Arc::new(Mutex::new(Duration::ZERO));
    let writer = {
        let (api, stop, slowest) = (api.clone(), stop.clone(), slowest.clone());
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let started = Instant::now();
                let posted = api
                    .post(
                        "/api/v1/ledger/journal-entries",
                        &transfer(&cash, &equity, "1.00", &format!("beside-{n}")),
                    )
                    .await;
                assert_eq!(
                    posted.status, 201,
                    "a posting beside the import: {:?}",
                    posted.body
                );
                let took = started.elapsed();
                {
                    let mut s = slowest.lock().unwrap();
                    *s = (*s).max(took);
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            n
        })
    };

    let big = post_csv(&api, "/api/v1/accounts/import", &accounts_csv("big", 3000)).await;
    assert_eq!(big.status, 202, "{:?}", big.body);
    let location = big.location.expect("Location");
    assert!(location.contains("/api/v1/imports/"), "{location}");
    assert_eq!(big.body["rows_total"], 3000);
    assert!(matches!(
        big.body["status"].as_str(),
        Some("queued" | "running")
    ));
    let job = finished(&api, &location, Duration::from_secs(300)).await;
    stop.store(true, Ordering::Relaxed);
    let postings = writer.await.expect("the writer failed");
    assert_all_created(&job, 3000);
    assert_eq!(imported_accounts(&api, "big").await, 3000);
    eprintln!(
        "{postings} postings beside a 3,000-row import, the slowest answered in {:?}",
        slowest.lock().unwrap()
    );

    // The same file again matches every row: nothing new.
    let again = post_csv(&api, "/api/v1/accounts/import", &accounts_csv("big", 3000)).await;
    let job = finished(
        &api,
        &again.location.expect("Location"),
        Duration::from_secs(300),
    )
    .await;
    assert_eq!(
        job["result"]["unchanged"], 3000,
        "{}",
        job["result"]["errors"]
    );
    assert_eq!(imported_accounts(&api, "big").await, 3000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_import_job_runs_beside_other_writers() {
    let db = SqliteFile::new();
    job_runs_beside_other_writers(&db.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_import_job_runs_beside_other_writers() {
    let Some(db) = PgDatabase::create() else {
        return;
    };
    job_runs_beside_other_writers(&db.url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_import_job_survives_a_killed_node() {
    let db = SqliteFile::new();
    let envs = [("ACCORD_IMPORT_SYNC_LIMIT", "65536")];
    let mut node = Node::start(&db.url(), &envs);
    let port = node.port;
    let (token, _) = signup(&client(), &node.base, "Crashing Importers Ltd").await;
    let api = Api::new(&node.base, &token);
    let big = post_csv(
        &api,
        "/api/v1/accounts/import",
        &accounts_csv("crash", 4000),
    )
    .await;
    assert_eq!(big.status, 202, "{:?}", big.body);
    let location = big.location.expect("Location");
    let path = location.trim_start_matches(&api.base).to_owned();
    // Kill it once some chunks are committed and some are not.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let job = api.get(&path).await;
        let done = job.body["rows_done"].as_u64().unwrap_or(0);
        if done > 0 && done < 4000 {
            break;
        }
        assert!(
            done < 4000,
            "the job finished before the test could kill the node"
        );
        assert!(
            Instant::now() < deadline,
            "the job never started: {}",
            job.body
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    node.kill();
    let node = Node::spawn_on(port, &db.url(), &envs);
    node.wait_healthy(Duration::from_secs(60));
    let job = finished(&api, &location, Duration::from_secs(300)).await;
    assert_all_created(&job, 4000);
    assert_eq!(
        imported_accounts(&api, "crash").await,
        4000,
        "no row imported twice"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn import_limits_answer_problem_json() {
    let db = SqliteFile::new();
    let node = Node::start(&db.url(), &[("ACCORD_IMPORT_LIMIT", "100000")]);
    let (token, _) = signup(&client(), &node.base, "Limits Ltd").await;
    let api = Api::new(&node.base, &token);

    // Over the configured size: 413 in problem+json, naming the limit.
    let huge = post_csv(&api, "/api/v1/accounts/import", &accounts_csv("huge", 3000)).await;
    assert_eq!(huge.status, 413);
    assert_eq!(huge.body["code"], "payload_too_large");
    assert!(huge.body["detail"].as_str().unwrap().contains("100000"));

    // A row with too many tags is that row's error, naming the field; the others import.
    let tags: Vec<String> = (0..60).map(|i| format!("t{i}")).collect();
    let csv = format!(
        "name,tags\nFine Customer,a;b\nTagged Customer,{}\n",
        tags.join(";")
    );
    let answer = post_csv(&api, "/api/v1/accounts/import", &csv).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.body["created"], 1);
    let bad = &answer.body["rows"][1];
    assert_eq!(bad["outcome"], "error", "{bad}");
    assert_eq!(bad["errors"][0]["field"], "tags", "{bad}");
    assert_eq!(bad["errors"][0]["code"], "too_many_items", "{bad}");

    // The same rule on the JSON API.
    let posted = api
        .post(
            "/api/v1/accounts",
            &serde_json::json!({"name": "Over Tagged", "tags": tags}),
        )
        .await;
    assert_eq!(posted.status, 422, "{:?}", posted.body);
    assert_eq!(posted.body["errors"][0]["field"], "tags");
}
