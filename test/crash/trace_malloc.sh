#!/bin/sh
# -trace_malloc (malloc_limit.c), as libFuzzer prints it: with a sanitizer
# linked, each run is framed by "MallocFreeTracer: START" and "STOP MALLOCS
# FREES (same|DIFFERENT)", and each allocation and free in it is a line
# ("MALLOC[n] 0xPTR SIZE", "FREE[n]   0xPTR"), followed at level 2 by its
# stack. TARGET_LEAK (BUG_LEAK, ASan) allocates 64 bytes and drops them on
# inputs starting with 'X' (the seed); without a sanitizer (TARGET_NONE) the
# flag is refused with a warning.
#
#   trace_malloc.sh TARGET_LEAK TARGET_NONE DIR
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

leak=$1 none=$2 dir=$3
fresh_dir "$dir"
# The planted leak is not the point here: no LeakSanitizer at exit.
ASAN_OPTIONS=detect_leaks=0
export ASAN_OPTIONS
mkdir "$dir/corpus"
printf 'X' >"$dir/corpus/seed"

for level in 1 2; do
  run_logged "$dir/log$level" "$leak" -trace_malloc=$level -detect_leaks=0 -runs=20 -seed=1 -workdir="$dir/work" \
    "$dir/corpus"
  expect_status 0 "-trace_malloc=$level" "$dir/log$level"
  expect_line '^MallocFreeTracer: START$' "-trace_malloc=$level: start line" "$dir/log$level"
  expect_line '^MallocFreeTracer: STOP 0 0 \(same\)$' "-trace_malloc=$level: a run without allocations" "$dir/log$level"
  expect_line '^MallocFreeTracer: STOP 1 0 \(DIFFERENT\)$' "-trace_malloc=$level: the seed's run" "$dir/log$level"
  expect_line '^MALLOC\[0\] 0x[0-9a-f]+ 64$' "-trace_malloc=$level: the seed's allocation" "$dir/log$level"
done
grep -A1 '^MALLOC\[0\] 0x[0-9a-f]* 64$' "$dir/log2" | grep -Eq '^    #0 0x[0-9a-f]+' ||
  fail "-trace_malloc=2: no stack after the allocation line (log $dir/log2)"
! grep -A1 '^MALLOC\[0\] 0x[0-9a-f]* 64$' "$dir/log1" | grep -q '    #0 ' ||
  fail "-trace_malloc=1: a stack after the allocation line (log $dir/log1)"
[ "$(grep -c '^MallocFreeTracer: START$' "$dir/log1")" -ge 20 ] || fail "-trace_malloc=1: fewer START lines than runs"

run_logged "$dir/log0" "$none" -trace_malloc=1 -runs=5 -seed=1 -workdir="$dir/work0"
expect_status 0 "-trace_malloc=1 without a sanitizer" "$dir/log0"
expect_line 'trace_malloc needs a sanitizer' "-trace_malloc=1 without a sanitizer: warning" "$dir/log0"
note "trace_malloc: levels 1 and 2, and the warning without a sanitizer"
