#!/bin/sh
# Usage: corpus_intact.sh FUZZER DIR RUNS SEED
#
# A run that ends in a crash deletes or rewrites nothing in the corpus it was
# given: FUZZER is a libFuzzer-style fuzzer with a bug it finds within
# -runs=RUNS -seed=SEED; the corpus holds hand-named seeds and a
# content-named one. Every file there before the run is there after it,
# byte for byte (new files may be added).
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 4 ] || fail "usage: $0 FUZZER DIR RUNS SEED"
fuzzer=$1 dir=$2 runs=$3 seed=$4
corpus=$dir/corpus

fresh_dir "$dir"
mkdir "$corpus"
printf 'RC\001' >"$corpus/version1-empty"
printf 'RC\002N\003abc' >"$corpus/named-table"
printf 'RC\001T\001\004S\002\001\377' >"$corpus/set-slot"
printf 'not a record' >"$corpus/$(printf 'not a record' | sha1sum | cut -c1-40)"
tree_checksums "$corpus" >"$dir/before"

run_logged "$dir/log" "$fuzzer" -runs="$runs" -seed="$seed" -artifact_prefix="$dir/" "$corpus"
expect_status 77 "crashing run" "$dir/log"
tree_checksums "$corpus" >"$dir/after"
# Every line of before must be in after: comm -23 lists those that are not.
missing=$(comm -23 "$dir/before" "$dir/after")
[ -z "$missing" ] || fail "corpus files deleted or changed by a crashing run: $missing"
note "$(wc -l <"$dir/before") seed files intact; corpus now $(wc -l <"$dir/after") files"
