#!/usr/bin/env bash
# Ledger benchmark: posting rate vs the database's own ceiling, and trial-balance latency at
# 10k vs 1M lines, on PostgreSQL and SQLite. Prints ratios measured in this one run.
# Loopback only; bounded by BENCH_SECS (default 10) per load.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is needed (it ships with PostgreSQL)"; exit 1; }
RUST_LOG=${RUST_LOG:-warn} cargo bench --bench ledger
