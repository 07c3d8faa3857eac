#!/bin/sh
# kill -9 of a worker, 50 times during one -fork=2 -ignore_crashes=1 run
# (a worker killed in a run is a crash: the supervisor cannot tell it from
# the kernel's OOM killer or a bug without a stack). The supervisor must
# account for every kill, recover the input of every worker killed in the
# middle of a run (a crash-<sha1> reproducer, its name the SHA-1 of its
# content), restart the workers, and leave the corpus whole: every entry
# named by the SHA-1 of its content (none torn), no temporary files, the
# seed still there. SIGTERM then stops the run (exit 72, libFuzzer's
# "interrupted").
#
#   kill_workers.sh TARGET DIR KILLS
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

target=$1 dir=$2 kills=$3
fresh_dir "$dir"
mkdir "$dir/corpus" "$dir/artifacts"
printf 'W' >"$dir/corpus/seed"
"$target" -fork=2 -ignore_crashes=1 -seed=1 -max_total_time=300 -workdir="$dir/work" -artifact_prefix="$dir/artifacts/" \
  "$dir/corpus" >"$dir/log" 2>&1 &
sup=$!

# parent_of PID: the parent pid from /proc/PID/stat (after the ") ").
parent_of() {
  sed 's/.*) [A-Za-z] \([0-9]*\) .*/\1/' "/proc/$1/stat" 2>/dev/null || echo 0
}

delivered=0 tries=0
while [ $delivered -lt "$kills" ]; do
  tries=$((tries + 1))
  [ $tries -lt 5000 ] || { kill -TERM $sup; fail "only $delivered workers could be killed"; }
  kill -0 $sup 2>/dev/null || fail "the supervisor ended early (log $dir/log)"
  sleep 0.1
  for f in "$dir"/work/i/*; do
    pid=$(basename "$f")
    [ "$(parent_of "$pid")" = "$sup" ] || continue
    if kill -9 "$pid" 2>/dev/null; then
      delivered=$((delivered + 1))
    fi
    break
  done
done
sleep 0.5
kill -TERM $sup
status=0
wait $sup || status=$?
expect_status 72 "SIGTERM to the supervisor" "$dir/log"
expect_line 'libFuzzer: run interrupted; exiting' "interrupt line" "$dir/log"

in_run=$(grep -c 'crash (killed by signal 9)' "$dir/log" || true)
between=$(grep -c 'killed by signal 9 between runs' "$dir/log" || true)
[ $((in_run + between)) -eq "$delivered" ] ||
  fail "$delivered kills, but $in_run reported in a run and $between between runs (log $dir/log)"
[ "$in_run" -gt 0 ] || fail "no kill hit a worker in the middle of a run (log $dir/log)"
dups=$(grep -c 'crash (killed by signal 9), a duplicate' "$dir/log" || true)
n=0
for f in "$dir"/artifacts/*; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  [ "$(basename "$f")" = "crash-$(sha1sum "$f" | cut -d' ' -f1)" ] || fail "reproducer $f is not named by its content"
done
[ $n -eq $((in_run - dups)) ] || fail "$in_run inputs killed in a run ($dups repeated), but $n reproducers"

[ -f "$dir/corpus/seed" ] || fail "the seed input is gone"
for f in "$dir"/corpus/* "$dir"/corpus/.[!.]*; do
  [ -e "$f" ] || continue
  name=$(basename "$f")
  [ "$name" = seed ] && continue
  case $name in .*) fail "temporary file $f left in the corpus" ;; esac
  [ "$name" = "$(sha1sum "$f" | cut -d' ' -f1)" ] || fail "corpus entry $f is torn (content does not match its name)"
done
entries=$(ls "$dir/corpus" | wc -l)
note "$delivered kills: $in_run in a run (all recovered, $dups repeats), $between between runs; corpus $entries entries, all whole"
