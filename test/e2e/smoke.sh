#!/bin/sh
# Usage: smoke.sh FUZZER TEST DIR RUNS SEED
#
# A native fuzz test is a regression test when run without --fuzz: it runs
# its corpus, its saved crash reproducers and the empty input, and exits 0 —
# until a saved reproducer still fails, which must make it exit non-zero.
# TEST must have a bug the fuzzer finds within -runs=RUNS -seed=SEED.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || fail "usage: $0 FUZZER TEST DIR RUNS SEED"
fuzzer=$1 test=$2 dir=$3 runs=$4 seed=$5
work=$dir/work

fresh_dir "$dir"
run_logged "$dir/fresh.log" "$fuzzer" -workdir="$work"
expect_status 0 "smoke mode on a fresh work directory" "$dir/fresh.log"

run_logged "$dir/fuzz.log" "$fuzzer" --fuzz="$test" -workdir="$work" -runs="$runs" -seed="$seed" \
  -artifact_prefix="$dir/"
expect_status 77 "fuzzing to get a saved reproducer" "$dir/fuzz.log"

run_logged "$dir/regress.log" "$fuzzer" -workdir="$work"
if [ "$status" -eq 0 ]; then
  tail -n 20 "$dir/regress.log" >&2
  fail "smoke mode exited 0 although the saved reproducer of '$test' still fails"
fi
[ "$status" -lt 128 ] || fail "smoke mode died of signal $((status - 128)) instead of reporting the failure"
regress_status=$status

# Reproduce mode (SPEC 4): a file argument runs once; the reproducer fails
# (the crash exit code), the empty file passes.
reproducer=$(sed -n 's/^.*Test unit written to \(.*\)$/\1/p' "$dir/fuzz.log" | tail -n 1)
[ -f "$reproducer" ] || fail "no reproducer file named in $dir/fuzz.log"
run_logged "$dir/repro.log" "$fuzzer" -workdir="$dir/other" -artifact_prefix="$dir/" "$reproducer"
expect_status 77 "reproduce mode on the saved reproducer" "$dir/repro.log"
: >"$dir/empty-input"
run_logged "$dir/repro-empty.log" "$fuzzer" -workdir="$dir/other" "$dir/empty-input"
expect_status 0 "reproduce mode on an empty file" "$dir/repro-empty.log"
note "smoke mode: 0 on a fresh work directory, $regress_status with a failing saved reproducer; reproduce mode: 77 / 0"
