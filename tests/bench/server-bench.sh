#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# HTTP token server benchmark, side by side in one run on this machine, same wrk parameters for both:
#   TokenDesk:  tokendesk-cli serve, a livekit-get endpoint at /getToken ("credentials": "env")
#   Express:    the typical Express + livekit-server-sdk /getToken sample (tests/bench/express-gettoken.mjs)
# Request: GET /getToken?room=bench-room&identity=user-1&name=User -> 200, the JWT as text.
# Then a memory check: RSS of a fresh tokendesk-cli after a 100,000-request warm-up and after
# 1,000,000 more requests (target: growth < 5 MB).
# Usage: bash tests/bench/server-bench.sh [--quick]
#   Builds the ci preset if tokendesk-cli is missing, runs `npm ci` in tests/interop if express is
#   missing, and installs Debian's wrk if it is missing. Servers listen on 127.0.0.1 only.
#   TOKENDESK_CLI overrides the binary; BENCH_THREADS / BENCH_CONNECTIONS the wrk -t / -c.
set -euo pipefail
cd "$(dirname "$0")/../.."

WARMUP_SECONDS=5; RUN_SECONDS=15; MEM_WARMUP=100000; MEM_COUNT=1000000
if [ "${1:-}" = "--quick" ]; then WARMUP_SECONDS=2; RUN_SECONDS=5; MEM_COUNT=200000
elif [ $# -gt 0 ]; then echo "usage: $0 [--quick]" >&2; exit 2; fi
THREADS=${BENCH_THREADS:-2}; CONNECTIONS=${BENCH_CONNECTIONS:-50}
QUERY='/getToken?room=bench-room&identity=user-1&name=User'
JAAS_QUERY='/api/jitsi-token?room=bench-room&user_id=user-1&user_name=User'

# --- prerequisites --------------------------------------------------------------------------
CLI=${TOKENDESK_CLI:-build/ci/app/cli/tokendesk-cli}
if ! "$CLI" serve --help >/dev/null 2>&1; then
    echo "building tokendesk-cli (ci preset; a few minutes)..." >&2
    cmake --preset ci >/dev/null && cmake --build --preset ci >/dev/null
fi
if [ ! -f tests/interop/node_modules/express/package.json ] ||
    [ ! -f tests/interop/node_modules/livekit-server-sdk/package.json ]; then
    (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
fi
if ! command -v wrk >/dev/null; then
    SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 ||
        { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }
fi

export LIVEKIT_API_KEY=bench-key
export LIVEKIT_API_SECRET=bench-secret-0123456789abcdef0123456789abcdef

# --- server lifecycle -----------------------------------------------------------------------
WORK=$(mktemp -d)
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    SERVER_PID=
}
cleanup() { stop_server; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

# wait_ready URL: until the server started last answers 200 (10 s at most).
wait_ready() {
    for _ in $(seq 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited; its log:" >&2; cat "$WORK"/*.err >&2; exit 1; }
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "server did not answer $1 within 10 s" >&2; exit 1
}

# All of wrk's connections come from 127.0.0.1, one client for the rate limiter, so the limit is set far above
# what wrk can send; the limiter still runs on every request, so its cost stays in the measurement.
start_tokendesk() { # PORT
    cat >"$WORK/tokendesk.json" <<JSON
{"bind":"127.0.0.1","port":0,"limits":{"requestsPerMinute":1000000000,"burst":1000000000},
 "endpoints":[{"path":"/getToken","type":"livekit-get","credentials":"env"}]}
JSON
    "$CLI" serve --config "$WORK/tokendesk.json" --port "$1" >/dev/null 2>"$WORK/tokendesk.err" &
    SERVER_PID=$!
    wait_ready "http://127.0.0.1:$1$QUERY"
}

# A JaaS (RS256) endpoint: signing runs on the thread pool, so both cores sign.
start_tokendesk_jaas() { # PORT
    cat >"$WORK/jaas.json" <<JSON
{"bind":"127.0.0.1","port":0,"limits":{"requestsPerMinute":1000000000,"burst":1000000000},
 "endpoints":[{"path":"/api/jitsi-token","type":"jitsi-get","credentials":"env"}]}
JSON
    JAAS_APP_ID=vpaas-magic-cookie-0123456789abcdef0123456789abcdef JAAS_KEY_ID=bench \
        JAAS_PRIVATE_KEY="$(cat tests/data/pem/rsa2048-pkcs8.pem)" \
        "$CLI" serve --config "$WORK/jaas.json" --port "$1" >/dev/null 2>"$WORK/jaas.err" &
    SERVER_PID=$!
    wait_ready "http://127.0.0.1:$1$JAAS_QUERY"
}

start_express() { # PORT
    PORT=$1 node tests/bench/express-gettoken.mjs >/dev/null 2>"$WORK/express.err" &
    SERVER_PID=$!
    wait_ready "http://127.0.0.1:$1$QUERY"
}

# --- wrk and its output -----------------------------------------------------------------------
run_wrk() { # URL SECONDS OUTFILE
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency "$1" >"$3"
}
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_count() { awk '/ requests in / {print $1}' "$1"; }
wrk_p99_ms() { # "99%  2.37ms" -> 2.370 (wrk prints us, ms, s or m)
    awk '$1 == "99%" { v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
        f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1
        printf "%.3f\n", v * f }' "$1"
}
wrk_non2xx() { awk '/Non-2xx or 3xx responses:/ {n = $NF} END {print n + 0}' "$1"; }
wrk_socket_errors() { # "Socket errors: connect 0, read 1, write 0, timeout 2" -> 3
    awk '/Socket errors:/ {gsub(/,/, ""); n = $4 + $6 + $8 + $10} END {print n + 0}' "$1"
}

# bench NAME URL: warm-up, then the measured run; sets RPS, P99 (ms), ERRORS and ERRORS_TEXT.
RPS=; P99=; ERRORS=; ERRORS_TEXT=
bench() {
    local name=$1 url=$2 out="$WORK/wrk-$1.txt"
    echo "$name: warm-up ${WARMUP_SECONDS}s, then wrk -t$THREADS -c$CONNECTIONS -d${RUN_SECONDS}s --latency" >&2
    run_wrk "$url" "$WARMUP_SECONDS" "$WORK/warmup-$name.txt"
    run_wrk "$url" "$RUN_SECONDS" "$out"
    sed 's/^/    /' "$out" >&2
    local non2xx sock
    non2xx=$(wrk_non2xx "$out"); sock=$(wrk_socket_errors "$out")
    RPS=$(wrk_rps "$out"); P99=$(wrk_p99_ms "$out"); ERRORS=$((non2xx + sock)); ERRORS_TEXT=$ERRORS
    [ "$ERRORS" -eq 0 ] || ERRORS_TEXT="$ERRORS (non-2xx $non2xx, socket $sock)"
}

# send_requests URL COUNT: wrk runs in short chunks until at least COUNT requests completed.
SENT=0; SEND_ERRORS=0
send_requests() {
    local url=$1 want=$2 done_=0 secs=1 n out="$WORK/chunk.txt"
    while [ "$done_" -lt "$want" ]; do
        run_wrk "$url" "$secs" "$out"
        n=$(wrk_count "$out")
        done_=$((done_ + n))
        SEND_ERRORS=$((SEND_ERRORS + $(wrk_non2xx "$out") + $(wrk_socket_errors "$out")))
        # next chunk: about what is left at this rate, 1 to 10 s
        secs=$(( (want - done_) * secs / (n > 0 ? n : 1) + 1 ))
        [ "$secs" -gt 10 ] && secs=10
    done
    SENT=$((SENT + done_))
}
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# --- the run ------------------------------------------------------------------------------------
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2
express_version=$(node -p 'require("./tests/interop/node_modules/express/package.json").version')
sdk_version=$(node -p 'require("./tests/interop/node_modules/livekit-server-sdk/package.json").version')
echo "node $(node --version), express $express_version, livekit-server-sdk $sdk_version, $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)" >&2

port=$(free_port); start_tokendesk "$port"
bench tokendesk "http://127.0.0.1:$port$QUERY"
stop_server
td_rps=$RPS; td_p99=$P99; td_errors=$ERRORS; td_errors_text=$ERRORS_TEXT

port=$(free_port); start_express "$port"
bench express "http://127.0.0.1:$port$QUERY"
stop_server
ex_rps=$RPS; ex_p99=$P99; ex_errors_text=$ERRORS_TEXT

port=$(free_port); start_tokendesk_jaas "$port"
bench jaas "http://127.0.0.1:$port$JAAS_QUERY"
stop_server
jaas_rps=$RPS; jaas_p99=$P99; jaas_errors_text=$ERRORS_TEXT
sign_1=$("$CLI" bench --provider jaas --count 2000 --threads 1 --json | awk -F: '/tokensPerSecond/ {gsub(/[ ,]/, "", $2); print $2}')

echo "TokenDesk memory: $MEM_WARMUP-request warm-up, then $MEM_COUNT requests on a fresh process" >&2
port=$(free_port); start_tokendesk "$port"
send_requests "http://127.0.0.1:$port$QUERY" "$MEM_WARMUP"
rss_warm=$(rss_kb "$SERVER_PID"); warm_sent=$SENT
send_requests "http://127.0.0.1:$port$QUERY" "$MEM_COUNT"
rss_after=$(rss_kb "$SERVER_PID"); mem_sent=$((SENT - warm_sent))
stop_server

# --- report -------------------------------------------------------------------------------------
calc() { awk "BEGIN { $1 }"; }
ratio=$(calc "printf \"%.2f\", $td_rps / $ex_rps")
mb() { calc "printf \"%.1f\", $1 / 1024"; }
growth=$(calc "printf \"%.1f\", ($rss_after - $rss_warm) / 1024")
commas() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }
yesno() { if calc "exit !($1)"; then echo yes; else echo NO; fi; }

cat <<REPORT

| Server | Requests/s | p99 latency | Errors |
|---|---:|---:|---:|
| TokenDesk (tokendesk-cli serve, livekit-get) | $(calc "printf \"%.0f\", $td_rps") | $td_p99 ms | $td_errors_text |
| Express $express_version + livekit-server-sdk $sdk_version (Node $(node --version)) | $(calc "printf \"%.0f\", $ex_rps") | $ex_p99 ms | $ex_errors_text |
| TokenDesk JaaS RS256 (jitsi-get) | $(calc "printf \"%.0f\", $jaas_rps") | $jaas_p99 ms | $jaas_errors_text |

wrk -t$THREADS -c$CONNECTIONS -d${RUN_SECONDS}s --latency after a ${WARMUP_SECONDS}s warm-up, each server alone on this $(nproc)-core machine.
TokenDesk/Express requests per second: ${ratio}x (target >= 2x: $(yesno "$ratio >= 2")); p99 lower: $(yesno "$td_p99 < $ex_p99"); TokenDesk errors zero: $(yesno "$td_errors == 0")
JaaS endpoint vs one thread signing in-process ($(calc "printf \"%.0f\", $sign_1") tokens/s): $(calc "printf \"%.2f\", $jaas_rps / $sign_1")x (above 1x means both cores sign)
TokenDesk RSS after warm-up: $(mb "$rss_warm") MB, after $(commas "$MEM_COUNT") requests: $(mb "$rss_after") MB (growth $growth MB; target < 5 MB: $(yesno "$growth < 5"))
  (warm-up $(commas "$warm_sent") requests, then $(commas "$mem_sent") requests; non-2xx + socket errors in the memory run: $SEND_ERRORS)
REPORT
