//! Process-level tests of operating Accord: the built `accord` binary started as a process
//! against databases and faults that the tests make themselves — a private PostgreSQL cluster
//! restarted under load, a SQLite database on a full or read-only tmpfs, two nodes behind
//! HAProxy, backups under write load, the demo organization. Each test cleans up what it made
//! (clusters, mounts, processes), also when it fails. Tests that need root or a tool the
//! machine lacks are skipped loudly outside CI and fail in CI (`CI=true`).

// A test asserts by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod backup;
mod demo;
mod imports;
mod load_balancer;
mod postgres_faults;
mod sqlite_faults;
