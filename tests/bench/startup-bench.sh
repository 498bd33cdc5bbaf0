#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Start-up benchmark of the desktop app (issue 5: first painted window <= 400 ms, idle memory <= 80 MB).
# Launches build/ci (Release) tokendesk RUNS times under Xvfb with a demo config (4 profiles, 500 history entries),
# measures launch -> first paint of the main window (the app prints it with TOKENDESK_STARTUP_PROBE=1) and the
# resident memory after 3 s idle, and prints median and worst. One warm-up launch is discarded (font caches).
# Needs: xvfb xauth (apt). Usage: bash tests/bench/startup-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
APP=${TOKENDESK_APP:-build/ci/app/gui/tokendesk}
CLI=${TOKENDESK_CLI:-build/ci/app/cli/tokendesk-cli}
[ -x "$APP" ] && [ -x "$CLI" ] || { echo "build first: cmake --preset ci && cmake --build --preset ci" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TOKENDESK_CONFIG_DIR="$WORK/tokendesk" XDG_CONFIG_HOME="$WORK/xdg" TOKENDESK_SECRET_STORE=vault \
       TOKENDESK_VAULT_PASSPHRASE=bench-passphrase
"$CLI" profile add --name lk-dev --provider livekit --api-key devkey --api-secret devsecret-devsecret-devsecret-00 \
       --url wss://demo.livekit.cloud >/dev/null 2>&1
"$CLI" profile add --name zego-staging --provider zego --env staging --app-id 1234567890 \
       --server-secret 0123456789abcdef0123456789abcdef >/dev/null 2>&1
python3 - "$TOKENDESK_CONFIG_DIR/history.jsonl" <<'PY'
import json, sys, time
now = int(time.time())
with open(sys.argv[1], 'w') as f:
    for i in range(500):
        plan = {"provider": "livekit", "profile": "lk-dev", "ttl": 3600, "nbfSkew": 10,
                "claims": {"sub": f"user-{i}", "video": {"roomJoin": True, "room": f"room-{i % 7}"}}}
        f.write(json.dumps({"id": f"bench-{i}", "provider": "livekit", "profile": "lk-dev", "identity": f"user-{i}",
                            "room": f"room-{i % 7}", "summary": "join, publish, subscribe", "createdAt": now - i * 60,
                            "expiresAt": now - i * 60 + 3600, "plan": plan}) + "\n")
PY

cat >"$WORK/run.sh" <<'RUN'
set -euo pipefail
APP=$1; RUNS=$2
for i in $(seq 0 "$RUNS"); do
    start=$(date +%s%3N)
    TOKENDESK_STARTUP_PROBE=1 "$APP" >"$WORK/out.$i" 2>/dev/null &
    pid=$!
    for _ in $(seq 100); do grep -q first-paint-ms "$WORK/out.$i" 2>/dev/null && break; sleep 0.05; done
    sleep 3
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    kill $pid; wait $pid 2>/dev/null || true
    paint=$(awk '/first-paint-ms/ {print $2}' "$WORK/out.$i")
    [ "$i" -eq 0 ] && continue # warm-up
    echo "$((paint - start)) $rss"
done
RUN
WORK="$WORK" xvfb-run -a -s "-screen 0 1280x800x24" bash "$WORK/run.sh" "$APP" "$RUNS" >"$WORK/results"
python3 - "$WORK/results" "$APP" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
paint = sorted(r[0] for r in rows); rss = sorted(r[1] / 1024 for r in rows)
print(f"runs: {len(rows)} (after one warm-up launch) of {sys.argv[2]}, Xvfb, demo config with 500 history entries")
print(f"launch -> first painted window: median {statistics.median(paint):.0f} ms, worst {paint[-1]} ms (target <= 400 ms)")
print(f"resident memory after 3 s idle: median {statistics.median(rss):.1f} MB, worst {rss[-1]:.1f} MB (target <= 80 MB)")
PY
