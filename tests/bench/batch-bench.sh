#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Batch benchmark (issue 6), side by side in one run on this machine: 100,000 LiveKit participants from CSV to a
# CSV of tokens, join links, expiry and grant summaries, by
#   tokendesk-cli batch            (credentials from the environment, like the Node script)
#   livekit-node-batch.mjs         (livekit-server-sdk AccessToken.toJwt(), streaming the same files)
# Each is run 3 times, alternating, with a sync before each run, with the files on disk and again on tmpfs; the
# table shows medians of wall time (process start to exit) and peak RSS.
# Memory is also measured for 10,000 and 100,000 rows: a streamed batch keeps the same peak whatever the size.
# Usage: bash tests/bench/batch-bench.sh [--rows N]   (needs a built ci preset and `npm ci` in tests/interop)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${TOKENDESK_CLI:-build/ci/app/cli/tokendesk-cli}
[ -x "$CLI" ] || { echo "build first: cmake --preset ci && cmake --build --preset ci" >&2; exit 2; }
[ -d tests/interop/node_modules ] || (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
ROWS=100000
[ "${1:-}" = "--rows" ] && ROWS=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIVEKIT_API_KEY=APIbench LIVEKIT_API_SECRET=bench-secret-0123456789abcdef0123456789 LIVEKIT_URL=wss://bench.example.com

python3 - "$work" "$ROWS" <<'PY'
import sys
work, rows = sys.argv[1], int(sys.argv[2])
presets = ["viewer", "speaker", "moderator", ""]
for n, name in ((rows, "rows.csv"), (rows // 10, "rows-small.csv")):
    with open(f"{work}/{name}", "w") as f:
        f.write("identity,name,room,preset,ttl\n")
        for i in range(n):
            f.write(f"user-{i},User {i},room-{i % 100},{presets[i % 4]},1h\n")
PY

# Runs a command, prints "<seconds> <peak RSS in MB>". The previous run's output is flushed to disk first, so
# neither side is timed while the kernel writes back the other's 140 MB.
measure() {
    sync
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
print(f"{wall:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}")
PY
}
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

# Three alternating runs per side and place: files on disk (the temporary directory), then on tmpfs (/dev/shm),
# which takes the disk out of the measurement and shows the CPU side alone.
declare -A T M
places=(disk)
[ -d /dev/shm ] && [ -w /dev/shm ] && places+=(tmpfs)
for place in "${places[@]}"; do
    dir=$work
    if [ "$place" = tmpfs ]; then dir=$(mktemp -d /dev/shm/td-bench.XXXXXX); cp "$work/rows.csv" "$dir/"; fi
    ot=(); om=(); nt=(); nm=()
    for _ in 1 2 3; do
        read -r t m < <(measure "$CLI" batch --provider livekit --input "$dir/rows.csv" --output "$dir/ours.csv")
        ot+=("$t"); om+=("$m")
        read -r t m < <(measure node tests/bench/livekit-node-batch.mjs --input "$dir/rows.csv" --output "$dir/node.csv")
        nt+=("$t"); nm+=("$m")
    done
    # Both outputs must hold a token for every row.
    [ "$(wc -l < "$dir/ours.csv")" -eq $((ROWS + 1)) ] && [ "$(wc -l < "$dir/node.csv")" -eq $((ROWS + 1)) ] \
        || { echo "an output is missing rows" >&2; exit 1; }
    T[$place,ours]=$(median "${ot[@]}"); T[$place,node]=$(median "${nt[@]}")
    M[$place,ours]=$(median "${om[@]}"); M[$place,node]=$(median "${nm[@]}")
    [ "$place" = tmpfs ] && rm -rf "$dir"
done
read -r _ small_m < <(measure "$CLI" batch --provider livekit --input "$work/rows-small.csv" --output "$work/ours-small.csv")
read -r _ node_small_m < <(measure node tests/bench/livekit-node-batch.mjs --input "$work/rows-small.csv" --output "$work/node-small.csv")
ratio() { python3 -c "print(f'{$2 / $1:.2f}')"; }
rate() { python3 -c "print(round($ROWS / $1))"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)   node: $(node --version)"
echo
echo "| $ROWS LiveKit rows, CSV in, CSV out (median of 3) | TokenDesk | livekit-server-sdk (Node) | Ratio | Target |"
echo "|---|---:|---:|---:|---|"
for place in "${places[@]}"; do
    echo "| Wall time, files on $place | ${T[$place,ours]} s ($(rate "${T[$place,ours]}") rows/s) | ${T[$place,node]} s ($(rate "${T[$place,node]}") rows/s) | $(ratio "${T[$place,ours]}" "${T[$place,node]}")x | >= 5x |"
done
echo "| Peak RSS, $ROWS rows | ${M[disk,ours]} MB | ${M[disk,node]} MB | | bounded |"
echo "| Peak RSS, $((ROWS / 10)) rows | ${small_m} MB | ${node_small_m} MB | | |"
