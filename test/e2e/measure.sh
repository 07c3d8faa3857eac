#!/bin/sh
# Usage: measure.sh LLVM_BIN PLUGIN LIBCFUZZ OUT [RUNS [TOKENIZER_RUNS]]
#
# Not a test (timings are never asserted): the numbers the e2e run bounds are
# chosen from, and a first cfuzz vs libFuzzer comparison on the examples.
#   LLVM_BIN  e.g. /usr/lib/llvm-14/bin (its clang builds both fuzzers)
#   PLUGIN    cfuzzpass.so of that LLVM major; LIBCFUZZ libcfuzz.a
#   OUT       scratch directory (recreated)
#   RUNS      executions for the empty harness's exec/s (default 2000000)
#   TOKENIZER_RUNS  the same for the tokenizer (default 200000)
# Prints runs-to-find for seeds 1-5 (canyoufindme and the libFuzzer-style
# parser) and exec/s of the empty harness and the tokenizer, each for cfuzz
# and libFuzzer built from the same sources with the same clang.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -ge 4 ] && [ $# -le 6 ] || fail "usage: $0 LLVM_BIN PLUGIN LIBCFUZZ OUT [RUNS [TOKENIZER_RUNS]]"
bin=$1 plugin=$2 libcfuzz=$3 out=$4 runs=${5:-2000000} tokenizer_runs=${6:-200000}
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
find_cap=20000000

fresh_dir "$out"
cc() { "$bin/clang" -g -O2 "$@"; }
cfuzz_build() { # NAME SOURCE
  cc -fpass-plugin="$plugin" -I"$src/runtime/include" -c "$2" -o "$out/$1.o"
  cc "$out/$1.o" "$libcfuzz" -lpthread -o "$out/$1"
}
lf_build() { cc -fsanitize=fuzzer -I"$here/libfuzzer-shim" "$2" -o "$out/$1"; }

cfuzz_build cfuzz_canyoufindme "$src/examples/canyoufindme.c"
cfuzz_build cfuzz_libfuzzer_style "$src/examples/libfuzzer_style.c"
cfuzz_build cfuzz_tokenizer "$src/examples/tokenizer.c"
cfuzz_build cfuzz_empty "$here/targets/empty.c"
lf_build lf_canyoufindme "$src/examples/canyoufindme.c"
lf_build lf_libfuzzer_style "$src/examples/libfuzzer_style.c"
lf_build lf_tokenizer "$src/examples/tokenizer.c"
lf_build lf_empty "$here/targets/empty.c"

# Executions until the crash: the final stats if printed, else the last
# status line's #N (a lower bound). "-" when not found within the cap.
runs_of() {
  if ! grep -q 'ERROR: ' "$1"; then echo "-"; return; fi
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -n 1)
  [ -n "$n" ] || n=">=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$1" | tail -n 1)"
  echo "$n"
}
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# fuzz KIND NAME SEED RUNS LOG: one run from an empty corpus/work directory.
fuzz() {
  d=$out/run.$1.$2.$3
  fresh_dir "$d"
  case $1 in
  cfuzz)
    case $2 in
    canyoufindme | tokenizer)
      test=$2
      [ "$2" = tokenizer ] && test=tokenizer_properties
      "$out/cfuzz_$2" --fuzz="$test" -workdir="$d/work" -runs="$4" -seed="$3" -print_final_stats=1 >"$5" 2>&1 || true ;;
    *) "$out/cfuzz_$2" -runs="$4" -seed="$3" -print_final_stats=1 -artifact_prefix="$d/" "$d" >"$5" 2>&1 || true ;;
    esac ;;
  lf) "$out/lf_$2" -runs="$4" -seed="$3" -print_final_stats=1 -artifact_prefix="$d/" "$d" >"$5" 2>&1 || true ;;
  esac
}

for target in canyoufindme libfuzzer_style; do
  for kind in cfuzz lf; do
    line="runs-to-find $target $kind:"
    for seed in 1 2 3 4 5; do
      fuzz "$kind" "$target" "$seed" "$find_cap" "$out/find.log"
      line="$line $(runs_of "$out/find.log")"
    done
    echo "$line"
  done
done

for target in empty tokenizer; do
  count=$runs
  [ "$target" = tokenizer ] && count=$tokenizer_runs
  for kind in cfuzz lf; do
    t0=$(now)
    fuzz "$kind" "$target" 1 "$count" "$out/speed.log"
    t1=$(now)
    secs=$(elapsed "$t0" "$t1")
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/speed.log" | tail -n 1)
    cov=$(sed -n 's/^#[0-9]*[[:space:]].* cov: \([0-9]*\).*/\1/p' "$out/speed.log" | tail -n 1)
    echo "exec/s $target $kind: runs=${done_runs:-?} wall=${secs}s exec/s=$(echo "${done_runs:-0} / $secs" | bc) final cov=${cov:-?}"
  done
done
