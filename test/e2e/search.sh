#!/bin/sh
# Usage: search.sh CASE FUZZER DIR RUNS SEED
#
# Search behaviour that libFuzzer's own tests check (issue 9, cross_over*,
# shrink, reduce_inputs), each fuzzing with -runs=RUNS -seed=SEED:
#   splice_overwrite  seeds ABCDE00HIJ and ZFG, -mutate_depth=1 -reduce_inputs=0:
#                     one CrossOver makes ABCDEFGHIJ (crash line "MS: 1 CrossOver-")
#   splice_insert     seeds ABCDEHIJ and ZFG, the same with an insertion
#   splice_seeds      seeds ABCDE00000 and ZZZZZFGHIJ, -max_len=10: any mutations
#   shrink            (ordered.c) -shrink=1 -reduce_inputs=0 reaches the entry "FUZ" (-exit_on_item)
#   no_shrink         (ordered.c) the same with -shrink=0 -max_len=64 does not: the control
#   reduce            (ordered.c) the default -reduce_inputs=1 reaches "FUZ" too: a shorter input
#                     keeps only the features its parent brought into the corpus (judge.c)
#   reduce_files      (ends.c) a run until "FUZ" leaves one file per path in the corpus directory: 4
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
  shrink | no_shrink | reduce)
    fuz=0eb8e4ed029b774d80f2b66408203801cb982a60 # sha1 of "FUZ"
    case $case_ in
      shrink) flags="-shrink=1 -reduce_inputs=0" ;;
      no_shrink) flags="-shrink=0 -max_len=64 -reduce_inputs=0" ;;
      reduce) flags="" ;;
    esac
    # shellcheck disable=SC2086
    run_logged "$dir/log" "$fuzzer" $common $flags -exit_on_item=$fuz "$dir/corpus"
    expect_status 0 "running -runs=$runs -seed=$seed" "$dir/log"
    if [ "$case_" != no_shrink ]; then
      expect_line "^INFO: found item with checksum '$fuz', exiting" "-exit_on_item line" "$dir/log"
    else
      expect_line "^Done $runs runs" "Done line (FUZ not reached without -shrink)" "$dir/log"
    fi
    note "$case_: as expected within -runs=$runs -seed=$seed"
    exit 0 ;;
  reduce_files)
    # The whole budget, not up to "FUZ": a run that stops there may not have
    # reached every path yet. -len_control=0 lets the first inputs of each
    # path be long (with the length limit they start at 4 bytes and there is
    # nothing to reduce), so the files left show that every path was reduced
    # to its shortest input and that the longer files went.
    # shellcheck disable=SC2086
    run_logged "$dir/log" "$fuzzer" $common -len_control=0 "$dir/corpus"
    expect_status 0 "running -runs=$runs -seed=$seed" "$dir/log"
    expect_line "^Done $runs runs" "Done line" "$dir/log"
    [ -f "$dir/corpus/0eb8e4ed029b774d80f2b66408203801cb982a60" ] || fail "no file holds FUZ: $(ls "$dir/corpus")"
    n=$(find "$dir/corpus" -type f | wc -l)
    [ "$n" -eq 4 ] || fail "corpus directory has $n files, expected 4 (one per path): $(ls "$dir/corpus" | tr '\n' ' ')"
    long=$(find "$dir/corpus" -type f -size +3c | wc -l)
    [ "$long" -eq 0 ] || fail "$long files longer than 3 bytes: the shortest input of each path is 3 bytes at most"
    note "$case_: 4 files of at most 3 bytes, FUZ among them"
    exit 0 ;;
  *) fail "unknown case $case_" ;;
esac
repro=$(reproducer_of "$dir/log")
[ -n "$repro" ] && [ "$(cat "$repro")" = ABCDEFGHIJ ] || fail "reproducer '$repro' is not ABCDEFGHIJ"
note "$case_: found within -runs=$runs -seed=$seed"
