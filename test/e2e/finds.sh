#!/bin/sh
# Usage: finds.sh FUZZER DIR RUNS SEED EXPECT [TEST]
#
# Fuzzes with -runs=RUNS -seed=SEED and checks that the planted bug is found:
# exit 77, libFuzzer's ERROR and SUMMARY lines, a reproducer whose bytes start
# with EXPECT (a printf format, so '\002' is a byte), and that the crashing
# input did not go into the corpus. With TEST the fuzzer is a native one
# (--fuzz=TEST, work directory DIR/work); without, a libFuzzer-style one
# (corpus DIR/corpus, reproducers in DIR/), whose reproducer is also replayed.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || [ $# -eq 6 ] || fail "usage: $0 FUZZER DIR RUNS SEED EXPECT [TEST]"
fuzzer=$1 dir=$2 runs=$3 seed=$4 expect=$5 test=${6-}

fresh_dir "$dir"
if [ -n "$test" ]; then
  corpus=$dir/work/f/$test
  run_logged "$dir/log" "$fuzzer" --fuzz="$test" -workdir="$dir/work" -runs="$runs" -seed="$seed" \
    -artifact_prefix="$dir/"
else
  corpus=$dir/corpus
  mkdir "$corpus"
  # Its own work directory: a coverage file left in the default ./.cfuzz by
  # another test would change the run, and -seed=SEED must mean one run.
  run_logged "$dir/log" "$fuzzer" -workdir="$dir/work" -runs="$runs" -seed="$seed" -artifact_prefix="$dir/" \
    "$corpus"
fi
expect_status 77 "finding the bug within -runs=$runs -seed=$seed" "$dir/log"
if [ -n "$test" ]; then
  # A failing native test is not one of libFuzzer's crash kinds; any ERROR
  # line in the sanitizer format will do.
  expect_line '^==[0-9]+== ERROR: ' "failure report line" "$dir/log"
else
  # The planted bug traps (SIGILL): ClusterFuzz parses this exact line.
  expect_line '^==[0-9]+== ERROR: libFuzzer: deadly signal' "crash report line" "$dir/log"
fi
expect_line '^SUMMARY: ' "SUMMARY line" "$dir/log"

repro=$(reproducer_of "$dir/log")
[ -n "$repro" ] || fail "no 'Test unit written to' line in $dir/log"
[ -f "$repro" ] || fail "reproducer $repro does not exist"
# shellcheck disable=SC2059 # EXPECT is a printf format on purpose
printf "$expect" >"$dir/expect"
n=$(wc -c <"$dir/expect")
head -c "$n" "$repro" | cmp -s - "$dir/expect" ||
  fail "reproducer $repro does not start with the expected bytes (see $dir/expect)"

if [ -d "$corpus" ]; then
  for f in "$corpus"/*; do
    [ -f "$f" ] || continue
    ! cmp -s "$f" "$repro" || fail "the crashing input was saved as corpus entry $f"
  done
fi

if [ -z "$test" ]; then
  # Reproduce mode writes its own artifact too; keep it in this directory.
  run_logged "$dir/replay.log" "$fuzzer" -artifact_prefix="$dir/replay-" "$repro"
  expect_status 77 "replaying $repro" "$dir/replay.log"
fi
note "found within -runs=$runs -seed=$seed: $repro"
