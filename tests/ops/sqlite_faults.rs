//! SQLite's storage failing (issue 16, point 2), on a small tmpfs the test mounts as root: a
//! full disk answers 507 with a problem code (never 500, never a dropped connection, even with
//! the log on the same full disk), readiness says 503 while the node cannot write and 200 once
//! space is freed, and a database that cannot be written (a read-only file system, a missing
//! directory) refuses to start at once, naming the path and why.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::{accord, is_root, signup, skip, transfer, Api, Node, Reply, Tmpfs};

fn root_or_skip() -> bool {
    if is_root() {
        return true;
    }
    skip("mounting a tmpfs needs root");
    false
}

/// Fills the file system of `dir` to the last byte with one file; its path.
fn fill(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    let block = vec![0u8; 64 * 1024];
    while f.write_all(&block).is_ok() {}
    let small = [0u8; 512];
    while f.write_all(&small).is_ok() {}
    while f.write_all(&[0u8]).is_ok() {}
    let _ = f.flush();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_answers_507_and_readiness_follows_the_space() {
    if !root_or_skip() {
        return;
    }
    let disk = Tmpfs::mount("24m");
    let db = disk.path.join("accord.db");
    let url = format!("sqlite://{}", db.display());
    // The log on the same disk: once it is full, log lines are lost, answers are not.
    let node = Node::spawn_logging_to(
        crate::support::free_port(),
        &url,
        &[],
        Some(disk.path.join("accord.log")),
    );
    node.wait_healthy(Duration::from_secs(60));
    let (token, _) = signup(&crate::support::client(), &node.base, "Full Disk Ltd").await;
    let api = Api::new(&node.base, &token);
    let cash = api.ledger_account("1000").await;
    let equity = api.ledger_account("3000").await;
    for i in 0..5 {
        let a = api
            .post(
                "/api/v1/ledger/journal-entries",
                &transfer(&cash, &equity, "10.00", &format!("before {i}")),
            )
            .await;
        assert_eq!(a.status, 201, "{:?}", a.body);
    }
    assert_eq!(api.get("/readyz").await.status, 200);

    let filler = fill(&disk.path);
    let ready = api.get("/readyz").await;
    assert_eq!(ready.status, 503, "readyz on a full disk: {:?}", ready.body);
    assert_eq!(
        ready.body["code"], "database_not_writable",
        "{:?}",
        ready.body
    );

    // Writes until the disk refuses one (SQLite may reuse space its WAL already holds): each
    // answer is 201 or 507 problem+json, never 500 and never a cut connection.
    let mut refused: Option<Reply> = None;
    let mut accepted = 0;
    for i in 0..3000 {
        let body = transfer(
            &cash,
            &equity,
            "1.00",
            &format!("on a full disk {i} {}", "x".repeat(400)),
        );
        let a = api
            .send(
                reqwest::Method::POST,
                "/api/v1/ledger/journal-entries",
                Some(&body),
                None,
            )
            .await
            .unwrap_or_else(|e| panic!("write {i} on a full disk got no answer: {e}"));
        match a.status {
            201 => accepted += 1,
            507 => {
                refused = Some(a);
                break;
            }
            other => panic!("write {i} on a full disk answered {other}: {:?}", a.body),
        }
    }
    let refused = refused.expect("the full disk refused a write");
    eprintln!("{accepted} writes fitted before the disk refused one");
    assert!(refused.content_type.starts_with("application/problem+json"));
    assert_eq!(
        refused.body["code"], "insufficient_storage",
        "{:?}",
        refused.body
    );
    assert!(refused.retry_after.is_some());
    // Reads still answer.
    assert_eq!(api.get("/api/v1/me").await.status, 200);
    assert_eq!(api.get("/readyz").await.status, 503);

    // Space again: ready within seconds, writes go through, the books balance.
    std::fs::remove_file(filler).expect("free the disk");
    let deadline = Instant::now() + Duration::from_secs(10);
    while api.get("/readyz").await.status != 200 {
        assert!(Instant::now() < deadline, "not ready after space was freed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let a = api
        .post(
            "/api/v1/ledger/journal-entries",
            &transfer(&cash, &equity, "3.00", "after"),
        )
        .await;
    assert_eq!(a.status, 201, "{:?}", a.body);
    let entries = api.assert_books_balance().await;
    assert_eq!(
        entries,
        5 + accepted + 1,
        "every acknowledged entry, nothing else"
    );
    drop(node);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_cannot_be_written_is_refused_at_start_naming_the_path() {
    if !root_or_skip() {
        return;
    }
    let disk = Tmpfs::mount("16m");
    let db = disk.path.join("accord.db");
    let url = format!("sqlite://{}", db.display());
    let mut node = Node::start(&url, &[]);
    let (token, _) = signup(&crate::support::client(), &node.base, "Read Only Ltd").await;
    node.kill();
    // (A file system cannot be remounted read-only while a process writes to it, so the
    // read-only case is a node started on one; a running node's failed writes are the full
    // disk's test.)
    disk.set_read_only(true);

    // Started on it: refused at once, naming the path and the reason.
    let started = Instant::now();
    let out = accord(
        &["serve"],
        &[("DATABASE_URL", &url), ("ACCORD_ADDR", "127.0.0.1:0")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "serve started on a read-only database: {stderr}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        stderr.contains(&disk.path.display().to_string()),
        "names the path: {stderr}"
    );
    assert!(
        stderr.contains("Read-only file system") || stderr.contains("read-only"),
        "says why: {stderr}"
    );

    // A directory that does not exist is named as such, at once.
    let missing = disk.path.join("no/such/dir/accord.db");
    let out = accord(
        &["migrate"],
        &[("DATABASE_URL", &format!("sqlite://{}", missing.display()))],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("does not exist") && stderr.contains("no/such/dir"),
        "{stderr}"
    );

    // Writable again: it starts and the books are as they were.
    disk.set_read_only(false);
    let node = Node::start(&url, &[]);
    let api = Api::new(&node.base, &token);
    assert_eq!(api.assert_books_balance().await, 0);
}
