#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Screenshots of every page (and the Mint page in zh_TW) for the README: builds a demo data set with tokendesk-cli
# (ten profiles, one per provider family; a server config; some history), then runs the screenshot tour
# (the real main window, driven by objectName) under Xvfb and writes docs/screenshots/*.png.
# Needs: xvfb xauth fonts-wqy-microhei (apt). Usage: bash tests/ui/screenshots.sh [BUILD_DIR [OUT_DIR WxH]]
# (with OUT_DIR and a window size such as 1024x768, the same tour checks another size without touching docs/;
# without them, all pages at 1280x800 plus the Mint page at 1024x768).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/dev}
CLI=$BUILD/app/cli/tokendesk-cli
TOUR=$BUILD/tests/ui/screenshot_tour
[ -x "$CLI" ] && [ -x "$TOUR" ] || { echo "build first: cmake --build $BUILD" >&2; exit 2; }
OUT=${2:-docs/screenshots}
SIZE=${3:-1280x800}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export TOKENDESK_CONFIG_DIR="$WORK/tokendesk" XDG_CONFIG_HOME="$WORK/xdg" TOKENDESK_SECRET_STORE=vault \
       TOKENDESK_VAULT_PASSPHRASE=demo-passphrase LANG=en_US.UTF-8

"$CLI" profile add --name lk-dev --provider livekit --api-key APIdemo7Kq2 --api-secret demo-secret-demo-secret-demo-secret \
       --url wss://demo-7kq2.livekit.cloud --room daily-standup --note "Frontend team sandbox" >/dev/null 2>&1
"$CLI" profile add --name zego-staging --provider zego --env staging --app-id 1234567890 \
       --server-secret 0123456789abcdef0123456789abcdef --room lobby >/dev/null 2>&1
"$CLI" profile add --name jaas-prod --provider jaas --env prod --app-id vpaas-magic-cookie-0123456789abcdef0123456789abcdef \
       --key-id vpaas-magic-cookie-0123456789abcdef0123456789abcdef/4f2a9c --private-key-file tests/data/pem/rsa2048-pkcs8.pem \
       --room all-hands >/dev/null 2>&1
"$CLI" profile add --name meet-selfhosted --provider jitsi --app-id tokendesk --app-secret demo-app-secret-0123456789 \
       --url https://meet.example.org --audience jitsi --subject meet.example.org >/dev/null 2>&1
"$CLI" profile add --name stream-dev --provider stream --api-key demo7kq2stream --api-secret demo-stream-secret-0123456789 \
       --room default:standup >/dev/null 2>&1
"$CLI" profile add --name twilio-video --provider twilio --account-sid AC0123456789abcdef0123456789abcdef \
       --api-key SK0123456789abcdef0123456789abcdef --api-secret demo-twilio-secret-01234 --room daily-standup >/dev/null 2>&1
"$CLI" profile add --name hms-events --provider 100ms --env staging --api-key 6421a1b2c3d4e5f6a7b8c9d0 \
       --api-secret demo-100ms-secret-0123456789 --room 6421a1b2c3d4e5f6a7b8c9ff >/dev/null 2>&1
"$CLI" profile add --name agora-dev --provider agora --app-id 970ca35de60c44645bbae8a215061b33 \
       --app-certificate 5cfd2fd1755d40ecb72977518be15d3b --room daily-standup >/dev/null 2>&1
"$CLI" profile add --name vonage-prod --provider vonage --env prod --app-id aaaaaaaa-bbbb-cccc-dddd-0123456789ab \
       --private-key-file tests/data/pem/rsa2048-pkcs8.pem --room 2_MX4xMjM0NTY3OH5-demo >/dev/null 2>&1
"$CLI" profile add --name opentok-legacy --provider opentok --api-key 12345678 --api-secret demo-opentok-secret-0123 \
       >/dev/null 2>&1
cat >"$TOKENDESK_CONFIG_DIR/server.json" <<'JSON'
{ "bind": "127.0.0.1", "port": 0,
  "allowedOrigins": ["http://localhost:5173"],
  "endpoints": [
    { "path": "/getToken", "type": "livekit-get", "profile": "lk-dev",
      "policy": { "room": "demo-[a-z0-9-]+", "maxTtl": "1h", "grants": { "roomJoin": true, "canPublish": true } } },
    { "path": "/api/jitsi-token", "type": "jitsi-get", "profile": "meet-selfhosted",
      "policy": { "allowModerator": false, "features": { "recording": false } } },
    { "path": "/healthz", "type": "healthz" } ] }
JSON
python3 - "$TOKENDESK_CONFIG_DIR/history.jsonl" <<'PY'
import json, sys, time
now = int(time.time())
rows = [("zego-staging", "zego", "qa-bot-1", "lobby", "login, publish", -300, 3600,
         {"user_id": "qa-bot-1", "payload": "", "cipher": "gcm"}),
        ("jaas-prod", "jaas", "host@example.com", "all-hands", "moderator, recording", -5400, 7200,
         {"room": "all-hands", "context": {"user": {"id": "host@example.com", "moderator": "true"}}}),
        ("lk-dev", "livekit", "viewer-42", "demo-webinar", "join, no publish, subscribe", -90000, 21600,
         {"sub": "viewer-42", "video": {"roomJoin": True, "room": "demo-webinar", "canPublish": False}})]
with open(sys.argv[1], "w") as f:
    for i, (profile, provider, identity, room, summary, age, ttl, claims) in enumerate(rows):
        plan = {"provider": provider, "profile": profile, "ttl": ttl, "nbfSkew": 10, "claims": claims}
        f.write(json.dumps({"id": f"demo-{i}", "provider": provider, "profile": profile, "identity": identity,
                            "room": room, "summary": summary, "createdAt": now + age, "expiresAt": now + age + ttl,
                            "plan": plan}) + "\n")
PY
tour() { # OUT_DIR WxH
    local w=$(( ${2%x*} + 120 )) h=$(( ${2#*x} + 40 ))
    xvfb-run -a -s "-screen 0 ${w}x${h}x24" "$TOUR" "$1" "$2"
}
tour "$OUT" "$SIZE"
if [ -z "${3:-}" ]; then
    # The README's set also shows the Mint page at the smallest size it is checked at.
    mkdir -p "$WORK/small"
    tour "$WORK/small" 1024x768 >/dev/null
    cp "$WORK/small/mint.png" "$OUT/mint-1024x768.png"
fi
echo "screenshots in $OUT:" && ls "$OUT"
