#!/bin/sh
# The same -seed, corpus and binary repeat the same run: two runs of TARGET
# must print the same status lines (exec/s and rss aside) and leave the same
# corpus files. The target's entries differ widely in cost, so the
# work-weighted parent choice (on by default) is exercised.
#
#   repeat.sh TARGET DIR RUNS
set -eu
. "$(dirname "$0")/lib.sh"

target=$1 dir=$2 runs=$3
fresh_dir "$dir"
for n in 1 2; do
  mkdir "$dir/corpus$n"
  printf 'AB' >"$dir/corpus$n/seed"
  run_logged "$dir/log$n" "$target" -runs="$runs" -seed=7 -print_final_stats=1 "$dir/corpus$n"
  expect_status 0 "run $n" "$dir/log$n"
  grep -E '^#[0-9]+' "$dir/log$n" | sed -E 's/ exec\/s: [0-9]+//; s/ rss: [0-9]+Mb//' >"$dir/status$n"
  (cd "$dir/corpus$n" && ls | LC_ALL=C sort) >"$dir/files$n"
done
[ "$(grep -c NEW "$dir/status1")" -ge 5 ] || fail "fewer than 5 new entries: the run proves little (log $dir/log1)"
cmp -s "$dir/status1" "$dir/status2" || { diff "$dir/status1" "$dir/status2" | head >&2; fail "status lines differ between two runs of -seed=7"; }
cmp -s "$dir/files1" "$dir/files2" || fail "corpus files differ between two runs of -seed=7"
note "two runs of -seed=7 ($runs runs): same $(wc -l <"$dir/status1") status lines, same $(wc -l <"$dir/files1") files"
