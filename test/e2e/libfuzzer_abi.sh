#!/bin/sh
# Usage: libfuzzer_abi.sh FUZZER RUNS SEED DIR
#
# FUZZER is targets/magic.c compiled with the cfuzz plugin only (no
# -fsanitize-coverage) and linked with libFuzzer's runtime. libFuzzer can only
# reach "FUZZ" if it receives the plugin's counters and PC table, so finding
# the trap within RUNS executions proves the ABI. A libFuzzer run with no
# coverage at all would run out its RUNS and exit 0.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 4 ] || fail "usage: $0 FUZZER RUNS SEED DIR"
fuzzer=$1 runs=$2 seed=$3 dir=$4

fresh_dir "$dir"
mkdir "$dir/corpus"
run_logged "$dir/log" "$fuzzer" -runs="$runs" -seed="$seed" -artifact_prefix="$dir/" "$dir/corpus"
# libFuzzer reports the trap as a deadly signal and exits 1 by default
# (-error_exitcode=77 only when asked); what matters is that it found it.
expect_line '^==[0-9]+== ERROR: libFuzzer: deadly signal' "libFuzzer finds FUZZ within $runs runs" "$dir/log"
[ "$status" -ne 0 ] || fail "libFuzzer reported a crash but exited 0"
expect_line '^INFO: Loaded 1 modules +\([1-9][0-9]* inline 8-bit counters\)' \
  "libFuzzer registers the plugin's counters" "$dir/log"
expect_line '^INFO: Loaded 1 PC tables \([1-9][0-9]* PCs\)' "libFuzzer registers the plugin's PC table" "$dir/log"
repro=$(reproducer_of "$dir/log")
[ -n "$repro" ] && [ -f "$repro" ] || fail "no crash reproducer written (log $dir/log)"
[ "$(head -c 4 "$repro")" = FUZZ ] || fail "reproducer $repro does not start with FUZZ"
note "libFuzzer found FUZZ in a cfuzzpass-instrumented target: $repro"
