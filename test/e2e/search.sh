#!/bin/sh
# Usage: search.sh CASE FUZZER DIR RUNS SEED
#
# Search behaviour that libFuzzer's own tests check (issue 9, cross_over*,
# shrink, reduce_inputs), each fuzzing with -runs=RUNS -seed=SEED:
#   splice_overwrite  seeds ABCDE00HIJ and ZFG, -mutate_depth=1 -reduce_inputs=0:
#                     one CrossOver makes ABCDEFGHIJ (crash line "MS: 1 CrossOver-")
#   splice_insert     seeds ABCDEHIJ and ZFG, the same with an insertion
#   splice_seeds      seeds ABCDE00000 and ZZZZZFGHIJ, -max_len=10: any mutations
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || fail "usage: $0 CASE FUZZER DIR RUNS SEED"
case_=$1 fuzzer=$2 dir=$3 runs=$4 seed=$5

fresh_dir "$dir"
mkdir "$dir/corpus"
common="-runs=$runs -seed=$seed -workdir=$dir/work -artifact_prefix=$dir/"
case $case_ in
  splice_overwrite | splice_insert)
    if [ "$case_" = splice_overwrite ]; then printf ABCDE00HIJ; else printf ABCDEHIJ; fi >"$dir/corpus/a"
    printf ZFG >"$dir/corpus/b"
    # shellcheck disable=SC2086 # $common is a word list
    run_logged "$dir/log" "$fuzzer" $common -mutate_depth=1 -reduce_inputs=0 "$dir/corpus"
    expect_status 77 "finding the splice within -runs=$runs -seed=$seed" "$dir/log"
    expect_line '^MS: 1 CrossOver-' "libFuzzer's mutation line before the reproducer" "$dir/log" ;;
  splice_seeds)
    printf ABCDE00000 >"$dir/corpus/a"
    printf ZZZZZFGHIJ >"$dir/corpus/b"
    # shellcheck disable=SC2086
    run_logged "$dir/log" "$fuzzer" $common -max_len=10 -reduce_inputs=0 "$dir/corpus"
    expect_status 77 "finding the splice within -runs=$runs -seed=$seed" "$dir/log" ;;
  *) fail "unknown case $case_" ;;
esac
repro=$(reproducer_of "$dir/log")
[ -n "$repro" ] && [ "$(cat "$repro")" = ABCDEFGHIJ ] || fail "reproducer '$repro' is not ABCDEFGHIJ"
note "$case_: found within -runs=$runs -seed=$seed"
