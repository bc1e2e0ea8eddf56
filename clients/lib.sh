# Shared by clients/generate.sh and clients/test.sh: installs the pinned tools (npm and a
# Python venv, both inside clients/ and git-ignored), builds and starts the server.
# shellcheck shell=bash

CLIENTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$CLIENTS/.." && pwd)"
VENV="$CLIENTS/.venv"
TOOLS="$CLIENTS/tools/node_modules/.bin"

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

# Runs `npm ci` in DIR when its package-lock.json changed since the last install.
npm_install() {
  local dir="$1" stamp="$1/node_modules/.accord-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then return; fi
  log "npm ci in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$dir/package-lock.json" "$stamp"
}

ensure_node_tools() { npm_install "$CLIENTS/tools"; }

# The venv with the pinned Python tools (requirements.txt); ruff and friends go on PATH.
ensure_venv() {
  local stamp="$VENV/.accord-requirements"
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating $VENV"
    python3 -m venv "$VENV"
  fi
  if ! cmp -s "$CLIENTS/requirements.txt" "$stamp"; then
    log "pip install -r clients/requirements.txt"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$CLIENTS/requirements.txt"
    cp "$CLIENTS/requirements.txt" "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
}

# The server binary the tests start (ACCORD_BIN overrides; otherwise a debug build of this repo).
build_server() {
  if [ -z "${ACCORD_BIN:-}" ]; then
    log "cargo build --bin accord"
    (cd "$ROOT" && cargo build --quiet --bin accord)
    ACCORD_BIN="$ROOT/target/debug/accord"
  fi
  export ACCORD_BIN
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_server DATABASE_URL LOGFILE: starts accord on a free loopback port, waits for /readyz,
# and sets SERVER_PID and BASE_URL.
start_server() {
  local db="$1" logfile="$2" port
  port="$(free_port)"
  DATABASE_URL="$db" ACCORD_ADDR="127.0.0.1:$port" ACCORD_RATE_LIMIT=0 RUST_LOG="${RUST_LOG:-warn}" \
    "$ACCORD_BIN" serve >"$logfile" 2>&1 &
  SERVER_PID=$!
  BASE_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do
    if curl -fsS "$BASE_URL/readyz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$logfile" >&2
      echo "accord exited during start-up" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "accord did not become ready at $BASE_URL" >&2
  return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
