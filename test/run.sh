#!/usr/bin/env bash
# Builds cfuzz and runs every test (lit, runtime unit tests, end to end) once
# per LLVM major.
#
#   bash test/run.sh            # every supported major installed here
#   bash test/run.sh 14 22      # just these
#
# Build trees go to build-llvmN/ in the source tree. Exits non-zero if any
# version fails to build or has a failing test.
set -u
cd "$(dirname "$0")/.."

versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then
  for v in 14 19 22; do
    [ -e "/usr/lib/llvm-$v/lib/cmake/llvm/LLVMConfig.cmake" ] && versions+=("$v")
  done
fi
if [ ${#versions[@]} -eq 0 ]; then
  echo "test/run.sh: no supported LLVM (14, 19, 22) under /usr/lib/llvm-N" >&2
  exit 1
fi

jobs=$(nproc 2>/dev/null || echo 2)
failed=()
for v in "${versions[@]}"; do
  echo "=== LLVM $v"
  dir="build-llvm$v"
  if cmake -S . -B "$dir" -DCFUZZ_LLVM_VERSION="$v" -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$dir.configure.log" 2>&1 \
     && cmake --build "$dir" -j "$jobs"; then
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" || failed+=("$v")
  else
    [ -s "$dir.configure.log" ] && tail -n 30 "$dir.configure.log"
    echo "=== LLVM $v: build failed"
    failed+=("$v")
  fi
done

passed=$(( ${#versions[@]} - ${#failed[@]} ))
echo "LLVM versions: $passed passed, ${#failed[@]} failed${failed:+ (${failed[*]})}"
[ ${#failed[@]} -eq 0 ]
