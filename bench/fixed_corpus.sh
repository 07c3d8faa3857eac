#!/bin/bash
# fixed_corpus.sh - CPU time of fuzzer binaries started from one corpus for a
# fixed number of runs: the cost of a run, apart from where each fuzzer's own
# search leads. A campaign's exec/s also measures the corpus it built (a
# deeper corpus runs slower), so two builds of cfuzz, or cfuzz and libFuzzer,
# are compared here on the same inputs.
#
#   bench/fixed_corpus.sh [-n RUNS] [-r REPS] CORPUS_DIR BINARY...
#
# Each repetition runs every binary once with -runs=RUNS -seed=REP on a fresh
# copy of CORPUS_DIR, two at a time, one per core (taskset), in an order that
# rotates so that each binary meets each core and each partner. Prints, per
# binary, its CPU seconds (user + system) in every repetition and their
# median; exits 1 if any run failed (a crash, a bad flag). Builds of cfuzz that
# differ only in speed make the same decisions under one seed; compare their
# NEW lines to be sure (-v keeps the logs).
set -euo pipefail

runs=1000000 reps=4 keep=0
usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit "${1:-0}"
}
while getopts "n:r:vh" opt; do
  case $opt in
  n) runs=$OPTARG ;;
  r) reps=$OPTARG ;;
  v) keep=1 ;;
  h) usage 0 ;;
  *) usage 2 >&2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || { echo "fixed_corpus.sh: need a corpus directory and at least one binary (-h for help)" >&2; exit 2; }
corpus=$1
shift
bins=("$@")
[ -d "$corpus" ] || { echo "fixed_corpus.sh: $corpus is not a directory" >&2; exit 2; }
for b in "${bins[@]}"; do
  [ -x "$b" ] || { echo "fixed_corpus.sh: $b is not an executable" >&2; exit 2; }
done
case $runs$reps in *[!0-9]*) echo "fixed_corpus.sh: -n and -r take numbers" >&2; exit 2 ;; esac

out=$(mktemp -d /tmp/fixed_corpus.XXXXXX)
[ "$keep" = 1 ] || trap 'rm -rf "$out"' EXIT

# One run: core, binary index, repetition. cfuzz keeps its state in a
# -workdir; libFuzzer has no such flag.
run_one() {
  local core=$1 i=$2 rep=$3 dir="$out/$2.$3.$1" bin=${bins[$2]} extra=()
  mkdir -p "$dir/work"
  cp -r "$corpus" "$dir/corpus"
  if "$bin" -help=1 2>&1 | grep -q -- '^ *-workdir '; then extra=(-workdir="$dir/work"); fi
  /usr/bin/time -f "%U %S" -o "$dir/time" taskset -c "$core" "$bin" -runs="$runs" -seed="$rep" \
    "${extra[@]}" "$dir/corpus" > "$dir/log" 2>&1 || { echo "fixed_corpus.sh: $bin failed, see $dir/log" >&2; touch "$out/failed"; }
  echo "$i $(awk '{print $1 + $2}' "$dir/time")" >> "$out/cpu.$core"
  rm -rf "$dir/corpus" "$dir/work"
}

n=${#bins[@]}
for rep in $(seq 1 "$reps"); do
  echo "repetition $rep of $reps" >&2
  for k in $(seq 0 $((n - 1))); do
    run_one 0 $(((k + rep) % n)) "$rep" &
    [ "$n" -gt 1 ] && run_one 1 $(((n - 1 - k + rep) % n)) "$rep" &
    wait
  done
done

cat "$out"/cpu.* | sort -k1,1n -k2,2n | awk -v names="${bins[*]}" '
  BEGIN { split(names, name, " ") }
  { t[$1] = t[$1] " " $2; v[$1, ++c[$1]] = $2 }
  END {
    for (i = 0; i in c; i++) {
      m = c[i] % 2 ? v[i, (c[i] + 1) / 2] : (v[i, c[i] / 2] + v[i, c[i] / 2 + 1]) / 2
      printf "%s: median %.2f s over %d runs of -runs=%s (%s )\n", name[i + 1], m, c[i], "'"$runs"'", t[i]
    }
  }'
# A binary that stopped early (a crash, a bad flag) ran fewer runs: its time means nothing.
if [ -e "$out/failed" ]; then
  trap - EXIT
  echo "fixed_corpus.sh: a run failed; logs kept in $out" >&2
  exit 1
fi
[ "$keep" = 1 ] && echo "logs kept in $out" >&2
exit 0
