#!/bin/sh
# Installs the build tree into a temporary prefix, then builds a fuzzer outside
# the tree twice: with find_package(cfuzz) + cfuzz_add_fuzzer(), and by hand
# with pkg-config. Both fuzzers must run.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -eu
build=$1 src=$2 cc=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
for f in lib/cfuzz/cfuzzpass.so lib/libcfuzz.a lib/libcfuzz_nomain.a include/cfuzz.h \
         lib/cmake/cfuzz/cfuzzConfig.cmake lib/pkgconfig/cfuzz.pc; do
  [ -e "$tmp/prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done

cmake -S "$src/test/package/consumer" -B "$tmp/consumer" -DCMAKE_C_COMPILER="$cc" \
      -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/consumer" >/dev/null
mkdir -p "$tmp/corpus1" "$tmp/corpus2"
"$tmp/consumer/consumer_fuzzer" -runs=200 -seed=1 -workdir="$tmp/wd1" "$tmp/corpus1" >"$tmp/log1" 2>&1 ||
  { cat "$tmp/log1"; echo "FAIL: CMake-package fuzzer did not run"; exit 1; }

export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
# shellcheck disable=SC2046
"$cc" -O1 $(pkg-config --cflags cfuzz) -c "$src/test/package/consumer/fuzz_target.c" -o "$tmp/t.o"
# shellcheck disable=SC2046
"$cc" "$tmp/t.o" $(pkg-config --libs cfuzz) -o "$tmp/pc_fuzzer"
"$tmp/pc_fuzzer" -runs=200 -seed=1 -workdir="$tmp/wd2" "$tmp/corpus2" >"$tmp/log2" 2>&1 ||
  { cat "$tmp/log2"; echo "FAIL: pkg-config fuzzer did not run"; exit 1; }
nm "$tmp/t.o" | grep -q __sanitizer_cov_8bit_counters_init ||
  { echo "FAIL: pkg-config --cflags did not load the pass"; exit 1; }
echo "PASS: installed package and pkg-config file build working fuzzers"
