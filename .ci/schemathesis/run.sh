#!/usr/bin/env bash
# Schemathesis (from PyPI, in a virtual environment) against the live API (issue 13):
# every operation of /api/v1/openapi.json, all checks, stateful links, a bounded number
# of examples. Starts the debug server on a fresh SQLite database with an admin and a
# key holding the API's scopes. Exit code: Schemathesis's (0 = no failure).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
VENV=${DSR_ST_VENV:-$ROOT/.ci/schemathesis/.venv}
EXAMPLES=${DSR_ST_EXAMPLES:-100}

if [ ! -x "$VENV/bin/st" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==4.32.5"
fi
# The binary as `cargo test` builds it (the same features: no second build after the tests).
cargo test -q --no-run
BIN=$ROOT/target/debug/dsr-tracker

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export DSR_DATA_DIR=$WORK DSR_DATABASE_URL=$WORK/dsr-tracker.db DSR_BIND=127.0.0.1:$PORT \
    DSR_BASE_URL=http://127.0.0.1:$PORT DSR_LANGUAGE=en DSR_LOG=warn \
    DSR_API_RATE_PER_MINUTE=1000000 DSR_PORTAL_BURST=100000 DSR_WEBHOOK_TIMEOUT_SECS=2
unset DSR_SMTP_URL
echo "schemathesis admin password" | "$BIN" user add --email st-admin@example.com --role admin >/dev/null 2>&1
KEY=$("$BIN" api-key add --name schemathesis --by st-admin@example.com \
    --acts-as st-admin@example.com --scope requests:create --scope requests:create_verified \
    --scope requests:read --scope requests:act --scope suppression:read \
    --scope webhooks:manage --scope tasks:report)
"$BIN" serve 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
status=0
"$VENV/bin/st" --config-file "$ROOT/.ci/schemathesis/schemathesis.toml" run \
    "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    -H "Authorization: Bearer $KEY" --checks all --max-examples "$EXAMPLES" \
    --no-color || status=$?
if [ "$status" != 0 ]; then
    echo "--- server log ---"
    tail -50 "$WORK/server.log"
fi
exit "$status"
