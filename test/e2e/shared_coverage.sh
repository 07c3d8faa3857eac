#!/bin/sh
# Usage: shared_coverage.sh FUZZER TEST DIR RUNS COVFILE_CHECK
#
# Two processes fuzz TEST on one work directory at the same time (different
# seeds, -runs=RUNS each). Afterwards the shared coverage file must still be
# valid (COVFILE_CHECK), count both processes' runs (no lost atomic adds), and
# hold at least what each process reported covering; a third run must open it
# without complaint and start from that union.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || fail "usage: $0 FUZZER TEST DIR RUNS COVFILE_CHECK"
fuzzer=$1 test=$2 dir=$3 runs=$4 check=$5
work=$dir/work

last_cov() { sed -n 's/^#[0-9]*[[:space:]].* cov: \([0-9]*\).*/\1/p' "$1" | tail -n 1; }
first_cov() { sed -n 's/^#[0-9]*[[:space:]]*INITED.* cov: \([0-9]*\).*/\1/p' "$1" | head -n 1; }
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

fresh_dir "$dir"
mkdir "$work"
"$fuzzer" --fuzz="$test" -workdir="$work" -runs="$runs" -seed=11 >"$dir/a.log" 2>&1 &
pid_a=$!
"$fuzzer" --fuzz="$test" -workdir="$work" -runs="$runs" -seed=22 >"$dir/b.log" 2>&1 &
pid_b=$!
status_a=0 status_b=0
wait "$pid_a" || status_a=$?
wait "$pid_b" || status_b=$?
[ "$status_a" -eq 0 ] || { tail -n 20 "$dir/a.log" >&2; fail "process A exited $status_a"; }
[ "$status_b" -eq 0 ] || { tail -n 20 "$dir/b.log" >&2; fail "process B exited $status_b"; }
cov_a=$(last_cov "$dir/a.log")
cov_b=$(last_cov "$dir/b.log")
[ -n "$cov_a" ] && [ -n "$cov_b" ] || fail "no cov: status lines in $dir/a.log or $dir/b.log"

set -- "$work"/v/*
[ $# -eq 1 ] && [ -f "$1" ] || fail "expected exactly one coverage file in $work/v, found: $*"
covfile=$1
info=$("$check" "$covfile") || fail "coverage file $covfile is damaged after concurrent runs"
seen=$(field seen "$info")
total=$(field total_runs "$info")
[ "$total" -ge $((2 * runs)) ] || fail "coverage file counts $total runs, expected at least 2 x $runs ($info)"
[ "$seen" -ge "$cov_a" ] && [ "$seen" -ge "$cov_b" ] ||
  fail "coverage file has $seen PCs seen, less than a process reported (A $cov_a, B $cov_b)"

run_logged "$dir/c.log" "$fuzzer" --fuzz="$test" -workdir="$work" -runs=1 -seed=33
expect_status 0 "third run on the shared work directory" "$dir/c.log"
! grep -Eiq 'coverage file|warning' "$dir/c.log" || fail "third run complained: $(grep -Ei 'coverage file|warning' "$dir/c.log")"
cov_c=$(first_cov "$dir/c.log")
[ -n "$cov_c" ] || fail "no INITED line with cov: in $dir/c.log"
[ "$cov_c" -ge "$cov_a" ] && [ "$cov_c" -ge "$cov_b" ] ||
  fail "third run starts at cov $cov_c, below a concurrent run's (A $cov_a, B $cov_b)"
note "A cov $cov_a, B cov $cov_b; file: $info; third run starts at cov $cov_c"
