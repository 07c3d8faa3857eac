#!/usr/bin/env bash
# Runs the benchmark matrix and writes OUT/results.jsonl (one JSON line per
# trial) and OUT/results.md (medians and ratios, from aggregate.py).
#
#   bench/matrix.sh quick|full [OUT]          (default OUT: bench/out/<size>)
#
# quick: 2 trials, bug suite capped at 10 s, real targets 20 s, one lane
#        (about 30 min on 2 cores once built; the first run also builds every
#        binary into OUT/../bins)
# full:  5 trials with the bug suite capped at 60 s, 3 trials of 150 s on each
#        real target, two lanes (about 2.5 h on 2 cores)
# Every single-worker trial is pinned to one core (taskset), as AFL++ pins
# itself by default; -jobs=2 trials get both. Loop speed, -jobs=2 scaling and
# instrumentation overhead run alone on the machine, pinned to core 0. The bug
# suite and the real targets run in LANES parallel lanes, lane N on core N.
# PARTS (default "quiet lanes overhead") picks which of the three phases run.
# Env: FUZZERS (default "cfuzz libfuzzer aflpp"), TARGETS / REAL to narrow the
#      sets (REAL= for none), TRIALS CAP REAL_TRIALS REAL_SECS SPEED_SECS LANES
#      to override the size's settings, FIRST_TRIAL (default 0) to number the
#      lanes' trials from there (their seeds follow the number), so that a
#      later run adds trials to an earlier one's,
#      CFUZZ_BUILD for the cfuzz build dir (see build.sh), BINS for the binaries
#      (default OUT/../bins, reused across runs while up to date).
# Fuzzers run one at a time, alternating (the order rotates each trial), so any
# drift in machine load hits all of them alike.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
size=${1:-quick}
case $size in
  quick) trials=2 cap=10 real_trials=2 real_secs=20 speed_secs=5 lanes=1 ;;
  full)  trials=5 cap=60 real_trials=3 real_secs=150 speed_secs=10 lanes=2 ;;
  *) echo "usage: matrix.sh quick|full [OUT]" >&2; exit 2 ;;
esac
# Any of these overrides the size's setting, e.g. TRIALS=3 for a quick run
# with several trials.
trials=${TRIALS:-$trials} cap=${CAP:-$cap} real_secs=${REAL_SECS:-$real_secs}
real_trials=${REAL_TRIALS:-$real_trials} speed_secs=${SPEED_SECS:-$speed_secs} lanes=${LANES:-$lanes}
parts=" ${PARTS:-quiet lanes overhead} "
first=${FIRST_TRIAL:-0}
if ! [[ $first =~ ^[0-9]+$ ]]; then echo "matrix: FIRST_TRIAL=$first must be a number" >&2; exit 2; fi
for p in $parts; do
  case $p in quiet | lanes | overhead) ;; *) echo "matrix: unknown part '$p' in PARTS (quiet, lanes, overhead)" >&2; exit 2 ;; esac
done
# A lane is pinned to the core of its number, so it needs that core.
if ! [[ $lanes =~ ^[1-9][0-9]*$ ]] || [ "$lanes" -gt "$(nproc)" ]; then
  echo "matrix: LANES=$lanes must be 1 to $(nproc), the cores this machine has" >&2; exit 2
fi
export CFUZZ_BUILD=${CFUZZ_BUILD:-/work/main/build-bench-14}
cfuzz_build=$CFUZZ_BUILD
out=${2:-$here/out/$size}
bins=${BINS:-$(dirname "$out")/bins}
mkdir -p "$out" "$bins"
out=$(cd "$out" && pwd) bins=$(cd "$bins" && pwd)
# Word lists on purpose: the env overrides are space-separated names.
# shellcheck disable=SC2206
fuzzers=(${FUZZERS:-cfuzz libfuzzer aflpp})
# shellcheck disable=SC2206
bugs=(${TARGETS-magic_nested magic32 magic64 memcmp_magic strcmp_magic state_machine
  checksum length_prefixed hitcount float_range div_zero hang oom example_libfuzzer_style})
# shellcheck disable=SC2206
real=(${REAL-zstd lz4 pcre2 expat libpng re2 woff2 woff2_brotli libxml2})
overhead_targets=("${real[@]:0:2}")
results=$out/results.jsonl
: > "$results"

