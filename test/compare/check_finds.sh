#!/bin/sh
# Runs a libFuzzer-linked target for a fixed budget and checks the outcome.
#
#   check_finds.sh finds  FUZZER RUNS SEED [libFuzzer flags...]
#       passes if the fuzzer crashes (the planted bug) within RUNS executions
#   check_finds.sh misses FUZZER RUNS SEED [libFuzzer flags...]
#       passes if the fuzzer completes all RUNS executions without a crash
#
# Prints how many executions the run took (libFuzzer's final stats), which is
# how the budgets in CMakeLists.txt were chosen.
set -u
if [ $# -lt 4 ]; then
  echo "usage: $0 finds|misses FUZZER RUNS SEED [flags...]" >&2
  exit 2
fi
mode=$1 fuzzer=$2 runs=$3 seed=$4
shift 4
case $mode in
  finds|misses) ;;
  *) echo "$0: unknown mode '$mode' (finds or misses)" >&2; exit 2 ;;
esac
if [ ! -x "$fuzzer" ]; then
  echo "$0: $fuzzer: not an executable (was it built?)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cfuzz-compare.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
log="$work/log"

"$fuzzer" -runs="$runs" -seed="$seed" -max_len=64 -print_final_stats=1 \
  -artifact_prefix="$work/" "$@" >"$log" 2>&1
status=$?
executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo "$(basename "$fuzzer"): exit $status after ${executed:-?} executions (budget $runs, seed $seed)"

crashed=no
if [ $status -ne 0 ] && grep -q "ERROR: libFuzzer: deadly signal" "$log" &&
   ls "$work"/crash-* >/dev/null 2>&1; then
  crashed=yes
fi

if [ $mode = finds ] && [ $crashed = yes ]; then
  exit 0
fi
if [ $mode = misses ] && [ $status -eq 0 ] && grep -q "^Done $runs runs" "$log"; then
  exit 0
fi
echo "FAIL: expected the fuzzer to $mode the bug; log tail:" >&2
tail -n 20 "$log" >&2
exit 1
