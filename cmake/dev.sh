#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's quick start: `bash cmake/dev.sh run` or `bash cmake/dev.sh test` on a fresh Debian 12 machine.
# Installs what is missing (apt, npm), builds, then starts TokenDesk or runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libyaml-cpp-dev
          qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6svg6 libqrencode-dev qt6-translations-l10n libssl-dev libxkbcommon-dev openssl python3
          libjemalloc-dev zlib1g-dev)

log() { printf '\033[1m==> %s\033[0m  (%d s)\n' "$*" "$SECONDS"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "need root to install packages: $*" >&2; exit 2; fi
}

install_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}"
    fi
}

build() { # preset
    log "building ($1)"
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service).
with_keyring() {
    local data
    data=$(mktemp -d)
    XDG_DATA_HOME="$data" dbus-run-session -- bash -c \
        'printf %s tokendesk-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' _ "$@"
    local rc=$?
    rm -rf "$data"
    return $rc
}

# Builds the Debian package from the ci build, installs it with dpkg -i, uses what was installed, removes it.
package_smoke() {
    install_packages dpkg-dev appstream desktop-file-utils man-db
    log "Debian package: build, validate, install, smoke test, remove"
    appstreamcli validate --no-net packaging/io.github.tokendesk.TokenDesk.metainfo.xml
    desktop-file-validate packaging/io.github.tokendesk.TokenDesk.desktop
    rm -rf build/ci/package
    cpack --config build/ci/CPackConfig.cmake -B build/ci/package >/dev/null
    local deb
    deb=$(ls build/ci/package/tokendesk_*.deb)
    dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
    as_root dpkg -i "$deb"
    local home
    home=$(mktemp -d)
    (
        set -euo pipefail
        export HOME="$home" XDG_CONFIG_HOME="$home/.config" TOKENDESK_SECRET_STORE=vault
        version=$(sed -n 's/^project(TokenDesk VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
        [ "$(/usr/bin/tokendesk-cli --version)" = "tokendesk-cli $version" ]
        token=$(LIVEKIT_API_KEY=APIsmoke LIVEKIT_API_SECRET=smoke-secret-0123456789abcdef0123 \
                /usr/bin/tokendesk-cli mint livekit --identity smoke --room lobby --ttl 10m)
        LIVEKIT_API_KEY=APIsmoke LIVEKIT_API_SECRET=smoke-secret-0123456789abcdef0123 \
            /usr/bin/tokendesk-cli verify --provider livekit "$token" >/dev/null
        man -w tokendesk-cli >/dev/null
        for f in /usr/share/applications/io.github.tokendesk.TokenDesk.desktop \
                 /usr/share/metainfo/io.github.tokendesk.TokenDesk.metainfo.xml \
                 /usr/share/icons/hicolor/scalable/apps/io.github.tokendesk.TokenDesk.svg \
                 /usr/share/icons/hicolor/symbolic/apps/io.github.tokendesk.TokenDesk-symbolic.svg \
                 /usr/lib/systemd/user/tokendesk-serve.service /usr/share/doc/tokendesk/copyright \
                 /usr/share/bash-completion/completions/tokendesk-cli /usr/share/zsh/vendor-completions/_tokendesk-cli \
                 /usr/share/fish/vendor_completions.d/tokendesk-cli.fish; do
            [ -f "$f" ] || { echo "missing after install: $f" >&2; exit 1; }
        done
        # The installed bash completion completes the installed CLI: mint <TAB> offers the providers its --help lists.
        providers=$(/usr/bin/tokendesk-cli --help | awk '$1 == "mint" { print $2 }' | xargs)
        [ -n "$providers" ] || { echo "tokendesk-cli --help lists no mint command" >&2; exit 1; }
        PROVIDERS=$providers bash --norc --noprofile -c 'source /usr/share/bash-completion/completions/tokendesk-cli
            COMP_WORDS=(tokendesk-cli mint ""); COMP_CWORD=2; _tokendesk_cli
            [ "${COMPREPLY[*]}" = "$PROVIDERS" ]' || { echo "installed bash completion broken" >&2; exit 1; }
        # The installed desktop app starts and paints its window once (offscreen), then is closed.
        QT_QPA_PLATFORM=offscreen TOKENDESK_STARTUP_PROBE=1 /usr/bin/tokendesk >"$home/gui.out" 2>"$home/gui.err" &
        pid=$!
        for _ in $(seq 100); do grep -q first-paint-ms "$home/gui.out" && break; sleep 0.2; done
        kill "$pid"; wait "$pid" || true
        grep -q first-paint-ms "$home/gui.out" || { echo "the installed GUI did not paint:" >&2; cat "$home/gui.err" >&2; exit 1; }
    ) || { rm -rf "$home"; as_root dpkg -r tokendesk; return 1; }
    rm -rf "$home"
    as_root dpkg -r tokendesk
    ! command -v tokendesk-cli >/dev/null || { echo "tokendesk-cli still installed after dpkg -r" >&2; return 1; }
    log "package $(basename "$deb") installed, used and removed"
}

interop_deps() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        install_packages nodejs npm
    fi
    log "installing pinned npm verifiers (tests/interop)"
    (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
}

case "${1:-}" in
run)
    # Builds only what it starts, in build/ci (the tree `test` uses too), so a run after a test, or a second run, rebuilds nothing.
    log "run: installs missing packages, builds tokendesk and tokendesk-cli only (about 4½ min the first time on 2 cores, a second after), starts the window"
    install_packages "${PACKAGES[@]}"
    if [ ! -f build/ci/build.ninja ]; then
        log "configuring build/ci (once)"
        mkdir -p build
        cmake --preset ci >build/configure.log 2>&1 || { cat build/configure.log >&2; exit 1; }
    fi
    log "building tokendesk and tokendesk-cli ([done/total] steps below)"
    cmake --build --preset ci --target tokendesk tokendesk-cli
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        log "no display: run it under X (or: xvfb-run bash cmake/dev.sh run); the CLI is build/ci/app/cli/tokendesk-cli"
        exit 2
    fi
    log "starting TokenDesk (build/ci/app/gui/tokendesk)"
    exec build/ci/app/gui/tokendesk
    ;;
test)
    install_packages "${PACKAGES[@]}" gnome-keyring dbus dbus-bin chromium \
        clang-16 libclang-rt-16-dev llvm-16 lld-16 clang-tidy-16 clang-format-16
    interop_deps
    log "clang-format"
    bash cmake/lint.sh format
    build ci
    log "tests: unit, CLI, server, interop, browser and the Secret Service keychain (ci preset, warnings are errors)"
    TOKENDESK_REQUIRE_KEYCHAIN=1 TOKENDESK_REQUIRE_BROWSER=1 TOKENDESK_REQUIRE_INTEROP=1 with_keyring ctest --preset ci
    package_smoke
    build asan
    log "the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang-16)"
    TOKENDESK_REQUIRE_KEYCHAIN=1 TOKENDESK_REQUIRE_BROWSER=1 TOKENDESK_REQUIRE_INTEROP=1 with_keyring ctest --preset asan
    log "libFuzzer: every target for 60 s"
    bash tests/fuzz/run.sh 60
    log "clang-tidy"
    bash cmake/lint.sh tidy build/asan
    log "all tests passed"
    ;;
*)
    echo "usage: bash cmake/dev.sh run|test" >&2
    exit 2
    ;;
esac
