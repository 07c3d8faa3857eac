#!/bin/sh
# Usage: wrapper.sh PLUGIN CLANG DIR
#
# cfuzz-cc.sh, the conformance suite's compiler wrapper, turns clang's -fsanitize=fuzzer and
# -f(no-)sanitize-coverage flags into the plugin's options as clang would apply them. Checked on the IR
# of one function with a compare, a division and a call (so that stack depth applies).
set -eu
[ $# -eq 3 ] || { echo "usage: $0 PLUGIN CLANG DIR" >&2; exit 2; }
plugin=$1 dir=$3
here=$(cd "$(dirname "$0")" && pwd)
export CFUZZ_CLANG="$2"
unset CFUZZ_PASS_OPTIONS
rm -rf "$dir" && mkdir -p "$dir"
printf 'int g(int);\nint f(int a, int b) { if (a == b * 7) return g(a); return a / b; }\n' >"$dir/f.c"
failed=0

# ir_of FLAGS...: the symbols of the instrumentation in the IR of f.c built with FLAGS, one a line.
ir_of() {
  bash "$here/cfuzz-cc.sh" "$plugin" /nonexistent.a -O2 "$@" -S -emit-llvm -o - "$dir/f.c" |
    grep -o '__sanitizer_cov_[a-z0-9_]*\|__sancov_cntrs\|__sancov_lowest_stack' | sort -u
}

# expect FLAGS -- WANT...: the IR has each symbol WANT (a leading ! : has not).
expect() {
  flags=
  while [ "$1" != -- ]; do flags="$flags $1"; shift; done
  shift
  # shellcheck disable=SC2086
  syms=$(ir_of $flags)
  for want in "$@"; do
    case $want in
      !*) if echo "$syms" | grep -qx "${want#!}"; then
            echo "FAIL:$flags: ${want#!} is there"; failed=1; fi ;;
      *) if ! echo "$syms" | grep -qx "$want"; then
           echo "FAIL:$flags: $want is missing (have: $(echo $syms))"; failed=1; fi ;;
    esac
  done
}

# -fsanitize=fuzzer alone: counters, compares and stack depth (as clang on Linux), no divisions.
expect -fsanitize=fuzzer -- __sancov_cntrs __sanitizer_cov_trace_cmp4 __sancov_lowest_stack '!__sanitizer_cov_trace_div4'
expect -fsanitize=fuzzer -fno-sanitize-coverage=stack-depth -- __sancov_cntrs '!__sancov_lowest_stack'
expect -fsanitize=address,fuzzer -fsanitize-coverage=trace-div -- __sancov_cntrs __sanitizer_cov_trace_div4
expect -fsanitize=fuzzer -fno-sanitize-coverage=trace-cmp -- __sancov_cntrs '!__sanitizer_cov_trace_cmp4'
# 0 turns off what came before, -fsanitize=fuzzer's own included; later items count again.
expect -fsanitize=fuzzer -fsanitize-coverage=0 -- '!__sancov_cntrs' '!__sanitizer_cov_trace_cmp4' '!__sancov_lowest_stack'
expect -fsanitize=fuzzer -fsanitize-coverage=0 -fsanitize-coverage=inline-8bit-counters -- \
  __sancov_cntrs '!__sanitizer_cov_trace_cmp4'
# fuzzer-no-link instruments too; without either the flags are clang's own.
expect -fsanitize=fuzzer-no-link -fsanitize-coverage=trace-div -- __sancov_cntrs __sanitizer_cov_trace_div4
expect -fsanitize-coverage=trace-pc-guard -- __sanitizer_cov_trace_pc_guard '!__sancov_cntrs'
exit $failed
