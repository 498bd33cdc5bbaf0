#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The generated bash completion, driven the way bash drives it: the script is sourced in `bash --norc`, COMP_WORDS
# and COMP_CWORD are set, _tokendesk_cli is called and COMPREPLY is compared. Profile names come from a private
# config directory and vault (nothing touches the user's profiles). The zsh and fish scripts are syntax-checked (and
# fish's completions queried) when those shells are installed; otherwise that part is skipped, saying so.
#   tst_cli_completion.sh CLI COMPLETIONS_DIR
set -u
cli=$1
dir=$2
bash_script=$dir/tokendesk-cli

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
for v in $(env | grep -E '^(LIVEKIT_|ZEGO_|JAAS_|JITSI_|TOKENDESK_)' | cut -d= -f1); do unset "$v"; done
export HOME=$home XDG_CONFIG_HOME=$home/.config TOKENDESK_CONFIG_DIR=$home/cfg TOKENDESK_SECRET_STORE=vault \
    TOKENDESK_VAULT_PASSPHRASE=completion-test

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

[ -s "$bash_script" ] || { echo "FAIL: $bash_script was not generated" >&2; exit 1; }
"$cli" profile add alpha --provider livekit --api-key APIalpha \
    --api-secret alpha-secret-0123456789abcdef0123456789 2>/dev/null || fail "profile add alpha"
"$cli" profile add --name beta --provider zego --app-id 123456 \
    --server-secret 0123456789abcdef0123456789abcdef 2>/dev/null || fail "profile add --name beta"
"$cli" profile add gamma --config-dir "$home/other" --provider zego --app-id 7 \
    --server-secret 0123456789abcdef0123456789abcdef 2>/dev/null || fail "profile add gamma --config-dir"
touch "$home/key-one.pem" "$home/key-two.pem"

# complete EXPECTED WORD... : the words after the program name, the last one being completed.
complete_words() {
    local expected=$1
    shift
    local got
    got=$(bash --norc --noprofile -c '
        source "$1" || exit 9
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMPREPLY=()
        _tokendesk_cli
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$bash_script" "$cli" "$@")
    got=${got% }
    local want
    want=$(printf '%s\n' $expected | sort | tr '\n' ' ')
    want=${want% }
    if [ "$got" != "$want" ]; then
        fail "tokendesk-cli $* <TAB>: got [$got], want [$want]"
    else
        echo "ok: tokendesk-cli $* <TAB> -> $got"
    fi
}

complete_words "mint decode verify batch matrix bench profile serve completion" ''
complete_words "mint matrix" m
complete_words "livekit zego jaas jitsi stream twilio 100ms agora vonage opentok" mint ''
complete_words "--room --room-config --room-preset" mint livekit --ro
complete_words "--room-config --room-preset" mint livekit --room lobby --ro
complete_words "--attribute" mint livekit --attribute a=b --attr
complete_words "true false" mint livekit --can-publish ''
complete_words "false" mint livekit --can-publish = f
complete_words "gcm cbc" mint zego --cipher ''
complete_words "owner member" mint jitsi --affiliation ''
complete_words "livekit zego jaas jitsi stream twilio 100ms agora vonage opentok" batch --provider ''
complete_words "jaas jitsi" decode --provider j
complete_words "list show add edit remove import export" profile ''
complete_words "--names" profile list --nam
complete_words "alpha beta" profile show ''
complete_words "alpha" profile remove a
complete_words "alpha beta" mint zego --profile ''
complete_words "gamma" profile edit --config-dir "$home/other" ''
complete_words "$home/key-one.pem $home/key-two.pem" mint jaas --private-key "$home/key-"
complete_words "bash zsh fish" completion ''
complete_words "--help --version" --

# zsh: the completion system's builtins replaced by stubs that print what would be offered (zsh filters by prefix).
zsh_offers() {
    zsh -f -c '
        compadd() { if [[ $1 == -a ]]; then print -rl -- ${(P)2}; else shift; print -rl -- "$@"; fi }
        _describe() { print -rl -- ${${(P)${@[-1]}}%%:*} }
        _files() { print -r -- @files }
        compset() { return 0 }
        script=$1; shift
        words=("$@"); CURRENT=$#words
        source $script' _ "$dir/_tokendesk-cli" "$cli" "$@" | sort | tr '\n' ' '
}
zsh_check() { # EXPECTED WORD...
    local want got
    want=$(printf '%s\n' $1 | sort | tr '\n' ' ')
    shift
    got=$(zsh_offers "$@")
    [ "$got" = "$want" ] && echo "ok: zsh: $* <TAB> -> $got" || fail "zsh: $* <TAB>: got [$got], want [$want]"
}
if command -v zsh >/dev/null; then
    zsh -n "$dir/_tokendesk-cli" && echo "ok: zsh -n _tokendesk-cli" || fail "zsh -n $dir/_tokendesk-cli"
    zsh_check "livekit zego jaas jitsi stream twilio 100ms agora vonage opentok" mint ''
    zsh_check "true false" mint livekit --can-publish ''
    zsh_check "alpha beta" profile show ''
    zsh_check "@files" mint jaas --private-key ''
else
    echo "SKIP: zsh is not installed: the zsh script was not syntax-checked (apt-get install zsh)"
fi
if command -v fish >/dev/null; then
    fish --no-execute "$dir/tokendesk-cli.fish" && echo "ok: fish --no-execute" || fail "fish --no-execute"
    got=$(fish --no-config -c "source '$dir/tokendesk-cli.fish'; complete -C'$cli mint '" | cut -f1 | sort | tr '\n' ' ')
    [ "$got" = "100ms agora jaas jitsi livekit opentok stream twilio vonage zego " ] && echo "ok: fish: mint <TAB>" || fail "fish mint <TAB>: got [$got]"
    got=$(fish --no-config -c "source '$dir/tokendesk-cli.fish'; complete -C'$cli profile show '" | cut -f1 | sort |
        tr '\n' ' ')
    [ "$got" = "alpha beta " ] && echo "ok: fish: profile show <TAB>" || fail "fish profile show <TAB>: got [$got]"
else
    echo "SKIP: fish is not installed: the fish script was not checked (apt-get install fish)"
fi

[ -d "$home/.config/tokendesk" ] && fail "the real-user config directory was used"
[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "all completion checks passed"
