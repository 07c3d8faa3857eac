#!/bin/sh
# Usage: msan.sh CASE FUZZER DIR
#
# Targets built with -fsanitize=memory (targets/msan*.c). As with libFuzzer,
# the runtime keeps MSan from reporting its own calls and stale shadow:
#   clean     FUZZER (targets/msan.c) runs 3000 times without a report
#   mutator   FUZZER (targets/msan_custom_mutator.c) too, through its custom
#             mutator and cross-over
#   bug       FUZZER (targets/msan.c) finds its planted uninitialised read,
#             reported by MSan, and writes the reproducer
set -eu
. "$(dirname "$0")/lib.sh"
case_args "$0" "$@"
common="-workdir=$dir/w -artifact_prefix=$dir/ -seed=1"

case $case in
clean|mutator)
  # clean: -max_len=2 keeps the planted bug out of reach. mutator:
  # -len_control=0 for inputs as long as -max_len, so the mutator grows them.
  max_len=64
  [ "$case" = mutator ] || max_len=2
  run_logged "$log" "$fuzzer" $common -runs=3000 -max_len=$max_len -len_control=0
  ! grep -q 'MemorySanitizer' "$log" || { cat "$log" >&2; fail "$case: MemorySanitizer reported"; }
  expect_status 0 "$case" "$log"
  expect_line '^Done 3000 runs' "$case" "$log"
  ;;
bug)
  run_logged "$log" "$fuzzer" $common -runs=200000
  expect_line 'WARNING: MemorySanitizer: use-of-uninitialized-value' bug "$log"
  [ "$status" -ne 0 ] || fail "bug: exit status 0"
  repro=$(reproducer_of "$log")
  [ -f "$repro" ] || fail "bug: no reproducer"
  [ "$(head -c 3 "$repro")" = UNI ] || fail "bug: the reproducer does not start with UNI"
  ;;
*)
  fail "unknown case $case"
  ;;
esac
