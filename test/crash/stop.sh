#!/bin/sh
# Stopping on request (stop_request.h), as libFuzzer's sigusr tests and a
# user pressing Ctrl-C expect:
#   - SIGUSR1 to a single process: "signal received" at once, then after the
#     current run "exiting as requested", exit 0, its input file removed;
#   - SIGTERM to a single process: "run interrupted; exiting", exit 72, the
#     final statistics, the corpus flushed (every file named by its SHA-1,
#     no temporary file);
#   - SIGINT while the target is stuck in a run (BUG_LOOP on the seed, a
#     -timeout far away): it exits 72 within CFUZZ_STOP_GRACE_SECONDS, no
#     timeout reported;
#   - SIGUSR2 to a -fork=2 supervisor: "exiting as requested", exit 0, every
#     worker gone.
# Runs are bounded by -runs (far more than the test lets them do); each
# wait for a process is bounded by a number of polls.
#
#   stop.sh TARGET_NONE TARGET_LOOP DIR
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

none=$1 loop=$2 dir=$3
fresh_dir "$dir"

# wait_for REGEX LOG: polls LOG (at most 30 s) for a line.
wait_for() {
  n=0
  until grep -Eq -- "$1" "$2" 2>/dev/null; do
    n=$((n + 1))
    [ $n -lt 300 ] || fail "no line matching '$1' in $2 after 30 s"
    sleep 0.1
  done
}

# stop_and_wait PID SIGNAL: sends SIGNAL, waits (at most 20 s) for the exit; status in $status.
stop_and_wait() {
  kill -"$2" "$1"
  n=0
  while kill -0 "$1" 2>/dev/null && [ "$(sed 's/.*) \([A-Z]\) .*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]; do
    n=$((n + 1))
    [ $n -lt 200 ] || { kill -9 "$1"; fail "still running 20 s after SIG$2"; }
    sleep 0.1
  done
  status=0
  wait "$1" || status=$?
}

# start NAME TARGET FLAGS...: runs TARGET in the background on $dir/NAME/corpus.
start() {
  name=$1 target=$2
  shift 2
  if [ ! -d "$dir/$name/corpus" ]; then
    mkdir -p "$dir/$name/corpus"
    printf 'W' >"$dir/$name/corpus/seed"
  fi
  "$target" "$@" -runs=100000000 -seed=1 -workdir="$dir/$name/work" -artifact_prefix="$dir/$name/" \
    "$dir/$name/corpus" >"$dir/$name/log" 2>&1 &
  pid=$!
}

start usr1 "$none"
wait_for 'INITED' "$dir/usr1/log"
stop_and_wait $pid USR1
expect_status 0 "SIGUSR1" "$dir/usr1/log"
expect_line '^INFO: signal received, trying to exit gracefully$' "SIGUSR1: first line" "$dir/usr1/log"
expect_line '^==[0-9]+== INFO: libFuzzer: exiting as requested$' "SIGUSR1: last line" "$dir/usr1/log"
[ -z "$(ls "$dir/usr1/work/i")" ] || fail "SIGUSR1: the input file is left in $dir/usr1/work/i"

start term "$none" -print_final_stats=1
wait_for 'INITED' "$dir/term/log"
stop_and_wait $pid TERM
expect_status 72 "SIGTERM" "$dir/term/log"
expect_line '^==[0-9]+== libFuzzer: run interrupted; exiting$' "SIGTERM: line" "$dir/term/log"
expect_line '^stat::number_of_executed_units: [0-9]+$' "SIGTERM: final statistics" "$dir/term/log"
for f in "$dir"/term/corpus/* "$dir"/term/corpus/.[!.]*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  [ "$name" = seed ] && continue
  [ "$name" = "$(sha1sum "$f" | cut -d' ' -f1)" ] || fail "SIGTERM: corpus file $f is not named by its SHA-1"
done

# The seed 'X' sends BUG_LOOP's target into its endless loop while loading.
mkdir -p "$dir/stuck/corpus"
printf 'X' >"$dir/stuck/corpus/seed"
start stuck "$loop" -timeout=1000
wait_for 'seed corpus' "$dir/stuck/log"
sleep 0.5
stop_and_wait $pid INT
expect_status 72 "SIGINT during a stuck run" "$dir/stuck/log"
expect_line '^==[0-9]+== libFuzzer: run interrupted; exiting$' "SIGINT during a stuck run: line" "$dir/stuck/log"
! grep -q 'timeout' "$dir/stuck/log" || fail "SIGINT during a stuck run: reported as a timeout"

start fork "$none" -fork=2
wait_for 'pulse' "$dir/fork/log"
workers=$(ls "$dir/fork/work/i")
stop_and_wait $pid USR2
expect_status 0 "SIGUSR2 to the supervisor" "$dir/fork/log"
expect_line '^==[0-9]+== INFO: libFuzzer: exiting as requested$' "SIGUSR2 to the supervisor: line" "$dir/fork/log"
for w in $workers; do
  ! kill -0 "$w" 2>/dev/null || fail "SIGUSR2 to the supervisor: worker $w still runs"
done
note "stop: SIGUSR1, SIGTERM, SIGINT in a stuck run, SIGUSR2 in fork mode"
