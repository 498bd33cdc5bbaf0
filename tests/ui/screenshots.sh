#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the app under Xvfb with demo data, drives it like a person (xdotool) and captures each page into
# docs/screenshots/. Needs: xvfb xauth xdotool imagemagick (apt). Usage: bash tests/ui/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
APP=${TOKENDESK_APP:-build/dev/app/gui/tokendesk}
CLI=${TOKENDESK_CLI:-build/dev/app/cli/tokendesk-cli}
OUT=docs/screenshots
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Demo data: a LiveKit token that is valid, and one minted two hours ago that has expired.
TOKEN=$(LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret "$CLI" mint livekit --identity ann --name Ann \
        --room demo-standup --join --can-publish true --sources camera,microphone --ttl 1h)

cat >"$WORK/drive.sh" <<DRIVE
set -euo pipefail
export XDG_CONFIG_HOME="$WORK/config"
"$APP" &
APP_PID=\$!
for _ in \$(seq 50); do
    WID=\$(xdotool search --name '^TokenDesk\$' 2>/dev/null | head -1) && [ -n "\$WID" ] && break
    sleep 0.1
done
sleep 1
xdotool windowsize "\$WID" 1100 720 windowmove "\$WID" 0 0 windowfocus "\$WID"
sleep 0.5
# The token box has focus first: paste the token, tab to the key and secret, inspect.
xdotool type --delay 1 "$TOKEN"
xdotool key Tab
xdotool type "devkey"
xdotool key Tab
xdotool type "secret"
xdotool key Return
sleep 1
import -window root -crop 1100x720+0+0 "$OUT/inspect.png"
kill \$APP_PID
DRIVE
xvfb-run -a -s "-screen 0 1280x800x24" bash "$WORK/drive.sh"
echo "screenshots in $OUT:" && ls "$OUT"
