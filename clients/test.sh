#!/usr/bin/env bash
# Every client check against the real server: spec lint, the TypeScript, Python and Rust SDK
# walks, the Postman collection under newman, schemathesis on SQLite and PostgreSQL, and the
# /docs page in headless Chromium. Installs what it needs (npm packages, a Python venv,
# Debian's chromium). Prints one summary line per suite and fails if any failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_node_tools
ensure_venv
npm_install "$CLIENTS/typescript"
if [ ! -x /usr/bin/chromium ]; then
  log "apt-get install chromium"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
build_server

declare -a results=()
failed=0
run() {
  local name="$1"; shift
  local started=$SECONDS
  log "$name"
  if "$@"; then
    results+=("ok    $name ($((SECONDS - started)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - started)) s)")
    failed=$((failed + 1))
  fi
}

run "spec lint (redocly)" "$TOOLS/redocly" lint --config "$CLIENTS/redocly.yaml" "$ROOT/openapi/openapi.json"
run "typescript sdk" bash -c "cd '$CLIENTS/typescript' && '$TOOLS/tsc' -p tsconfig.json && '$TOOLS/tsc' --noEmit --strict --module NodeNext --moduleResolution NodeNext --target ES2022 --skipLibCheck test/required-fields.ts && node --test test/walk.test.mjs"
run "python sdk" bash -c "pip install --quiet --disable-pip-version-check '$CLIENTS/python' && cd '$CLIENTS/python/tests' && python -m pytest -q -p no:cacheprovider ."
run "rust sdk" bash -c "cd '$ROOT' && cargo clippy --quiet -p accord-client --all-targets -- -D warnings && cargo test --quiet -p accord-client --test walk"
run "postman (newman)" bash -c "db=\$(mktemp -d) && source '$CLIENTS/lib.sh' && start_server \"sqlite://\$db/accord.db\" \"\$db/server.log\" && node '$CLIENTS/postman/walk.mjs' \"\$BASE_URL\"; rc=\$?; stop_server; rm -rf \"\$db\"; exit \$rc"
run "schemathesis on sqlite" "$CLIENTS/schemathesis.sh" sqlite
run "schemathesis on postgres" "$CLIENTS/schemathesis.sh" postgres
run "docs page (chromium)" node --test "$CLIENTS/docs/docs.test.mjs"

echo
printf '%s\n' "${results[@]}"
echo "clients: $(( ${#results[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
