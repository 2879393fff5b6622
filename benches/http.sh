#!/usr/bin/env bash
# The HTTP benchmark (issue 6): the release server over real HTTP, on SQLite and then on
# PostgreSQL, with wrk on the same machine. Measures, never asserts; prints one table.
#
#   bash benches/http.sh               # full run: 30 s intake, 100,000 requests seeded
#   bash benches/http.sh --quick       # smoke run: short durations, 5,000 requests
#   bash benches/http.sh --sqlite-only | --postgres-only
#   bash benches/http.sh --intake-only # intake, nothing lost and the mail drain; no views
#   DSR_BENCH_BIN=path/to/dsr-tracker bash benches/http.sh   # measure that binary instead
#   DSR_BENCH_DRAIN_MAX=60 bash benches/http.sh  # wait at most 60 s for the outbox to drain
#
# Per backend it
#   1. starts the server (portal rate limits raised: the load comes from one address) with
#      a local SMTP sink (benches/http/smtp_sink.py, Python standard library);
#   2. posts the portal form for 30 s at 10 connections (unique email per request), timing
#      each request on the client (benches/http/client.lua) beside wrk's own figures;
#   3. checks nothing was lost: every 200 answer has its request and its outbox row;
#   4. measures how fast the outbox drains into the sink (backlog after intake, seconds);
#   5. seeds 100,000 requests (`dsr-tracker seed-demo`) and measures every queue view,
#      logged in, at 1 and 10 connections;
#   6. samples the server's resident memory (VmRSS) idle, after intake, after the views.
#
# Needs: a Rust toolchain, wrk, sqlite3, psql, curl, python3 (missing Debian packages are
# installed with apt-get when run as root), and PostgreSQL at DSR_BENCH_POSTGRES_URL
# (default postgres://postgres@127.0.0.1:5432/postgres; a database is created and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

QUICK=0
INTAKE_ONLY=0
BACKENDS="sqlite postgres"
for arg in "$@"; do
    case $arg in
        --quick) QUICK=1 ;;
        --sqlite-only) BACKENDS=sqlite ;;
        --postgres-only) BACKENDS=postgres ;;
        --intake-only) INTAKE_ONLY=1 ;;
        -h | --help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done
if [ $QUICK = 1 ]; then
    INTAKE_SECS=5 VIEW_SECS=1 SEED=5000 DRAIN_MAX=20
else
    INTAKE_SECS=30 VIEW_SECS=5 SEED=100000 DRAIN_MAX=600
fi
DRAIN_MAX=${DSR_BENCH_DRAIN_MAX:-$DRAIN_MAX} # the longest wait for the outbox to drain, s
PG_ADMIN=${DSR_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
CONNS=10

# --- tools ----------------------------------------------------------------------------
missing=()
for tool in wrk:wrk sqlite3:sqlite3 psql:postgresql-client curl:curl python3:python3; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y "${missing[@]}" >/dev/null || {
            apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null
        }
    else
        echo "please install: ${missing[*]}" >&2
        exit 2
    fi
fi

if [ -n "${DSR_BENCH_BIN:-}" ]; then
    BIN=$DSR_BENCH_BIN # e.g. an older build, to compare
else
    echo "building the release binary ..." >&2
    cargo build --release --quiet --bin dsr-tracker
    BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/dsr-tracker
fi
WORK=$(mktemp -d "${CARGO_TARGET_DIR:-$ROOT/target}/http-bench.XXXXXX")
RESULTS=$WORK/results.tsv
: >"$RESULTS"
SERVER_PID= SINK_PID= PG_DB=

cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; fi
    if [ -n "$PG_DB" ]; then
        psql -q "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    SERVER_PID= SINK_PID= PG_DB=
    return 0
}
trap cleanup EXIT

log() { echo "[$(date +%T)] $*" >&2; }
put() { printf '%s\t%s\t%s\n' "$1" "$BACKEND" "$2" >>"$RESULTS"; }
# Row labels in the order they were first written, for the table.
label() { printf '%s\n' "$1" >>"$WORK/labels"; }
row() { label "$1"; put "$1" "$2"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$SERVER_PID/status"; }
# Resident memory by kind: heap and stacks / the binary's own pages and other files / shared.
rss_split_mb() {
    awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} /^RssShmem/ {s = $2}
        END {printf "%.1f / %.1f / %.1f", a/1024, f/1024, s/1024}' "/proc/$SERVER_PID/status"
}
hwm_mb() { awk '/^VmHWM/ {printf "%.1f", $2/1024}' "/proc/$SERVER_PID/status"; }

