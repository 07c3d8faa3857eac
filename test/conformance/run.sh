#!/usr/bin/env bash
# Runs libFuzzer's own lit tests (LLVM 14.0.6, compiler-rt/test/fuzzer) with one engine, to measure how closely
# cfuzz follows libFuzzer. The same harnesses and RUN lines are used for both engines; for cfuzz a compiler
# wrapper replaces -fsanitize=...,fuzzer with the pass plugin and links libcfuzz.a in place of libFuzzer.
#
#   bash test/conformance/run.sh libfuzzer            # the reference: clang-14 -fsanitize=fuzzer
#   bash test/conformance/run.sh cfuzz [LIT ARGS...]  # cfuzz from $CFUZZ_BUILD (default build-conf/)
#   bash test/conformance/run.sh cfuzz --filter=merge # a subset
#
# Build cfuzz first: cmake -S . -B build-conf -DCFUZZ_LLVM_VERSION=14 && cmake --build build-conf -j2
# Needs clang-14, llvm-14-tools (lit, FileCheck, not), libclang-rt-14-dev, python3-psutil (lit's per-test
# timeout) and a deb-src entry for `apt-get source` (added here when missing; run as root then).
# The LLVM source is fetched once into $LLVM_SRC (default /tmp/llvm-14-src); only the fuzzer tests and
# libFuzzer's sources are unpacked. Results go to $OUT (default /tmp/cfuzz-conformance): ENGINE.log (lit's
# output), ENGINE.txt (one "RESULT test" line per test, sorted by test). The tests libFuzzer passes and
# cfuzz does not:  join -j2 $OUT/libfuzzer.txt $OUT/cfuzz.txt | awk '$2=="PASS" && $3!="PASS"'
# A full run takes 6 to 25 minutes on 2 cores, most of it tests that wait for lit's timeout ($LIT_TIMEOUT).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
engine=${1:?usage: run.sh libfuzzer|cfuzz [LIT ARGS...]}
shift
src=${LLVM_SRC:-/tmp/llvm-14-src}
out=${OUT:-/tmp/cfuzz-conformance}
crt=$src/llvm-toolchain-14_14.0.6/compiler-rt
lit=/usr/lib/llvm-14/build/utils/lit/lit.py
# Debian's python3, which has python3-psutil, whatever python3 comes first on PATH.
py=/usr/bin/python3

have_deb_src() {
  grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/
}

fetch_source() {
  if ! have_deb_src; then
    # Same archive and suite as the binary packages, so the source matches the installed clang-14.
    local uri suite
    uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
      "${uri:-http://deb.debian.org/debian}" "$suite" /usr/share/keyrings/debian-archive-keyring.gpg \
      > /etc/apt/sources.list.d/cfuzz-conformance-src.sources
    apt-get update -qq
  fi
  mkdir -p "$src"
  (cd "$src" && apt-get source -qq --download-only llvm-toolchain-14 >/dev/null &&
    tar -xJf llvm-toolchain-14_14.0.6.orig.tar.xz --wildcards \
      '*/compiler-rt/test/fuzzer/*' '*/compiler-rt/lib/fuzzer/*')
}

# The cfuzz compiler wrapper (cfuzz-cc.sh says what it does), with the build's plugin and runtimes.
write_wrapper() {
  local plugin=$1 lib=$2 wrapper=$3
  printf '#!/bin/sh\nexec bash %q %q %q "$@"\n' "$here/cfuzz-cc.sh" "$plugin" "$lib" > "$wrapper"
  chmod +x "$wrapper"
}

[ -d "$crt/test/fuzzer" ] || fetch_source
mkdir -p "$out"
work=$out/$engine
rm -rf "$work"
mkdir -p "$work/tests"
case $engine in
  libfuzzer) cc=clang-14 ;;
  cfuzz)
    build=${CFUZZ_BUILD:-$repo/build-conf}
    plugin=$build/pass/cfuzzpass.so lib=$build/runtime/libcfuzz.a
    for f in "$plugin" "$lib"; do
      [ -e "$f" ] || { echo "run.sh: $f missing; build with -DCFUZZ_LLVM_VERSION=14 first" >&2; exit 1; }
    done
    cc=$work/cfuzz-cc
    write_wrapper "$plugin" "$lib" "$cc" ;;
  *) echo "run.sh: ENGINE is libfuzzer or cfuzz" >&2; exit 2 ;;
esac
sed -e "s|@ENGINE@|$engine|; s|@WORK@|$work|g; s|@CRT@|$crt|g; s|@CC@|$cc|" \
  "$here/lit.site.cfg.py.in" > "$work/lit.site.cfg.py"

"$py" "$lit" -sv --show-xfail --show-unsupported --timeout="${LIT_TIMEOUT:-90}" -j"${JOBS:-$(nproc)}" --xunit-xml-output="$out/$engine.xml" \
  "$@" "$work" > "$out/$engine.log" 2>&1 || true
# One line per test: PASS, FAIL, TIMEOUT, XFAIL (expected to fail, and did) or SKIP (unsupported here, or
# left out by --filter), from lit's xunit file and its result lines.
"$py" - "$out/$engine.xml" "$out/$engine.log" <<'PY' | sort -k2 > "$out/$engine.txt"
import re, sys
import xml.etree.ElementTree as ET
results = {}
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    result = "PASS"
    for child in case:
        if child.tag == "failure":
            result = "FAIL"
        elif child.tag == "skipped" and result == "PASS":
            result = "SKIP"
    results[case.get("name")] = result
for line in open(sys.argv[2], errors="replace"):
    m = re.match(r"(XFAIL|TIMEOUT): \S+ :: (\S+) \(", line)
    if m and m.group(2) in results:
        results[m.group(2)] = m.group(1)
for name, result in results.items():
    print(result, name)
PY
grep -E '^ *(Passed|Failed|Unsupported|Expectedly Failed|Unresolved|Timed Out|Unexpectedly Passed) *:' \
  "$out/$engine.log" || tail -n 5 "$out/$engine.log"
