#!/usr/bin/env bash
# Line and branch coverage of a corpus, measured the same way for every fuzzer:
# replay it through the target's `cov` build (bench/build.sh cov ...) and ask
# llvm-cov for the totals.
#
#   bench/coverage.sh COV_BINARY CORPUS_DIR...
#   -> {"lines": N, "lines_covered": N, "branches": N, "branches_covered": N}
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: coverage.sh COV_BINARY CORPUS_DIR..." >&2; exit 2; }
bin=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One process for the whole corpus is fast; if an input kills it (a crash or
# hang that a fuzzer kept), the profile of that process is lost, so replay one
# file per process instead, each writing its own profile.
if ! LLVM_PROFILE_FILE="$tmp/all.profraw" timeout 300 "$bin" "$@" >/dev/null 2>&1; then
  rm -f "$tmp"/*.profraw
  find "$@" -maxdepth 1 -type f ! -name '.*' -print0 |
    while IFS= read -r -d '' f; do
      LLVM_PROFILE_FILE="$tmp/%p.profraw" timeout 5 "$bin" "$f" >/dev/null 2>&1 || true
    done
fi
compgen -G "$tmp/*.profraw" >/dev/null || { echo "coverage.sh: no profile written" >&2; exit 1; }
llvm-profdata-14 merge -sparse "$tmp"/*.profraw -o "$tmp/merged.profdata"
llvm-cov-14 export -summary-only -instr-profile="$tmp/merged.profdata" "$bin" |
  python3 -c '
import json, sys
t = json.load(sys.stdin)["data"][0]["totals"]
print(json.dumps({"lines": t["lines"]["count"], "lines_covered": t["lines"]["covered"],
                  "branches": t["branches"]["count"], "branches_covered": t["branches"]["covered"]}))'
