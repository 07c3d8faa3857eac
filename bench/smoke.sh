#!/usr/bin/env bash
# CI smoke run of the bench: one bug-suite target, each fuzzer a few seconds,
# asserting only that every fuzzer produced numbers (so the scripts keep
# working); first checks aggregate.py's tables on made-up trials. Self-contained: installs AFL++ when missing and builds cfuzz
# (clang-14) into a temp dir unless CFUZZ_BUILD points at an existing build.
#
#   bash bench/smoke.sh            (exit 0: every fuzzer produced numbers)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
tmp=$(mktemp -d /tmp/cfuzz-bench-smoke.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
target=${SMOKE_TARGET:-magic_nested}
secs=${SMOKE_SECONDS:-5}

if ! command -v afl-clang-fast >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null; }
fi
if [ -z "${CFUZZ_BUILD:-}" ]; then
  export CFUZZ_BUILD=$tmp/cfuzz-build
  cmake -S "$repo" -B "$CFUZZ_BUILD" -DCFUZZ_LLVM_VERSION=14 -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$CFUZZ_BUILD" --target cfuzz cfuzz_nomain cfuzzpass -j2 >/dev/null
fi

python3 "$here/test_aggregate.py"  # the table logic, on made-up trials
for v in cfuzz libfuzzer aflcmplog; do "$here/build.sh" "$v" "$target" "$tmp/bins" >/dev/null; done
status=0
for f in cfuzz libfuzzer aflpp; do
  line=$(python3 "$here/run_trial.py" --fuzzer "$f" --bins "$tmp/bins" --target "$target" \
           --seeds "$tmp/bins/$target.seeds" --seconds "$secs" --mode find --out "$tmp/run.$f")
  echo "$line" | tee -a "$tmp/results.jsonl"
  # Numbers, not just a line: executions counted and a rate computed.
  if ! echo "$line" | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r["execs"] and r["execs_per_sec"] else 1)'; then
    echo "smoke.sh: $f produced no execution count (log: see above run)" >&2
    tail -20 "$tmp/run.$f/log.txt" >&2 || true
    status=1
  fi
done
# The fixed-corpus timer: both binaries from the seeds, a time for each.
timed=$("$here/fixed_corpus.sh" -n 300 -r 1 "$tmp/bins/$target.seeds" "$tmp/bins/$target.cfuzz" \
          "$tmp/bins/$target.libfuzzer" 2>"$tmp/fixed.err") || { cat "$tmp/fixed.err" >&2; status=1; }
echo "$timed"
[ "$(echo "$timed" | grep -c ': median ')" = 2 ] || { echo "smoke.sh: fixed_corpus.sh gave no times" >&2; status=1; }
python3 "$here/aggregate.py" "$tmp/results.jsonl" >/dev/null
python3 "$here/compare.py" "$tmp/results.jsonl" "$tmp/results.jsonl" >/dev/null
exit $status
