#!/usr/bin/env bash
# Regenerates every client artifact from openapi/openapi.json:
#   clients/typescript/src/schema.ts                  openapi-typescript (types for openapi-fetch)
#   clients/python/accord_api/                        openapi-python-client (+ ruff format)
#   clients/rust/openapi-3.0.json                     openapi-down-convert (+ tools/nullable-3.0.mjs);
#                                                     progenitor turns it into Rust at build time
#   clients/postman/accord.postman_collection.json    openapi-to-postmanv2 (+ tools/postman.mjs)
# `--check` regenerates into a scratch directory and fails when anything committed differs.
# Generators are pinned by clients/tools/package-lock.json and clients/requirements.txt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

SPEC="$ROOT/openapi/openapi.json"
ensure_node_tools
ensure_venv

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

log "typescript: openapi-typescript"
mkdir -p "$out/typescript/src"
"$TOOLS/openapi-typescript" "$SPEC" -o "$out/typescript/src/schema.ts" >/dev/null

log "python: openapi-python-client"
mkdir -p "$out/python"
(cd "$CLIENTS/python" && openapi-python-client generate --path "$SPEC" \
  --config "$CLIENTS/python/openapi-python-client.yaml" --meta none \
  --output-path "$out/python/accord_api" >"$out/python.log" 2>&1) || { cat "$out/python.log"; exit 1; }
# Operations it cannot express (non-JSON bodies) are listed in its log; the SDK reaches
# them through `Accord.raw`.
grep -E "^WARNING" "$out/python.log" >&2 || true

log "rust: openapi-down-convert (3.1 -> 3.0 for progenitor)"
mkdir -p "$out/rust"
"$TOOLS/openapi-down-convert" -i "$SPEC" -o "$out/rust/openapi-3.0.json"
node "$CLIENTS/tools/nullable-3.0.mjs" "$out/rust/openapi-3.0.json"

log "postman: openapi-to-postmanv2"
mkdir -p "$out/postman"
node "$CLIENTS/tools/postman.mjs" "$SPEC" "$out/postman/accord.postman_collection.json"

artifacts=(
  typescript/src/schema.ts
  python/accord_api
  rust/openapi-3.0.json
  postman/accord.postman_collection.json
)

if $check; then
  status=0
  for a in "${artifacts[@]}"; do
    if ! diff -r -q "$out/$a" "$CLIENTS/$a" >/dev/null 2>&1; then
      echo "out of date: clients/$a" >&2
      diff -r -u "$CLIENTS/$a" "$out/$a" | head -40 >&2 || true
      status=1
    fi
  done
  if [ $status -ne 0 ]; then
    echo "clients are stale: run clients/generate.sh and commit the result" >&2
    exit 1
  fi
  log "clients match openapi/openapi.json"
else
  for a in "${artifacts[@]}"; do
    rm -rf "${CLIENTS:?}/$a"
    mkdir -p "$(dirname "$CLIENTS/$a")"
    cp -r "$out/$a" "$CLIENTS/$a"
  done
  log "regenerated ${artifacts[*]}"
fi
