#!/usr/bin/env bash
# Performance figures of issue 15, each a ratio measured in this one run, loopback only:
# - benches/ledger.rs: posting rate vs the database's own append ceiling (PostgreSQL, SQLite),
#   keyed vs unkeyed, bulk vs single, reads vs /readyz, trial balance at 10M vs 10k lines;
# - benches/reports.rs: CRM and receivables reports at 100x vs 1x the data, and peak RSS.
# Bounded by BENCH_SECS (default 10) per load; BENCH_TB_LINES sets the large trial balance.
# `scripts/bench-ledger.sh ledger` or `... reports` runs one of them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is needed (it ships with PostgreSQL)"; exit 1; }
benches=("${@:-ledger reports}")
for b in ${benches[*]}; do
    RUST_LOG=${RUST_LOG:-warn} cargo bench --bench "$b"
done
