#!/usr/bin/env bash
# Package memory benchmark (issue 12): the release server on SQLite, mail written to
# files. A handler uploads ten 100 MB files to an access request, completes it (the
# server builds a 1 GB ZIP), and the subject downloads it through the status link. The
# server's peak resident memory (VmHWM, /proc/<pid>/status) is read after each step.
# Measures, never asserts; prints one table.
#
#   bash benches/package_memory.sh            # 10 files of 100 MB
#   FILES=3 MB_EACH=50 bash benches/package_memory.sh   # smaller run
#   DSR_BENCH_BIN=path/to/dsr-tracker bash benches/package_memory.sh
#
# Needs: a Rust toolchain, curl, sqlite3, python3; about 3.5 GB free on the disk of $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${FILES:-10}
MB_EACH=${MB_EACH:-100}

for tool in curl sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "please install $tool" >&2; exit 1; }
done
if [ -n "${DSR_BENCH_BIN:-}" ]; then
    BIN=$DSR_BENCH_BIN
else
    cargo build --release -q
    BIN=$PWD/target/release/dsr-tracker
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '%s  %s\n' "$(date +%T)" "$*" >&2; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
export DSR_DATA_DIR=$WORK/data DSR_DATABASE_URL=$WORK/data/dsr-tracker.db DSR_BIND=127.0.0.1:$PORT \
    DSR_BASE_URL=$BASE DSR_LOGIN_BURST=1000 DSR_PORTAL_BURST=1000 DSR_LOG=${DSR_LOG:-warn} \
    DSR_PACKAGE_MAX_MB=$((MB_EACH + 1)) DSR_LANGUAGE=en
unset DSR_SMTP_URL
mkdir -p "$WORK/data"
PASSWORD="bench password $RANDOM$RANDOM"
echo "$PASSWORD" | "$BIN" user add --email bench-admin@example.com --role admin >/dev/null 2>&1

"$BIN" serve 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

status_kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$SERVER_PID/status"; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
ROWS=()
row() { ROWS+=("$(printf '| %s | %s | %s |' "$1" "$(mb "$(status_kb VmRSS)")" "$(mb "$(status_kb VmHWM)")")"); }

JAR=$WORK/admin.jar
page() { curl -fs -c "$JAR" -b "$JAR" "$BASE$1"; }
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
unescape() { python3 -c 'import html,sys; print(html.unescape(sys.stdin.read().strip()))'; }

sleep 1
row "idle"

# Log in.
CSRF=$(page /login | field csrf_token)
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$CSRF" \
    --data-urlencode "email=bench-admin@example.com" --data-urlencode "password=$PASSWORD" "$BASE/login"

# An access request entered by hand, verified, started.
TODAY=$(date +%F)
CSRF=$(page /dashboard/intake | field csrf_token)
LOCATION=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" \
    --data-urlencode "csrf_token=$CSRF" -d channel=letter -d "received_date=$TODAY" \
    -d received_time=00:00 -d kind=access --data-urlencode "name=Bench Subject" \
    --data-urlencode "email=bench-subject@example.com" -d verified=yes \
    --data-urlencode "verification_method=Signed letter, checked" "$BASE/dashboard/intake")
ID=${LOCATION##*/}
DETAIL=$(page "/dashboard/requests/$ID")
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$(field csrf_token <<<"$DETAIL")" \
    -d "version=$(field version <<<"$DETAIL")" "$BASE/dashboard/requests/$ID/start"

# Ten files, each sent as a multipart upload (the server streams it to disk).
log "writing $FILES files of $MB_EACH MB"
for i in $(seq "$FILES"); do
    head -c $((MB_EACH * 1000 * 1000)) /dev/urandom >"$WORK/file-$i.bin"
done
log "uploading"
T0=$(date +%s.%N)
for i in $(seq "$FILES"); do
    PKG=$(page "/dashboard/requests/$ID/package")
    curl -fs -o /dev/null -c "$JAR" -b "$JAR" -F "csrf_token=$(field csrf_token <<<"$PKG")" \
        -F "version=$(field version <<<"$PKG")" -F category=support \
        -F "file=@$WORK/file-$i.bin;filename=recording-$i.bin" "$BASE/dashboard/requests/$ID/package/files"
done
T1=$(date +%s.%N)
UPLOAD_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}')
row "after uploading $FILES × $MB_EACH MB ($UPLOAD_S s)"

# Complete through the preview: the server builds the ZIP.
log "completing (building the package)"
PREVIEW=$(curl -fs -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$(field csrf_token <<<"$DETAIL")" \
    -d "version=$(sqlite3 "$DSR_DATABASE_URL" "SELECT version FROM requests WHERE id = '$ID'")" \
    -d outcome=fulfilled --data-urlencode "answer=Your data is in the package." \
    "$BASE/dashboard/requests/$ID/complete/preview")
ARGS=()
for f in csrf_token version outcome answer reasons digest; do
    ARGS+=(--data-urlencode "$f=$(field "$f" <<<"$PREVIEW" | unescape)")
done
T0=$(date +%s.%N)
curl -fs -o /dev/null -c "$JAR" -b "$JAR" "${ARGS[@]}" "$BASE/dashboard/requests/$ID/complete"
T1=$(date +%s.%N)
BUILD_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}')
SIZE=$(sqlite3 "$DSR_DATABASE_URL" "SELECT size_bytes FROM packages WHERE request_id = '$ID'")
[ -n "$SIZE" ] || { echo "no package was built; see $WORK/server.log" >&2; cat "$WORK/server.log" >&2; exit 1; }
row "after building the $(awk -v b="$SIZE" 'BEGIN {printf "%.2f", b / 1e9}') GB package ($BUILD_S s)"

# The subject: the status link from the acknowledgement, then the download.
LINK=$(grep -rhoa "$BASE/s/[A-Za-z0-9_-]*" "$WORK/data/mail" | head -1)
SJAR=$WORK/subject.jar
curl -fs -o /dev/null -c "$SJAR" -b "$SJAR" "$LINK"
log "downloading"
T0=$(date +%s.%N)
GOT=$(curl -fs -o /dev/null -w '%{size_download}' -c "$SJAR" -b "$SJAR" "$BASE/my/requests/$ID/package")
T1=$(date +%s.%N)
DOWN_S=$(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}')
[ "$GOT" = "$SIZE" ] || { echo "downloaded $GOT bytes of $SIZE" >&2; exit 1; }
row "after downloading it ($DOWN_S s, $(awk -v b="$GOT" -v s="$DOWN_S" 'BEGIN {printf "%.0f", (s > 0) ? b / 1e6 / s : 0}') MB/s)"

echo
echo "| step | VmRSS, MB | peak (VmHWM) so far, MB |"
echo "|---|---|---|"
printf '%s\n' "${ROWS[@]}"
