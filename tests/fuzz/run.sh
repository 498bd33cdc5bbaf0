#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every libFuzzer target (or the ones named) for SECONDS each, two at a time, from the seed corpus in
# tests/fuzz/corpus. New inputs go to a scratch corpus under the build directory, never into the repository.
# A crash, leak, timeout or sanitizer report stops that target; its input is kept in build/asan/fuzz/artifacts and
# the script exits 1. Turn it into a regression: copy it to tests/fuzz/regressions/<target>/, fix, and ctest
# replays it from then on (fuzz_replay_<target>).
# Usage: bash tests/fuzz/run.sh [SECONDS] [TARGET...]     (needs the asan preset: clang-16, libclang-rt-16-dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
shift || true
BUILD=${TOKENDESK_FUZZ_BUILD:-build/asan}
JOBS=${TOKENDESK_FUZZ_JOBS:-$(nproc)}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=($(sed -n 's/^set(TOKENDESK_FUZZ_TARGETS \([a-z0-9_ ]*\))$/\1/p' tests/fuzz/CMakeLists.txt))
fi
if [ ${#TARGETS[@]} -eq 0 ]; then
    echo "no fuzz targets found in tests/fuzz/CMakeLists.txt" >&2
    exit 2
fi
if [ ! -f "$BUILD/build.ninja" ]; then
    cmake --preset asan >/dev/null
fi
cmake --build "$BUILD" --target fuzzers >/dev/null

OUT="$BUILD/fuzz"
mkdir -p "$OUT"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
if command -v llvm-symbolizer-16 >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer-16); fi

run_one() { # target
    local t=$1 log="$OUT/$1.log"
    mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t"
    # -timeout: one input may take 10 s at most; -rss_limit_mb: a parser that balloons is a finding.
    if "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t/" "$OUT/corpus/$t" "tests/fuzz/corpus/$t" \
        >"$log" 2>&1; then
        printf '%-16s ok    %s\n' "$t" "$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2 " runs"}')"
    else
        printf '%-16s FOUND %s\n' "$t" "$(ls "$OUT/artifacts/$t" | head -1)"
        grep -E 'ERROR|runtime error|SUMMARY|==[0-9]+==' "$log" | head -5
        return 1
    fi
}

failed=0
running=0
for t in "${TARGETS[@]}"; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while [ "$running" -gt 0 ]; do
    wait -n || failed=1
    running=$((running - 1))
done
if [ "$failed" -ne 0 ]; then
    echo "fuzzing found problems: inputs in $OUT/artifacts, logs in $OUT/*.log" >&2
    exit 1
fi
echo "fuzzing: ${#TARGETS[@]} targets, ${SECONDS_EACH} s each, no findings"
