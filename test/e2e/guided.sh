#!/bin/sh
# Usage: guided.sh finds|misses FUZZER DIR RUNS SEED [flags...]
#
# Comparison-guided and dictionary cases (issue 11): fuzzes a libFuzzer-style
# target with -runs=RUNS -seed=SEED and the given flags. "finds" passes if the
# planted bug (abort) is reported with a reproducer that replays to the same
# crash; "misses" if all RUNS executions complete without a crash (the
# control that shows the flag or the tracing is what finds it).
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -ge 5 ] || fail "usage: $0 finds|misses FUZZER DIR RUNS SEED [flags...]"
mode=$1 fuzzer=$2 dir=$3 runs=$4 seed=$5
shift 5

fresh_dir "$dir"
mkdir "$dir/corpus"
run_logged "$dir/log" "$fuzzer" -runs="$runs" -seed="$seed" -workdir="$dir/work" -artifact_prefix="$dir/" \
  "$@" "$dir/corpus"
if [ "$mode" = misses ]; then
  expect_status 0 "running -runs=$runs -seed=$seed without finding the bug" "$dir/log"
  expect_line "^Done $runs runs" "Done line" "$dir/log"
  note "missed within -runs=$runs -seed=$seed, as expected"
  exit 0
fi
expect_status 77 "finding the bug within -runs=$runs -seed=$seed" "$dir/log"
expect_line '^==[0-9]+== ERROR: libFuzzer: deadly signal' "crash report line" "$dir/log"
repro=$(reproducer_of "$dir/log")
[ -n "$repro" ] && [ -f "$repro" ] || fail "no reproducer in $dir/log"
run_logged "$dir/replay.log" "$fuzzer" -artifact_prefix="$dir/replay-" "$repro"
expect_status 77 "replaying $repro" "$dir/replay.log"
note "found within -runs=$runs -seed=$seed: $repro"
