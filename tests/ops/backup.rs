//! Backups (issue 16, point 7): `accord backup` taken while clients keep posting, restored with
//! `accord restore` into a new database, gives books that balance, every entry whole, and
//! every posting acknowledged before the backup started — on SQLite (the online copy) and on
//! PostgreSQL (`pg_dump`/`pg_restore`). A restore never replaces a database unless told to.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::support::{
    accord, client, have, signup, skip, transfer, Api, Node, PgDatabase, SqliteFile,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_backup_under_load_restores_to_balanced_books() {
    let source = SqliteFile::new();
    let copy = SqliteFile::new();
    let file = source.dir.path().join("nightly.db");
    backup_under_load_and_restore(&source.url(), &copy.url(), &file).await;

    // The restored file is a database now: restoring over it needs --force.
    let again = accord(
        &["restore", "--from", file.to_str().unwrap()],
        &[("DATABASE_URL", &copy.url())],
    );
    assert!(
        !again.status.success(),
        "a restore replaced a database without --force"
    );
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("--force"), "{said}");
    let forced = accord(
        &["restore", "--force", "--from", file.to_str().unwrap()],
        &[("DATABASE_URL", &copy.url())],
    );
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );

    // A backup never overwrites a file, and a file that is not a backup is refused by name.
    let over = accord(
        &["backup", "--to", file.to_str().unwrap()],
        &[("DATABASE_URL", &source.url())],
    );
    assert!(!over.status.success());
    assert!(String::from_utf8_lossy(&over.stderr).contains("already exists"));
    let junk = source.dir.path().join("notes.txt");
    std::fs::write(&junk, "not a database").unwrap();
    let refused = accord(
        &["restore", "--from", junk.to_str().unwrap()],
        &[("DATABASE_URL", &SqliteFile::new().url())],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("notes.txt"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_backup_under_load_restores_to_balanced_books() {
    if !have("pg_dump") && skip("pg_dump is not installed (postgresql-client)") {
        return;
    }
    let Some(source) = PgDatabase::create() else {
        return;
    };
    let copy = PgDatabase::create().expect("a second database");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nightly.dump");
    backup_under_load_and_restore(&source.url, &copy.url, &file).await;

    // The copy has tables now: a second restore without --force is refused.
    let again = accord(
        &["restore", "--from", file.to_str().unwrap()],
        &[("DATABASE_URL", &copy.url)],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}

/// Posts from four clients, takes a backup of `source` in the middle, restores it into
/// `target` and checks the restored books.
async fn backup_under_load_and_restore(source: &str, target: &str, file: &std::path::Path) {
    let node = Node::start(source, &[]);
    let (token, _) = signup(&client(), &node.base, "Backed Up Ltd").await;
    let api = Api::new(&node.base, &token);
    let cash = api.ledger_account("1000").await;
    let equity = api.ledger_account("3000").await;

    let acknowledged = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..4 {
        let (api, cash, equity) = (api.clone(), cash.clone(), equity.clone());
        let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
        clients.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let memo = format!("backup-{c}-{n}");
                let answer = api
                    .post(
                        "/api/v1/ledger/journal-entries",
                        &transfer(&cash, &equity, "3.10", &memo),
                    )
                    .await;
                assert_eq!(answer.status, 201, "{:?}", answer.body);
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let before = acknowledged.load(Ordering::SeqCst);
    let (url, path) = (source.to_owned(), file.to_owned());
    let backup = tokio::task::spawn_blocking(move || {
        accord(
            &["backup", "--to", path.to_str().unwrap()],
            &[("DATABASE_URL", &url)],
        )
    })
    .await
    .unwrap();
    let after = acknowledged.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(1)).await;
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.expect("a client failed");
    }
    let said = String::from_utf8_lossy(&backup.stdout);
    assert!(
        backup.status.success(),
        "backup failed: {}{said}",
        String::from_utf8_lossy(&backup.stderr)
    );
    eprintln!("{said}");
    assert!(
        after > before,
        "the clients kept posting while the backup ran"
    );
    let total = acknowledged.load(Ordering::SeqCst);
    drop(node);

    let restored = accord(
        &["restore", "--from", file.to_str().unwrap()],
        &[("DATABASE_URL", target)],
    );
    assert!(
        restored.status.success(),
        "restore failed: {}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let node = Node::start(target, &[]);
    let api = Api::new(&node.base, &token);
    let entries = api.assert_books_balance().await as u64;
    // The opening entries of signup aside, the copy holds every posting acknowledged before the
    // backup began, and none that came after the clients stopped.
    let postings = api
        .walk("/api/v1/ledger/journal-entries")
        .await
        .into_iter()
        .filter(|e| {
            e["description"]
                .as_str()
                .is_some_and(|d| d.starts_with("backup-"))
        })
        .count() as u64;
    assert!(
        (before..=after).contains(&postings),
        "the backup holds {postings} postings; {before} were acknowledged before it began and {after} when it ended (of {total})"
    );
    assert!(entries >= postings);
    let balance = api
        .get(&format!("/api/v1/ledger/accounts/{cash}/balance"))
        .await;
    assert_eq!(
        balance.body["balance"]
            .as_str()
            .map(|b| b.parse::<rust_decimal::Decimal>().unwrap()),
        Some(rust_decimal::Decimal::new(310, 2) * rust_decimal::Decimal::from(postings)),
        "{:?}",
        balance.body
    );
}
