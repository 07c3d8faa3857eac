#!/bin/sh
# -keep_going=1 keeps fuzzing after each bug and writes each distinct bug
# once: the target has two (a SEGV on 'X...', an abort on 'Y...'), each hit
# many times in the run; exactly two reproducers must come out, one per bug,
# the status line must count 2 crashes, and the run must end normally.
# The same with libFuzzer's -fork=1 -ignore_crashes=1: the run goes on to
# -runs, says "fuzzed for N iterations, wrapping up soon", and exits with
# the crash status (bugs were found; libFuzzer exits with its last job's).
#
#   keep_going.sh TARGET DIR RUNS
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

target=$1 dir=$2 runs=$3
fresh_dir "$dir"
mkdir "$dir/corpus" "$dir/artifacts"
printf 'W' >"$dir/corpus/seed"
CFUZZ_SECOND_BUG=1 run_logged "$dir/log" "$target" -keep_going=1 -runs="$runs" -seed=1 -workdir="$dir/work" \
  -artifact_prefix="$dir/artifacts/" "$dir/corpus"
expect_status 0 "keep going to -runs=$runs" "$dir/log"
expect_line '^#[0-9]+	DONE   .* oom/timeout/crash: 0/0/2 ' "the final status line counts two crashes" "$dir/log"
written=$(grep -c 'Test unit written to ' "$dir/log")
[ "$written" -eq 2 ] || fail "$written reproducers written, expected 2 (log $dir/log)"
dups=$(grep -c 'a duplicate of a bug already reported' "$dir/log" || true)
[ "$dups" -ge 1 ] || fail "no bug was hit twice: the run did not go on after the first one (log $dir/log)"
x=0 y=0
for f in "$dir"/artifacts/*; do
  case $(head -c 1 "$f") in
  X) x=$((x + 1)) ;;
  Y) y=$((y + 1)) ;;
  *) fail "reproducer $f is neither bug's input" ;;
  esac
done
[ $x -eq 1 ] && [ $y -eq 1 ] || fail "reproducers: $x for the SEGV, $y for the abort; expected one each"

rm -rf "$dir/artifacts" "$dir/work"
mkdir "$dir/artifacts"
CFUZZ_SECOND_BUG=1 run_logged "$dir/fork.log" "$target" -fork=1 -ignore_crashes=1 -runs="$runs" -seed=1 \
  -workdir="$dir/work" -artifact_prefix="$dir/artifacts/" "$dir/corpus"
expect_status 77 "-fork=1 -ignore_crashes=1 to -runs=$runs" "$dir/fork.log"
expect_line '^INFO: fuzzed for [0-9]+ iterations, wrapping up soon$' "-fork=1: the wrap-up line" "$dir/fork.log"
expect_line '^#[0-9]+	DONE   .* oom/timeout/crash: 0/0/2 ' "-fork=1: two crashes counted" "$dir/fork.log"
expect_line '^INFO: exiting: 77 time: [0-9]+s$' "-fork=1: the last line" "$dir/fork.log"
note "two bugs, one reproducer each, $dups duplicates not rewritten; the same with -fork=1 -ignore_crashes=1"
