#!/bin/sh
# One cell of the crash matrix: fuzz TARGET (built from target.c with one
# BUG_<KIND>) in MODE (single: the default single process; fork: -fork=2)
# until it finds its planted bug, then check what a user relies on:
#   - the exit status (77 crash/leak, 70 timeout, 71 out-of-memory),
#   - libFuzzer's report lines for the kind, and a stack trace,
#   - exactly one reproducer, named <kind>-<sha1 of its content>,
#   - byte-exact: equal to the bytes the target saw when the bug fired
#     (the target writes them to $CFUZZ_SEEN_DIR/<pid>),
#   - never saved as a corpus entry.
#
#   matrix.sh KIND MODE TARGET DIR
# Bounded by -runs and a fixed -seed; the short -timeout and -rss_limit_mb
# keep the timeout and out-of-memory cells fast.
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

kind=$1 mode=$2 target=$3 dir=$4
fresh_dir "$dir"
mkdir "$dir/corpus" "$dir/seen" "$dir/artifacts"
printf 'W' >"$dir/corpus/seed"

limits="-timeout=20 -rss_limit_mb=2048"
# A stack trace: glibc's backtrace lines, or a sanitizer's frames.
trace='^([^ ]+\(.*\+0x[0-9a-f]+\)\[0x[0-9a-f]+\]|    #[0-9]+ 0x[0-9a-f]+ )'
nl='
'
case $kind in
segv | bus | ill | fpe | abort | trap | stack)
  artifact=crash want=77
  lines="^==[0-9]+== ERROR: libFuzzer: deadly signal${nl}^SUMMARY: libFuzzer: deadly signal${nl}$trace" ;;
exit)
  artifact=crash want=77
  lines="^==[0-9]+== ERROR: libFuzzer: fuzz target exited${nl}^SUMMARY: libFuzzer: fuzz target exited${nl}$trace" ;;
asan)
  artifact=crash want=77
  lines="ERROR: AddressSanitizer: heap-buffer-overflow${nl}^SUMMARY: AddressSanitizer: heap-buffer-overflow${nl}$trace" ;;
overread)
  artifact=crash want=77
  lines="ERROR: AddressSanitizer: heap-buffer-overflow${nl}is located 0 bytes (to the right of|after) [0-9]+-byte region${nl}$trace" ;;
overwrite)
  artifact=crash want=77
  lines="^==[0-9]+== ERROR: libFuzzer: fuzz target overwrites its const input${nl}^SUMMARY: libFuzzer: overwrites-const-input${nl}$trace" ;;
ubsan)
  # UBSan prints its stack only when asked (ClusterFuzz asks too).
  UBSAN_OPTIONS=print_stacktrace=1
  export UBSAN_OPTIONS
  artifact=crash want=77
  lines="runtime error: signed integer overflow${nl}^SUMMARY: UndefinedBehaviorSanitizer${nl}$trace" ;;
leak)
  artifact=leak want=77
  lines="ERROR: LeakSanitizer: detected memory leaks${nl}^INFO: to ignore leaks on libFuzzer side use -detect_leaks=0" ;;
loop)
  artifact=timeout want=70 limits="-timeout=1"
  lines="^ALARM: working on the last Unit for [0-9]+ seconds${nl}^       and the timeout value is 1 ${nl}^==[0-9]+== ERROR: libFuzzer: timeout after [0-9]+ seconds${nl}^SUMMARY: libFuzzer: timeout${nl}$trace" ;;
malloc | malloc_asan)
  artifact=oom want=71 limits="-rss_limit_mb=128"
  lines="^==[0-9]+== ERROR: libFuzzer: out-of-memory \(malloc\(268435456\)\)${nl}^SUMMARY: libFuzzer: out-of-memory${nl}$trace" ;;
rss)
  artifact=oom want=71 limits="-rss_limit_mb=64 -timeout=60"
  lines="^==[0-9]+== ERROR: libFuzzer: out-of-memory \(used: [0-9]+Mb; limit: 64Mb\)${nl}^SUMMARY: libFuzzer: out-of-memory" ;;
*) fail "unknown kind $kind" ;;
esac
case $mode in
single) extra="" ;;
fork) extra="-fork=2 -ignore_timeouts=0 -ignore_ooms=0 -print_final_stats=1" ;; # libFuzzer ignores both by default
*) fail "unknown mode $mode" ;;
esac

# shellcheck disable=SC2086 # limits and extra are lists of flags
CFUZZ_SEEN_DIR=$dir/seen run_logged "$dir/log" "$target" $extra $limits -runs=100000 -seed=1 \
  -workdir="$dir/work" -artifact_prefix="$dir/artifacts/" "$dir/corpus"
expect_status "$want" "$kind/$mode: exit status" "$dir/log"
echo "$lines" | while IFS= read -r line; do
  expect_line "$line" "$kind/$mode: report line" "$dir/log"
done
expect_line "Test unit written to $dir/artifacts/$artifact-[0-9a-f]{40}\$" "$kind/$mode: artifact line" "$dir/log"
# The supervisor's final stats come from what it saw of its workers: the
# slow run and the big RSS are the workers', not its own.
if [ "$mode" = fork ]; then
  case $kind in
  loop) expect_line '^stat::slowest_unit_time_sec: +[1-9][0-9]*$' "$kind/$mode: slowest unit from the workers" "$dir/log" ;;
  rss) expect_line '^stat::peak_rss_mb: +([6-9][0-9]|[1-9][0-9]{2,})$' "$kind/$mode: peak RSS from the workers" "$dir/log" ;;
  esac
fi

set -- "$dir"/artifacts/*
[ $# -eq 1 ] && [ -f "$1" ] || fail "$kind/$mode: expected exactly one reproducer in $dir/artifacts, found: $*"
repro=$1
name=$(basename "$repro")
sum=$(sha1sum "$repro" | cut -d' ' -f1)
[ "$name" = "$artifact-$sum" ] || fail "$kind/$mode: reproducer named $name, expected $artifact-$sum"
exact=no
for seen in "$dir"/seen/*; do
  [ -f "$seen" ] && cmp -s "$seen" "$repro" && exact=yes
done
[ $exact = yes ] || fail "$kind/$mode: reproducer $repro differs from every input the target saw ($dir/seen)"
for f in "$dir"/corpus/*; do
  ! cmp -s "$f" "$repro" || fail "$kind/$mode: the reproducer was saved as corpus entry $f"
done
if [ "$kind" = leak ] && [ "$mode" = single ]; then
  # Found while fuzzing, not while loading; and as libFuzzer, a leaking
  # input in the corpus is reported as such (-runs=0 only runs the corpus).
  ! grep -q 'leak has been found in the initial corpus' "$dir/log" || fail "leak/single: 'initial corpus' while fuzzing"
  mkdir "$dir/leaky" && cp "$repro" "$dir/leaky/"
  run_logged "$dir/leaky.log" "$target" $limits -runs=0 -workdir="$dir/work" -artifact_prefix="$dir/leaky-" \
    "$dir/leaky"
  expect_status 77 "leak/single: leak in the corpus" "$dir/leaky.log"
  expect_line '^INFO: a leak has been found in the initial corpus\.$' "leak/single: leak in the corpus" \
    "$dir/leaky.log"
fi
note "$kind/$mode: exit $want, $name, byte-exact"
