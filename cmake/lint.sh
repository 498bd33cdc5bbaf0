#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Static checks run by `bash cmake/dev.sh test`; each fails on any finding (the tree is kept at zero findings, so any
# finding is a new one).
#   bash cmake/lint.sh format          clang-format-16 --dry-run on every C++ file in git
#   bash cmake/lint.sh format --fix    reformat them in place
#   bash cmake/lint.sh tidy [BUILD]    clang-tidy-16 (.clang-tidy) on core/, app/ and ui/ with BUILD's compile
#                                      commands (default build/asan: the clang-16 build)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
format)
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
    if [ "${2:-}" = "--fix" ]; then
        clang-format-16 -i "${files[@]}"
    else
        clang-format-16 --dry-run --Werror "${files[@]}"
        echo "clang-format: ${#files[@]} files clean"
    fi
    ;;
tidy)
    build=${2:-build/asan}
    [ -f "$build/compile_commands.json" ] || { echo "configure $build first (cmake --preset asan)" >&2; exit 2; }
    # Generated sources (moc, resources) must exist before their includers are analysed.
    cmake --build "$build" --target tokendesk-cli tokendesk >/dev/null
    mapfile -t files < <(git ls-files 'core/*.cpp' 'app/*.cpp' 'ui/*.cpp')
    log=$(mktemp)
    # -warnings-as-errors: every enabled check fails the run; xargs -P runs one clang-tidy per core.
    if ! printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy-16 -p "$build" --quiet --warnings-as-errors='*' \
        >"$log" 2>&1; then
        grep -E 'warning:|error:' "$log" | sort -u
        echo "clang-tidy: findings above" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
    echo "clang-tidy: ${#files[@]} files clean"
    ;;
*)
    echo "usage: bash cmake/lint.sh format [--fix] | tidy [BUILD]" >&2
    exit 2
    ;;
esac
