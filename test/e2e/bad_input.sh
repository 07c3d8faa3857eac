#!/bin/sh
# Usage: bad_input.sh CASE NATIVE TEST LIBFUZZER_STYLE DIR
#
# Bad input is reported, never crashed on: each CASE sets up one kind of bad
# work directory, coverage file, corpus file or flag and checks the outcome.
# Fatal cases: exit 1 with an error line that names the culprit. Single bad
# corpus files: a warning naming the file, the file skipped and left as it
# was, exit 0. NATIVE is a native fuzzer with test TEST; LIBFUZZER_STYLE is a
# libFuzzer-style one; neither may find a bug within -runs=200.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 5 ] || fail "usage: $0 CASE NATIVE TEST LIBFUZZER_STYLE DIR"
case=$1 native=$2 test=$3 lfs=$4 dir=$5
work=$dir/work
log=$dir/log

# fatal WORD: exit 1 and an error line containing WORD.
fatal() {
  expect_status 1 "$case" "$log"
  grep -i 'error' "$log" | grep -Fq -- "$1" ||
    { cat "$log" >&2; fail "$case: no error line naming '$1'"; }
}
# skipped WORD: exit 0 and a warning line containing WORD.
skipped() {
  expect_status 0 "$case" "$log"
  grep -i 'warn' "$log" | grep -Fq -- "$1" ||
    { cat "$log" >&2; fail "$case: no warning line naming '$1'"; }
}
# The native run that creates the work directory and its coverage file.
native_run() { run_logged "$log" "$native" --fuzz="$test" -workdir="$work" -runs=200 -seed=1 "$@"; }
covfile() {
  set -- "$work"/v/*
  [ $# -eq 1 ] && [ -f "$1" ] || fail "$case: expected one coverage file in $work/v, found: $*"
  echo "$1"
}

fresh_dir "$dir"
case $case in
missing_workdir)
  work=$dir/no/such/parent
  native_run
  fatal "$work"
  ;;
unwritable_workdir)
  # Root ignores permission bits, so for root take a directory no one can
  # create entries in: /proc/self.
  if [ "$(id -u)" -eq 0 ]; then
    work=/proc/self
  else
    mkdir "$work" && chmod 555 "$work"
  fi
  native_run
  fatal "$work"
  ;;
workdir_is_file)
  printf 'x' >"$work"
  native_run
  fatal "$work"
  ;;
coverage_dir_is_file)
  mkdir "$work" && printf 'x' >"$work/v"
  native_run
  fatal "$work/v"
  ;;
corpus_dir_is_file)
  mkdir -p "$work/f" && printf 'x' >"$work/f/$test"
  native_run
  fatal "$work/f/$test"
  ;;
symlinked_coverage_file)
  native_run
  expect_status 0 "$case: first run" "$log"
  cov=$(covfile)
  cp "$cov" "$dir/elsewhere"
  cp "$cov" "$dir/elsewhere.orig"
  rm "$cov" && ln -s "$dir/elsewhere" "$cov"
  native_run
  fatal "$cov"
  cmp -s "$dir/elsewhere" "$dir/elsewhere.orig" || fail "$case: the symlink's target was written through"
  ;;
truncated_coverage_file)
  native_run
  expect_status 0 "$case: first run" "$log"
  cov=$(covfile)
  head -c 100 "$cov" >"$dir/short" && cat "$dir/short" >"$cov"
  native_run
  fatal "$cov"
  ;;
foreign_coverage_file)
  native_run
  expect_status 0 "$case: first run" "$log"
  cov=$(covfile)
  # Same size, other content: a file some other program left there.
  size=$(wc -c <"$cov")
  head -c "$size" /dev/zero | tr '\0' 'Z' >"$cov"
  native_run
  fatal "$cov"
  ;;
dangling_symlink_in_corpus | fifo_in_corpus)
  mkdir "$dir/corpus"
  printf 'RC\001' >"$dir/corpus/good"
  case $case in
  dangling_symlink_in_corpus) bad=$dir/corpus/dangling && ln -s "$dir/nowhere" "$bad" ;;
  fifo_in_corpus) bad=$dir/corpus/fifo && mkfifo "$bad" ;;
  esac
  tree_checksums "$dir/corpus" >"$dir/before"
  # A FIFO opened for reading without O_NONBLOCK would wait for a writer
  # forever; the timeout turns such a hang into a clear failure.
  run_logged "$log" timeout 20 "$lfs" -runs=200 -seed=1 -max_len=64 "$dir/corpus"
  [ "$status" -ne 124 ] || fail "$case: the fuzzer hung on $bad"
  skipped "$(basename "$bad")"
  [ -e "$bad" ] || [ -L "$bad" ] || fail "$case: $bad was removed"
  tree_checksums "$dir/corpus" >"$dir/after"
  [ -z "$(comm -23 "$dir/before" "$dir/after")" ] || fail "$case: corpus files changed"
  ;;
malformed_flag)
  for flag in -runs=abc -seed=12x -max_len= -runs=99999999999999999999999; do
    run_logged "$log" "$lfs" "$flag"
    fatal "${flag%%=*}"
  done
  ;;
unknown_flag)
  mkdir "$dir/corpus"
  run_logged "$log" "$lfs" -runs=100 -seed=1 -no_such_cfuzz_flag=1 "$dir/corpus"
  skipped no_such_cfuzz_flag
  ;;
*)
  fail "unknown case '$case'"
  ;;
esac
note "$case: handled"
