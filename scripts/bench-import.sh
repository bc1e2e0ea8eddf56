#!/usr/bin/env bash
# Import benchmark: how the time of a CSV account import grows with its size. Imports 800 and
# then 8,000 new accounts (each into its own fresh organization, as jobs polled until done) on
# SQLite and on PostgreSQL, and prints the ratio of the two times (goal: <= 12, near-linear),
# plus rows per second. Loopback only, release build, bounded by the import sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
BIN="$PWD/target/release/accord"
work="$(mktemp -d)"
pid=""
db_name=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -n "$db_name" ] && psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db_name with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 - "$work" <<'PY'
import sys
for n in (800, 8000):
    with open(f"{sys.argv[1]}/a{n}.csv", "w") as f:
        f.write("name,website,tier,industry,tags\n")
        for i in range(n):
            f.write(f"Bench {n} Customer {i},https://bench-{n}-{i}.example.com,"
                    f"{['key','strategic','standard'][i % 3]},Manufacturing,imported;bench\n")
PY

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# seconds to import FILE as a job into a new organization, from the POST to `succeeded`
time_import() {
  local file="$1" token start
  token=$(curl -fsS -X POST "$base/api/v1/auth/signup" -H 'content-type: application/json' \
    -d "{\"organization_name\":\"Bench $RANDOM\",\"name\":\"B\",\"email\":\"b$RANDOM$RANDOM@example.com\",\"password\":\"correct horse battery staple\",\"base_currency\":\"USD\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  python3 - "$base" "$token" "$file" <<'PY'
import json, sys, time, urllib.request
base, token, path = sys.argv[1:4]
body = open(path, "rb").read()
start = time.monotonic()
req = urllib.request.Request(f"{base}/api/v1/accounts/import", data=body, method="POST",
    headers={"authorization": f"Bearer {token}", "content-type": "text/csv"})
res = urllib.request.urlopen(req)
location = res.headers["location"]
while True:
    req = urllib.request.Request(base + location, headers={"authorization": f"Bearer {token}"})
    job = json.load(urllib.request.urlopen(req))
    if job["status"] in ("succeeded", "failed"):
        break
    time.sleep(float(__import__("os").environ.get("BENCH_POLL", "0.1")))
took = time.monotonic() - start
assert job["status"] == "succeeded" and job["result"]["created"] == job["rows_total"], job["failure"]
print(f"{took:.3f}")
PY
}

run() {
  local name="$1" url="$2"
  DATABASE_URL="$url" ACCORD_ADDR="127.0.0.1:$port" ACCORD_RATE_LIMIT=0 ACCORD_IMPORT_SYNC_LIMIT=1 \
    RUST_LOG=warn "$BIN" serve >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  local small large
  small=$(time_import "$work/a800.csv")
  large=$(time_import "$work/a8000.csv")
  python3 -c "
s, l = $small, $large
print(f'$name: 800 rows {s:.2f} s ({800/s:.0f} rows/s), 8000 rows {l:.2f} s ({8000/l:.0f} rows/s), ratio {l/s:.1f} (goal <= 12)')"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

run sqlite "sqlite://$work/bench.db"
[ -n "${BENCH_SQLITE_ONLY:-}" ] && exit 0
db_name="accord_bench_import_$$"
psql -q -h 127.0.0.1 -U postgres -c "create database $db_name" >/dev/null
run postgres "postgres://postgres@127.0.0.1:5432/$db_name"
