#!/usr/bin/env bash
# The compiler wrapper run.sh uses for cfuzz: clang-14 with cfuzz in place of -fsanitize=fuzzer.
#
#   cfuzz-cc.sh PLUGIN LIB CLANG-ARGS...
#
# The compiler is $CFUZZ_CLANG (default clang-14, the suite's LLVM; the plugin must be built for it).
# What it does with the arguments, as clang does with -fsanitize=fuzzer and -fsanitize-coverage:
# - -fsanitize=LIST: the fuzzer and fuzzer-no-link parts are taken out (the sanitizers stay); either one
#   instruments with the pass plugin, and `fuzzer` on a link links the whole runtime archive (the suite's
#   harnesses have no main; not into a -shared library, as clang), with MemorySanitizer too (the runtime copes with it as libFuzzer does: msan.h).
# - -fsanitize-coverage=LIST and -fno-sanitize-coverage=LIST, while the plugin instruments, become the
#   plugin's options (CFUZZ_PASS_OPTIONS) instead of reaching clang's own coverage pass: the coverage kinds
#   (inline-8bit-counters, edge, bb, pc-table, ...) turn on `coverage`, trace-cmp turns on `trace-cmp` and
#   `trace-switch` (clang's trace-cmp covers switches), trace-div, trace-gep and stack-depth their namesakes
#   (-fsanitize=fuzzer implies stack-depth on Linux, as in clang); `0` turns all
#   of it off (as clang does, also what -fsanitize=fuzzer implied), and with nothing left on the plugin is
#   not added at all. trace-pc and trace-pc-guard go to clang unchanged: the runtime rejects them as libFuzzer
#   does. Without the plugin every coverage flag goes to clang unchanged.
set -euo pipefail
plugin=$1 lib=$2 clang=${CFUZZ_CLANG:-clang-14}
shift 2

args=() cov_args=() link=1 shared=0 fuzzer=0 plugin_on=0
# The plugin's options, in the order clang would apply them; -fsanitize=fuzzer's own come first.
coverage=1 trace_cmp=1 trace_div=0 trace_gep=0 stack_depth=1

# Applies one -f(no-)sanitize-coverage item: $1 is 1 (enable) or 0 (disable). Returns 1 if the plugin has
# no counterpart, so that the item goes to clang.
cov_item() {
  local on=$1 item=$2
  case $item in
    0) coverage=0 trace_cmp=0 trace_div=0 trace_gep=0 stack_depth=0 ;;
    inline-8bit-counters|inline-bool-flag|edge|bb|func|pc-table|indirect-calls) coverage=$on ;;
    stack-depth) stack_depth=$on ;;
    trace-cmp) trace_cmp=$on ;;
    trace-div) trace_div=$on ;;
    trace-gep) trace_gep=$on ;;
    *) return 1 ;;
  esac
}

for a in "$@"; do
  case $a in
    -fsanitize=*)
      list=${a#-fsanitize=}
      case ,$list, in *,fuzzer,*|*,fuzzer-no-link,*) plugin_on=1 ;; esac
      case ,$list, in *,fuzzer,*) fuzzer=1 ;; esac
      rest=$(echo "$list" | tr , '\n' | grep -vx 'fuzzer\|fuzzer-no-link' | paste -sd, - || true)
      [ -n "$rest" ] && args+=("-fsanitize=$rest") ;;
    -fsanitize-coverage=*|-fno-sanitize-coverage=*) cov_args+=("$a") ;;
    -c|-S|-E) link=0; args+=("$a") ;;
    -shared) shared=1; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

if [ $plugin_on = 1 ]; then
  for a in ${cov_args[@]+"${cov_args[@]}"}; do
    on=1
    case $a in -fno-*) on=0 ;; esac
    passed=()
    for item in $(echo "${a#*=}" | tr , ' '); do
      cov_item $on "$item" || passed+=("$item")
    done
    [ ${#passed[@]} -gt 0 ] && args+=("${a%%=*}=$(IFS=,; echo "${passed[*]}")")
  done
  if [ $coverage = 1 ] || [ $trace_cmp = 1 ] || [ $trace_div = 1 ] || [ $trace_gep = 1 ] || [ $stack_depth = 1 ]; then
    args+=(-fpass-plugin="$plugin")
    opts="coverage=$coverage,trace-cmp=$trace_cmp,trace-switch=$trace_cmp,trace-div=$trace_div,trace-gep=$trace_gep,stack-depth=$stack_depth"
    export CFUZZ_PASS_OPTIONS="$opts${CFUZZ_PASS_OPTIONS:+,$CFUZZ_PASS_OPTIONS}"
  fi
else
  args+=(${cov_args[@]+"${cov_args[@]}"})
fi

# As clang: the runtime goes into executables only, never into a shared library.
if [ $link = 1 ] && [ $fuzzer = 1 ] && [ $shared = 0 ]; then
  exec "$clang" "${args[@]}" -Wl,--whole-archive "$lib" -Wl,--no-whole-archive -lpthread -lm
fi
exec "$clang" "${args[@]}"
