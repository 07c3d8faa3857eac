#!/bin/sh
# kill -9 of a -fork=2 supervisor takes its workers down with it
# (PR_SET_PDEATHSIG), and the next run on the same corpus and work
# directory resumes with nothing lost: every corpus file the killed run left
# is whole (named by the SHA-1 of its content) and loaded again, and the
# resumed run ends normally (-runs). (A worker killed in the middle of
# writing an entry can leave a hidden .cfuzz-tmp-PID-N file; nothing reads it.)
#
#   kill_supervisor.sh TARGET DIR
set -eu
. "$(dirname "$0")/../e2e/lib.sh"

target=$1 dir=$2
fresh_dir "$dir"
mkdir "$dir/corpus"
printf 'W' >"$dir/corpus/seed"
"$target" -fork=2 -runs=100000000 -seed=1 -workdir="$dir/work" "$dir/corpus" >"$dir/log" 2>&1 &
sup=$!
n=0
until grep -q 'pulse' "$dir/log" 2>/dev/null && [ "$(ls "$dir/work/i" | wc -l)" -ge 2 ]; do
  n=$((n + 1))
  [ $n -lt 300 ] || { kill -9 $sup; fail "the workers did not start within 30 s (log $dir/log)"; }
  sleep 0.1
done
workers=$(ls "$dir/work/i")
kill -9 $sup
wait $sup 2>/dev/null || true
for w in $workers; do
  n=0
  while kill -0 "$w" 2>/dev/null && [ "$(sed 's/.*) \([A-Z]\) .*/\1/' "/proc/$w/stat" 2>/dev/null)" != Z ]; do
    n=$((n + 1))
    [ $n -lt 100 ] || { kill -9 "$w"; fail "worker $w still runs 10 s after kill -9 of its supervisor"; }
    sleep 0.1
  done
done

files=0
for f in "$dir"/corpus/*; do
  name=$(basename "$f")
  files=$((files + 1))
  [ "$name" = seed ] || [ "$name" = "$(sha1sum "$f" | cut -d' ' -f1)" ] ||
    fail "corpus file $f is torn: not named by the SHA-1 of its content"
done
run_logged "$dir/resume.log" "$target" -runs=1000 -seed=2 -workdir="$dir/work" "$dir/corpus"
expect_status 0 "the resumed run" "$dir/resume.log"
expect_line "^INFO: seed corpus: files: $files " "the resumed run loads all $files corpus files" "$dir/resume.log"
note "kill -9 of the supervisor: workers gone, $files corpus files whole and loaded again"
