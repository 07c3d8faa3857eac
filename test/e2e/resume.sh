#!/bin/sh
# Usage: resume.sh FUZZER TEST DIR RUNS SEED
#
# A second run on the same work directory resumes where the first stopped: it
# loads the saved corpus (the count of entries does not drop) and reaches the
# first run's coverage at once, before fuzzing anything new.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || fail "usage: $0 FUZZER TEST DIR RUNS SEED"
fuzzer=$1 test=$2 dir=$3 runs=$4 seed=$5
corpus=$dir/work/f/$test

# cov: N from the last (or, with 'first', the first INITED) status line.
cov_of() {
  if [ "$1" = first ]; then
    sed -n 's/^#[0-9]*[[:space:]]*INITED.* cov: \([0-9]*\).*/\1/p' "$2" | head -n 1
  else
    sed -n 's/^#[0-9]*[[:space:]].* cov: \([0-9]*\).*/\1/p' "$2" | tail -n 1
  fi
}
entries() { find "$corpus" -maxdepth 1 -type f ! -name '.*' | wc -l; }

fresh_dir "$dir"
run_logged "$dir/first.log" "$fuzzer" --fuzz="$test" -workdir="$dir/work" -runs="$runs" -seed="$seed"
expect_status 0 "first run" "$dir/first.log"
cov1=$(cov_of last "$dir/first.log")
[ -n "$cov1" ] || fail "no 'cov:' status line in $dir/first.log"
n1=$(entries)
[ "$n1" -gt 0 ] || fail "the first run saved no corpus entry in $corpus"

# One run beyond loading: the INITED line shows what the saved corpus gives.
run_logged "$dir/second.log" "$fuzzer" --fuzz="$test" -workdir="$dir/work" -runs=1 -seed=$((seed + 1))
expect_status 0 "second run" "$dir/second.log"
cov2=$(cov_of first "$dir/second.log")
[ -n "$cov2" ] || fail "no INITED line with cov: in $dir/second.log"
n2=$(entries)
[ "$cov2" -ge "$cov1" ] || fail "second run starts at cov $cov2, below the first run's final cov $cov1"
[ "$n2" -ge "$n1" ] || fail "corpus shrank from $n1 to $n2 entries"
note "first run: cov $cov1, $n1 entries; second run starts at cov $cov2 with $n2 entries"
