#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Side-by-side throughput benchmark (issue 2, section 8), all in one run on this machine:
#   LiveKit HS256:  tokendesk-cli bench  vs  livekit-server-sdk AccessToken.toJwt() in Node   (target >= 5x)
#   JaaS RS256:     tokendesk-cli bench  vs  openssl speed rsa2048 sign/s, one core            (target >= 0.9x)
#                   and with --threads 2 vs one thread                                          (target ~2x)
#   Zego Token04 GCM mints per second.
#   Stream HS256:   tokendesk-cli bench  vs  LiveKit's rate in the same run                      (target >= 0.8x)
#   Twilio, 100ms HS256: tokendesk-cli bench  vs  LiveKit's rate in the same run                 (target >= 0.8x)
#   Agora 007:      tokendesk-cli bench  vs  agora-token RtcTokenBuilder2 in Node                 (target >= 5x)
#   OpenTok T1 (HMAC-SHA1) and Vonage RS256 mints per second.
# Usage: bash tests/bench/run.sh [--quick]   (needs a built ci preset and `npm ci` in tests/interop)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${TOKENDESK_CLI:-build/ci/app/cli/tokendesk-cli}
[ -x "$CLI" ] || { echo "build first: cmake --preset ci && cmake --build --preset ci" >&2; exit 2; }
[ -d tests/interop/node_modules ] || (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)

LK_COUNT=200000; NODE_COUNT=100000; RSA_COUNT=4000; RSA_SECONDS=5
if [ "${1:-}" = "--quick" ]; then LK_COUNT=50000; NODE_COUNT=20000; RSA_COUNT=1000; RSA_SECONDS=2; fi

field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "openssl: $(openssl version)   node: $(node --version)"

lk_ours=$("$CLI" bench --provider livekit --count "$LK_COUNT" --json | field tokensPerSecond)
lk_node_json=$(node tests/bench/livekit-node-bench.mjs --count "$NODE_COUNT")
lk_node=$(echo "$lk_node_json" | field tokensPerSecond)
lk_sdk=$(echo "$lk_node_json" | field version)

jaas_1=$("$CLI" bench --provider jaas --count "$RSA_COUNT" --threads 1 --json | field tokensPerSecond)
jaas_2=$("$CLI" bench --provider jaas --count "$RSA_COUNT" --threads 2 --json | field tokensPerSecond)
openssl_sign=$(openssl speed -seconds "$RSA_SECONDS" rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6}')

zego=$("$CLI" bench --provider zego --count "$LK_COUNT" --json | field tokensPerSecond)
jitsi=$("$CLI" bench --provider jitsi --count "$LK_COUNT" --json | field tokensPerSecond)
stream=$("$CLI" bench --provider stream --count "$LK_COUNT" --json | field tokensPerSecond)
twilio=$("$CLI" bench --provider twilio --count "$LK_COUNT" --json | field tokensPerSecond)
hms=$("$CLI" bench --provider 100ms --count "$LK_COUNT" --json | field tokensPerSecond)
agora_ours=$("$CLI" bench --provider agora --count "$LK_COUNT" --json | field tokensPerSecond)
opentok=$("$CLI" bench --provider opentok --count "$LK_COUNT" --json | field tokensPerSecond)
vonage=$("$CLI" bench --provider vonage --count "$RSA_COUNT" --json | field tokensPerSecond)
agora_node_json=$(node tests/bench/agora-node-bench.mjs --count "$NODE_COUNT")
agora_node=$(echo "$agora_node_json" | field tokensPerSecond)
agora_sdk=$(echo "$agora_node_json" | field version)

ratio() { node -e 'console.log((Number(process.argv[1])/Number(process.argv[2])).toFixed(2))' "$1" "$2"; }
round() { node -e 'console.log(Math.round(Number(process.argv[1])))' "$1"; }

cat <<TABLE

| Measurement | TokenDesk | Reference | Ratio | Target |
|---|---:|---:|---:|---|
| LiveKit HS256 mints/s (1 thread) | $(round "$lk_ours") | $(round "$lk_node") (livekit-server-sdk $lk_sdk, Node) | $(ratio "$lk_ours" "$lk_node")x | >= 5x |
| JaaS RS256 mints/s (1 thread) | $(round "$jaas_1") | $(round "$openssl_sign") (openssl speed rsa2048 sign/s) | $(ratio "$jaas_1" "$openssl_sign")x | >= 0.9x |
| JaaS RS256 mints/s (2 threads) | $(round "$jaas_2") | $(round "$jaas_1") (TokenDesk, 1 thread) | $(ratio "$jaas_2" "$jaas_1")x | ~2x |
| Zego Token04 GCM mints/s (1 thread) | $(round "$zego") | - | - | - |
| Jitsi HS256 mints/s (1 thread) | $(round "$jitsi") | - | - | - |
| Stream HS256 mints/s (1 thread) | $(round "$stream") | $(round "$lk_ours") (TokenDesk LiveKit, same run) | $(ratio "$stream" "$lk_ours")x | >= 0.8x |
| Twilio HS256 mints/s (1 thread) | $(round "$twilio") | $(round "$lk_ours") (TokenDesk LiveKit, same run) | $(ratio "$twilio" "$lk_ours")x | >= 0.8x |
| 100ms HS256 mints/s (1 thread) | $(round "$hms") | $(round "$lk_ours") (TokenDesk LiveKit, same run) | $(ratio "$hms" "$lk_ours")x | >= 0.8x |
| OpenTok T1 mints/s (1 thread) | $(round "$opentok") | - | - | - |
| Vonage RS256 mints/s (1 thread) | $(round "$vonage") | $(round "$openssl_sign") (openssl speed rsa2048 sign/s) | $(ratio "$vonage" "$openssl_sign")x | - |
| Agora 007 mints/s (1 thread) | $(round "$agora_ours") | $(round "$agora_node") (agora-token $agora_sdk, Node) | $(ratio "$agora_ours" "$agora_node")x | >= 5x |
TABLE
