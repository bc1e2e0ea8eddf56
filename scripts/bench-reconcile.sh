#!/usr/bin/env bash
# Auto-reconcile benchmark: 10,000 bank lines against 10,000 open payments ÷ 1,000 against
# 1,000, timed in one run (goal: at most 15×). SQLite; PostgreSQL too with BENCH_POSTGRES=1.
set -euo pipefail
cd "$(dirname "$0")/.."
RUST_LOG=${RUST_LOG:-warn} cargo bench --bench reconcile