variant_of() { case $1 in aflpp) echo aflcmplog ;; *) echo "$1" ;; esac; }
build() {  # build VARIANT TARGET unless up to date; a failed build is logged and skipped
  local bin=$bins/$2.$1 inputs
  inputs=$(ls "$here/build.sh" "$here/targets/$2.c" "$here/real/$2.sh" "$here/../examples/${2#example_}.c" \
              "$cfuzz_build/runtime/libcfuzz.a" "$cfuzz_build/pass/cfuzzpass.so" 2>/dev/null)
  # shellcheck disable=SC2086
  if [ -x "$bin" ] && [ -z "$(find $inputs -newer "$bin")" ]; then return 0; fi
  "$here/build.sh" "$1" "$2" "$bins" >"$bins/build-$2.$1.log" 2>&1 ||
    { echo "matrix: build of $2.$1 failed, see $bins/build-$2.$1.log" >&2; return 1; }
}
rotate() {  # the fuzzer list rotated by $1 places
  local fz n i
  read -ra fz <<< "$FUZZER_LIST"
  n=${#fz[@]}
  for ((i = 0; i < n; i++)); do echo "${fz[(i + $1) % n]}"; done
}
trial() {  # trial TRIAL TARGET MODE SECONDS [extra run_trial args]
  local t=$1 target=$2 mode=$3 secs=$4 f; shift 4
  for f in $(rotate "$t"); do
    [ -x "$bins/$target.$(variant_of "$f")" ] || { echo "{\"fuzzer\": \"$f\", \"target\": \"$target\", \"mode\": \"$mode\", \"trial\": $t, \"error\": \"not built\"}" >> "$results"; continue; }
    python3 "$here/run_trial.py" --fuzzer "$f" --bins "$bins" --target "$target" \
      --seeds "$bins/$target.seeds" --seconds "$secs" --mode "$mode" --trial "$t" \
      --out "$out/runs/$target.$f.$mode.$t" "$@" | tee -a "$results"
  done
}

pinned() {  # pinned CORE COMMAND...: runs a command or function on one core
  local core=$1; shift
  ( taskset -cp "$core" "$BASHPID" > /dev/null && "$@" )
}
run_item() {  # one line of the lanes' work list; xargs numbers the lanes in LANE
  echo "== lane $LANE: trial $1, $2 ($3, $4 s)" >&2
  pinned "$LANE" trial "$@"
}
replay_json() {  # replay_json FIELDS-JSON: a replay's {"execs", "seconds"} on stdin, one results line out
  python3 -c 'import json,sys; r=json.load(sys.stdin); d=json.loads(sys.argv[1]); d.update(execs=r["execs"], wall=r["seconds"], execs_per_sec=round(r["execs"] / r["seconds"], 1)); print(json.dumps(d))' "$1"
}
export -f pinned run_item trial rotate variant_of
export FUZZER_LIST="${fuzzers[*]}" here out bins results lanes

echo "== build" >&2
for target in empty "${bugs[@]}" "${real[@]}"; do
  for f in "${fuzzers[@]}"; do build "$(variant_of "$f")" "$target" || true; done
done
[[ $parts == *" quiet "* ]] && { build plain empty || true; }
for target in "${real[@]}"; do build cov "$target" || true; done
[[ $parts == *" overhead "* ]] && for target in "${overhead_targets[@]}"; do
  for v in plain cfuzzpass sancov; do build "$v" "$target" || true; done
done

# Alone on the machine: loop speed and -jobs=2 scaling.
for ((t = 0; t < trials; t++)); do
  [[ $parts == *" quiet "* ]] || break
  echo "== trial $t: loop speed" >&2
  pinned 0 trial "$t" empty time "$speed_secs"
  pinned 0 "$bins/empty.plain" -seconds="$speed_secs" "$bins/empty.seeds" |
    replay_json '{"fuzzer": "bare", "target": "empty", "mode": "time", "trial": '"$t"'}' | tee -a "$results"
  [ ${#real[@]} -gt 0 ] || continue
  echo "== trial $t: scaling, -jobs=2 on ${real[0]}" >&2
  trial "$t" "${real[0]}" time "$speed_secs" --jobs 2
  pinned 0 trial "$t" "${real[0]}" time "$speed_secs"
done

# In lanes: the real targets (longest first, for an even finish), then the bug suite.
[[ $parts == *" lanes "* ]] && {
  for ((t = first; t < first + real_trials; t++)); do
    for target in "${real[@]}"; do echo "$t $target time $real_secs --coverage"; done
  done
  for ((t = first; t < first + trials; t++)); do
    for target in "${bugs[@]}"; do echo "$t $target find $cap"; done
  done
} | xargs -P "$lanes" --process-slot-var=LANE -L 1 bash -c 'run_item "$@"' run_item

[[ $parts == *" overhead "* ]] && echo "== instrumentation overhead" >&2
for target in "${overhead_targets[@]}"; do
  corpus=$out/runs/$target.libfuzzer.time.0/corpus
  [[ $parts == *" overhead "* && -d $corpus ]] || continue
  for v in plain cfuzzpass sancov; do
    [ -x "$bins/$target.$v" ] || continue
    pinned 0 "$bins/$target.$v" -seconds="$speed_secs" "$corpus" |
      replay_json '{"measure": "overhead", "target": "'"$target"'", "variant": "'"$v"'"}' | tee -a "$results"
  done
done

python3 "$here/aggregate.py" "$results" > "$out/results.md"
cat "$out/results.md"
