#!/usr/bin/env bash
# Builds one bench target for one fuzzer (or replay variant), all with clang-14.
#
#   bench/build.sh VARIANT TARGET OUTDIR      -> OUTDIR/TARGET.VARIANT
#
# Also writes the target's seeds, shared by all fuzzers, to OUTDIR/TARGET.seeds/
# (a recipe's make_seeds, else one small file) unless they exist.
#
# VARIANT: fuzzers  cfuzz | libfuzzer | afl | aflcmplog
#          replays  plain (uninstrumented) | cov (profile + coverage mapping)
#                   cfuzzpass | sancov  (instrumented, linked with libcfuzz_nomain)
#                   The replay variants link bench/driver/replay.c as main.
# TARGET:  a bug-suite file bench/targets/TARGET.c, example_NAME for the
#          libFuzzer-style examples/NAME.c, or a real-target recipe
#          bench/real/TARGET.sh (its package fetched by bench/fetch.sh).
# Env:     CFUZZ_BUILD  cfuzz build dir holding cfuzzpass.so and libcfuzz*.a
#                       (default /work/main/build-bench-14)
#          BENCH_CACHE  Debian sources (default /work/bench-cache)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 3 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
variant=$1 target=$2 out=$3
cache=${BENCH_CACHE:-/work/bench-cache}
cfuzz_build=${CFUZZ_BUILD:-/work/main/build-bench-14}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/obj.$target.$variant"
rm -rf "$work"
mkdir -p "$work/gen"

cfuzz_file() {  # finds a cfuzz build product, failing clearly when missing
  local f
  f=$(find "$cfuzz_build" -name "$1" -not -path '*/CMakeFiles/*' 2>/dev/null | head -1)
  [ -n "$f" ] || { echo "build.sh: $1 not found under $cfuzz_build (build cfuzz first)" >&2; exit 1; }
  echo "$f"
}

# --- what to compile ---------------------------------------------------------
src_dir=$here
sources=() includes=() defines=() libs=() harness=""
if [ -f "$here/targets/$target.c" ]; then
  harness="$here/targets/$target.c"
elif [[ $target == example_* ]] && [ -f "$here/../examples/${target#example_}.c" ]; then
  harness="$here/../examples/${target#example_}.c"
elif [ -f "$here/real/$target.sh" ]; then
  package=$(sed -n 's/^# package: //p' "$here/real/$target.sh")
  src_dir=$(compgen -G "$cache/$package-[0-9]*" | head -1 || true)
  [ -d "$src_dir" ] || "$here/fetch.sh" "$package"
  src_dir=$(compgen -G "$cache/$package-[0-9]*" | head -1)
  # shellcheck disable=SC2034  # used by the recipe
  gen="$work/gen"
  cd "$src_dir"   # the recipe's globs and relative paths are in the source tree
  # shellcheck source=/dev/null
  source "$here/real/$target.sh"      # sets sources includes defines libs harness
  if declare -F prepare >/dev/null; then prepare; fi
  harness="$src_dir/$harness"
else
  echo "build.sh: unknown target $target (no targets/$target.c or real/$target.sh)" >&2
  exit 2
fi

# --- seeds -------------------------------------------------------------------
if [ ! -d "$out/$target.seeds" ]; then
  mkdir -p "$out/$target.seeds.tmp"
  if declare -F make_seeds >/dev/null; then
    make_seeds "$out/$target.seeds.tmp"
  else
    printf 'fuzz' > "$out/$target.seeds.tmp/seed"   # AFL++ needs a non-empty seed
  fi
  mv "$out/$target.seeds.tmp" "$out/$target.seeds"
fi

# --- how to compile, per variant ---------------------------------------------
cc=clang-14 cxx=clang++-14 cflags=(-g -O2) ldflags=() main=()
case $variant in
  cfuzz)      cflags+=("-fpass-plugin=$(cfuzz_file cfuzzpass.so)")
              ldflags=("$(cfuzz_file libcfuzz.a)" -lpthread -lm) ;;
  libfuzzer)  cflags+=(-fsanitize=fuzzer-no-link); ldflags=(-fsanitize=fuzzer) ;;
  afl|aflcmplog)
              cc=afl-clang-fast cxx=afl-clang-fast++
              cflags+=(-fsanitize=fuzzer); ldflags=(-fsanitize=fuzzer) ;;
  plain)      main=("$here/driver/replay.c") ;;
  cov)        cflags=(-g -O0 -fprofile-instr-generate -fcoverage-mapping)
              ldflags=(-fprofile-instr-generate); main=("$here/driver/replay.c") ;;
  cfuzzpass)  cflags+=("-fpass-plugin=$(cfuzz_file cfuzzpass.so)")
              ldflags=("$(cfuzz_file libcfuzz_nomain.a)" -lpthread -lm); main=("$here/driver/replay.c") ;;
  sancov)     cflags+=("-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp")
              ldflags=("$(cfuzz_file libcfuzz_nomain.a)" -lpthread -lm); main=("$here/driver/replay.c") ;;
  *) echo "build.sh: unknown variant $variant" >&2; exit 2 ;;
esac
# AFL++ reads these at compile time: the cmplog build and a quiet compiler.
export AFL_QUIET=1
if [ "$variant" = aflcmplog ]; then export AFL_LLVM_CMPLOG=1; fi
# The compiler of an instrumented AFL++ build must be clang-14 as for the others.
export AFL_CC=clang-14 AFL_CXX=clang++-14

flags=("${cflags[@]}" "${defines[@]}")
for i in "${includes[@]}"; do flags+=("-I$i"); done
flags+=("-I$work/gen")

compile() {  # compile SRC into the object dir; C++ by extension
  local src=$1 obj
  obj="$work/$(echo "$src" | tr / _).o"
  case $src in
    *.cc|*.cpp) (cd "$src_dir" && $cxx "${flags[@]}" -c "$src" -o "$obj") ;;
    *)          (cd "$src_dir" && $cc -std=gnu11 "${flags[@]}" -w -c "$src" -o "$obj") ;;
  esac
}
# Library objects are compiled two at a time: the machine has two cores.
pids=()
for s in "${sources[@]}"; do
  compile "$s" & pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
compile "$harness"
for m in "${main[@]}"; do
  clang-14 -O2 -std=c11 -c "$m" -o "$work/main.o"   # the driver stays uninstrumented
done
$cxx "${cflags[@]}" "$work"/*.o "${ldflags[@]}" "${libs[@]}" -o "$out/$target.$variant"
rm -rf "$work"
echo "$out/$target.$variant"
