#!/bin/sh
# Usage: run-example.sh FUZZER TEST WORKDIR
#
# Fuzzes native test TEST of FUZZER in a fresh WORKDIR until it fails.
# Success means the fuzzer found the bug: it exited 77 (crash) and wrote a
# reproducer, whose path is printed. Stopping without a find, or any other
# exit code, is a failure of this script.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 FUZZER TEST WORKDIR" >&2
  exit 2
fi
fuzzer=$1 test=$2 dir=$3

# A previous run's corpus would make the find instant and prove nothing.
rm -rf "$dir"
mkdir -p "$dir"
log=$dir/fuzz.log

# The time bound only keeps a broken build from running forever; the example
# is normally found within seconds. The output is shown as it comes and kept
# for the summary; POSIX sh has no pipefail, so the status goes via a file.
{
  status=0
  "$fuzzer" --fuzz="$test" -workdir="$dir/work" -artifact_prefix="$dir/" -max_total_time=600 || status=$?
  echo "$status" >"$dir/status"
} 2>&1 | tee "$log"
status=$(cat "$dir/status")

reproducer=$(sed -n 's/^.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
if [ "$status" -ne 77 ]; then
  echo "fuzz-example: FAILED: the fuzzer exited $status, expected 77 (crash found); log: $log" >&2
  exit 1
fi
if [ -z "$reproducer" ] || [ ! -f "$reproducer" ]; then
  echo "fuzz-example: FAILED: exit 77 but no reproducer file ('Test unit written to' line); log: $log" >&2
  exit 1
fi
echo "fuzz-example: found the failing input of '$test'"
echo "fuzz-example: reproducer: $reproducer"
echo "fuzz-example: replay it: $fuzzer $reproducer"
# Native tests also replay their saved reproducers in every run without --fuzz.
echo "fuzz-example: or as a regression run (now failing): $fuzzer -workdir=$dir/work"