sql() {
    if [ "$BACKEND" = sqlite ]; then sqlite3 "$DB_URL" "$1"; else psql -Atq "$DB_URL" -c "$1"; fi
}

# CPU seconds (user + system) of the PostgreSQL backends serving the benchmark database.
pg_backend_ticks() {
    local total=0 pid
    for pid in $(psql -Atq "$PG_ADMIN" -c \
        "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB' AND pid <> pg_backend_pid()"); do
        [ -r "/proc/$pid/stat" ] || continue
        # Fields 14 and 15 (utime, stime) after the ")" that ends the command name.
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}
declare -A PG_TICKS_BEFORE
pg_snapshot() {
    PG_TICKS_BEFORE=()
    local pid
    for pid in $(psql -Atq "$PG_ADMIN" -c \
        "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB' AND pid <> pg_backend_pid()"); do
        [ -r "/proc/$pid/stat" ] && PG_TICKS_BEFORE[$pid]=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
    done
    return 0
}
pg_ticks_since_snapshot() {
    local before=0 v
    for v in "${PG_TICKS_BEFORE[@]}"; do before=$((before + v)); done
    echo $(($(pg_backend_ticks) - before))
}

# wrk with the client-side timing script; sets R_<key> from its RESULT line.
run_wrk() { # threads+connections, seconds, url
    local out
    out=$(wrk -t"$1" -c"$1" -d"$2"s --timeout 10s -s "$ROOT/benches/http/client.lua" "$3")
    local line
    line=$(grep '^RESULT' <<<"$out") || { echo "$out" >&2; return 1; }
    for kv in ${line#RESULT }; do
        eval "R_${kv%%=*}=${kv#*=}"
    done
}

start_server() {
    local sink_port
    python3 "$ROOT/benches/http/smtp_sink.py" "$WORK/$BACKEND.sink" >"$WORK/$BACKEND.sink.port" &
    SINK_PID=$!
    for _ in $(seq 50); do [ -s "$WORK/$BACKEND.sink.port" ] && break; sleep 0.1; done
    sink_port=$(cat "$WORK/$BACKEND.sink.port")
    PORT=$(free_port)
    BASE=http://127.0.0.1:$PORT
    export DSR_DATA_DIR=$WORK/$BACKEND DSR_DATABASE_URL=$DB_URL DSR_BIND=127.0.0.1:$PORT \
        DSR_SMTP_URL=smtp://127.0.0.1:$sink_port DSR_PORTAL_BURST=100000 DSR_LOGIN_BURST=1000 \
        DSR_LOG=${DSR_LOG:-warn}
    "$BIN" serve 2>"$WORK/$BACKEND.server.log" &
    SERVER_PID=$!
    for _ in $(seq 100); do
        curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "the server did not start; see $WORK/$BACKEND.server.log" >&2
    exit 1
}

# A session cookie and its CSRF token, from the page at $1, into COOKIE and CSRF.
session_for() {
    local jar=$WORK/jar.$RANDOM page
    page=$(curl -fs -c "$jar" -b "$jar" "$BASE$1")
    CSRF=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
    COOKIE=$(awk '$6 == "dsr_session" {print $6 "=" $7}' "$jar")
    JAR=$jar
}

bench_backend() {
    BACKEND=$1
    local name
    if [ "$BACKEND" = sqlite ]; then
        name=SQLite
        mkdir -p "$WORK/sqlite"
        DB_URL=$WORK/sqlite/dsr-tracker.db
    else
        name=PostgreSQL
        pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null ||
            pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
        PG_DB=dsr_http_bench_$$
        psql -q "$PG_ADMIN" -c "CREATE DATABASE $PG_DB" >/dev/null
        DB_URL=${PG_ADMIN%/*}/$PG_DB
    fi
    echo "$name" >>"$WORK/backends"
    log "$name: starting the server"
    start_server
    sleep 2
    row "memory (VmRSS), idle, MB" "$(rss_mb)"
    row "memory idle: anonymous / file / shared, MB" "$(rss_split_mb)"

    # --- intake ---
    session_for /
    log "$name: intake, ${INTAKE_SECS} s at $CONNS connections"
    [ "$BACKEND" = postgres ] && pg_snapshot
    BENCH_MODE=intake BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF BENCH_RUN=$BACKEND$$ \
        run_wrk $CONNS "$INTAKE_SECS" "$BASE"
    local pg_ticks=0
    [ "$BACKEND" = postgres ] && pg_ticks=$(pg_ticks_since_snapshot)
    local backlog sent_at_end
    backlog=$(sql "SELECT count(*) FROM outbox WHERE status = 'pending'")
    local sent_during_intake
    sent_during_intake=$(sql "SELECT count(*) FROM outbox WHERE status = 'sent'")
    row "memory (VmRSS) after intake, MB" "$(rss_mb)"
    row "intake: requests/s ($CONNS connections, ${INTAKE_SECS} s)" "$R_rps"
    row "intake: client-timed p50 / p99 / p99.9 / max, ms" "$R_p50 / $R_p99 / $R_p999 / $R_max"
    row "intake: wrk's own p50 / p99 / p99.9 / max, ms" "$R_wrk_p50 / $R_wrk_p99 / $R_wrk_p999 / $R_wrk_max"
    row "intake: answers not 200 / socket errors" "$R_other / $R_errors"
    if [ "$BACKEND" = postgres ]; then
        local clk
        clk=$(getconf CLK_TCK)
        row "intake: PostgreSQL backend CPU per request, ms (mail sent meanwhile included)" \
            "$(awk -v t="$pg_ticks" -v c="$clk" -v n="$R_n" 'BEGIN {printf "%.2f", n ? t * 1000 / c / n : 0}')"
    else
        label "intake: PostgreSQL backend CPU per request, ms (mail sent meanwhile included)"
    fi
    row "intake: mail sent during the intake run (messages)" "$sent_during_intake"
    local ok=$R_ok stored queued
    stored=$(sql "SELECT count(*) FROM requests WHERE subject_email LIKE 'bench-%'")
    queued=$(sql "SELECT count(*) FROM outbox o JOIN requests r ON r.id = o.request_id WHERE r.subject_email LIKE 'bench-%' AND o.template = 'verify'")
    local verdict=LOST
    [ "$stored" -ge "$ok" ] && [ "$queued" -ge "$ok" ] && verdict=ok
    row "nothing lost: 200 answers / requests stored / verification mails queued" "$ok / $stored / $queued: $verdict"

    # --- mail drain ---
    log "$name: draining $backlog messages (at most ${DRAIN_MAX} s)"
    local t0 t1 left=$backlog
    [ "$BACKEND" = postgres ] && pg_snapshot
    t0=$(date +%s.%N)
    while [ "$left" -gt 0 ]; do
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" -v m="$DRAIN_MAX" 'BEGIN {exit !(b - a > m)}' && break
        sleep 0.25
        left=$(sql "SELECT count(*) FROM outbox WHERE status = 'pending'")
    done
    t1=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
    row "mail: backlog after intake (messages)" "$backlog"
    if [ "$left" -eq 0 ]; then
        row "mail: seconds to drain the backlog" "$secs"
    else
        row "mail: seconds to drain the backlog" "> $DRAIN_MAX ($left left)"
    fi
    row "mail: drain rate, messages/s" \
        "$(awk -v d="$((backlog - left))" -v s="$secs" 'BEGIN {printf "%.0f", (s > 0) ? d / s : 0}')"
    row "mail: received by the SMTP sink" "$(cat "$WORK/$BACKEND.sink" 2>/dev/null || echo 0)"
    if [ "$BACKEND" = postgres ]; then
        # What one sent message costs PostgreSQL, so the intake figure above can be split
        # into intake and the mail sent beside it.
        local mail_ticks
        mail_ticks=$(pg_ticks_since_snapshot)
        if [ "$((backlog - left))" -ge 500 ]; then
            row "mail: PostgreSQL backend CPU per message sent, ms" \
                "$(awk -v t="$mail_ticks" -v c="$(getconf CLK_TCK)" -v n="$((backlog - left))" 'BEGIN {printf "%.2f", t * 1000 / c / n}')"
        else
            row "mail: PostgreSQL backend CPU per message sent, ms" "too few left after intake to measure"
        fi
    else
        label "mail: PostgreSQL backend CPU per message sent, ms"
    fi

    if [ $INTAKE_ONLY = 1 ]; then
        row "memory, peak (VmHWM), MB" "$(hwm_mb)"
        log "$name: done"
        cleanup
        return 0
    fi

    # --- queue views ---
    log "$name: seeding $SEED requests"
    local password=bench-password-$$-long
    echo "$password" | "$BIN" user add --email bench-admin@example.com --role admin >/dev/null 2>&1
    t0=$(date +%s.%N)
    "$BIN" seed-demo --requests "$SEED" >/dev/null 2>>"$WORK/$BACKEND.seed.log"
    t1=$(date +%s.%N)
    row "seed-demo --requests $SEED, s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')"
    # A bulk load leaves dirty pages and WAL behind; write them out and let the machine
    # settle, so the views measure a running install rather than the load's aftermath.
    if [ "$BACKEND" = sqlite ]; then
        sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    else
        sql "CHECKPOINT" >/dev/null
    fi
    sync
    sleep 5
    session_for /login
    curl -fs -o /dev/null -b "$JAR" -c "$JAR" --data-urlencode "csrf_token=$CSRF" \
        --data-urlencode "email=bench-admin@example.com" --data-urlencode "password=$password" \
        "$BASE/login"
    COOKIE=$(awk '$6 == "dsr_session" {print $6 "=" $7}' "$JAR")
    local cursor total
    total=$(sql "SELECT count(*) FROM requests")
    if [ "$BACKEND" = sqlite ]; then
        cursor=$(sql "SELECT due_date || '_' || id FROM requests ORDER BY due_date, id LIMIT 1 OFFSET $((total / 2))")
    else
        cursor=$(sql "SELECT due_date::text || '_' || id FROM requests ORDER BY due_date, id LIMIT 1 OFFSET $((total / 2))")
    fi
    local views=(
        "first page (needs action)|/dashboard"
        "all statuses|/dashboard?status=all"
        "page half-way (all statuses)|/dashboard?status=all&after=$cursor"
    )
    local s k
    for s in awaiting_verification open in_progress awaiting_subject completed rejected withdrawn expired; do
        views+=("status=$s|/dashboard?status=$s")
    done
    for k in access rectification erasure restriction portability objection; do
        views+=("kind=$k|/dashboard?status=all&kind=$k")
    done
    views+=(
        "status=completed kind=erasure|/dashboard?status=completed&kind=erasure"
        "status=open kind=access|/dashboard?status=open&kind=access"
        "needs action, kind=objection|/dashboard?status=active&kind=objection"
    )
    local check
    check=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/dashboard")
    [ "$check" = 200 ] || { echo "login failed: /dashboard answered $check" >&2; exit 1; }
    local v
    for v in "${views[@]}"; do
        log "$name: queue view ${v%%|*}"
        BENCH_MODE=get BENCH_COOKIE=$COOKIE BENCH_PATH=${v#*|} run_wrk 1 "$VIEW_SECS" "$BASE"
        local one="$R_p50 / $R_p99"
        [ "$R_other" -gt 0 ] && one="$one ($R_other not 200)"
        BENCH_MODE=get BENCH_COOKIE=$COOKIE BENCH_PATH=${v#*|} run_wrk $CONNS "$VIEW_SECS" "$BASE"
        local ten="$R_p50 / $R_p99, $R_rps/s"
        [ "$R_other" -gt 0 ] && ten="$ten ($R_other not 200)"
        row "queue ${v%%|*}: p50 / p99 ms at 1 conn; at $CONNS" "$one; $ten"
    done
    row "memory (VmRSS) after the queue views, MB" "$(rss_mb)"
    row "memory after the queue views: anonymous / file / shared, MB" "$(rss_split_mb)"
    sleep 10
    row "memory (VmRSS) 10 s after the queue views, MB" "$(rss_mb)"
    row "memory, peak (VmHWM), MB" "$(hwm_mb)"
    row "server threads after the queue views" "$(awk '/^Threads/ {print $2}' "/proc/$SERVER_PID/status")"
    log "$name: done"
    cleanup
}

for b in $BACKENDS; do bench_backend "$b"; done

# --- the table ------------------------------------------------------------------------
mapfile -t names <"$WORK/backends"
header="| what |"
rule="|---|"
for n in "${names[@]}"; do header="$header $n |"; rule="$rule---|"; done
echo
echo "dsr-tracker HTTP benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)," \
    "$([ $QUICK = 1 ] && echo 'QUICK run' || echo 'full run')$([ $INTAKE_ONLY = 1 ] && echo ', intake only'); wrk on the same machine"
echo
echo "$header"
echo "$rule"
awk -F'\t' -v backends="$(printf '%s ' $BACKENDS)" '
    FNR == NR { if (!($0 in seen)) { seen[$0] = 1; order[++n] = $0 }; next }
    { val[$1 "\t" $2] = $3 }
    END {
        nb = split(backends, b, " ")
        for (i = 1; i <= n; i++) {
            line = "| " order[i] " |"
            for (j = 1; j <= nb; j++) {
                k = order[i] "\t" b[j]
                line = line " " ((k in val) ? val[k] : "–") " |"
            }
            print line
        }
    }' "$WORK/labels" "$RESULTS"
echo
echo "(raw results and server logs: $WORK)"
