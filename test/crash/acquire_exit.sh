#!/bin/sh
# A target that takes the sanitizers' crash state
# (__sanitizer_acquire_crash_state) and then calls exit(0) is reporting by
# itself: as libFuzzer, cfuzz must not call it "fuzz target exited" nor
# write a reproducer (BUG_ACQUIRE_EXIT, on the seed 'X').
#
#   acquire_exit.sh TARGET DIR
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

target=$1 dir=$2
fresh_dir "$dir"
mkdir "$dir/corpus" "$dir/artifacts"
printf 'X' >"$dir/corpus/seed"
run_logged "$dir/log" "$target" -runs=10 -seed=1 -workdir="$dir/work" -artifact_prefix="$dir/artifacts/" "$dir/corpus"
expect_status 0 "exit(0) after __sanitizer_acquire_crash_state" "$dir/log"
! grep -q 'fuzz target exited' "$dir/log" || fail "reported as 'fuzz target exited' (log $dir/log)"
[ -z "$(ls "$dir/artifacts")" ] || fail "a reproducer was written: $(ls "$dir/artifacts")"
note "acquire_exit: no report, no reproducer"
