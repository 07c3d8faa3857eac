; CFUZZ_PASS_OPTIONS switches instrumentation kinds; unknown names and bad
; values are warned about (once) and ignored. -cfuzz-options takes the same
; syntax when the plugin is loaded before the command line is parsed (opt
; -load; LLVM 14's opt loads -load-pass-plugin too late for flags).
; RUN: env CFUZZ_PASS_OPTIONS=coverage=0 %opt_cfuzz %s | FileCheck %s --check-prefix=OFF
; RUN: env CFUZZ_PASS_OPTIONS=coverage=off,coverage=on %opt_cfuzz %s | FileCheck %s --check-prefix=ON
; RUN: env CFUZZ_PASS_OPTIONS=no-such-thing=1,coverage=maybe %opt_cfuzz %s 2>&1 >/dev/null | FileCheck %s --check-prefix=WARN
; RUN: env CFUZZ_PASS_OPTIONS=no-such-thing=1,coverage=maybe %opt_cfuzz %s 2>/dev/null | FileCheck %s --check-prefix=ON
; RUN: %opt -load=%plugin -load-pass-plugin=%plugin -cfuzz-options=coverage=0 -passes=cfuzz -S %s | FileCheck %s --check-prefix=OFF
; The flag wins over the variable.
; RUN: env CFUZZ_PASS_OPTIONS=coverage=0 %opt -load=%plugin -load-pass-plugin=%plugin -cfuzz-options=coverage=1 -passes=cfuzz -S %s | FileCheck %s --check-prefix=ON

target triple = "x86_64-unknown-linux-gnu"

define i32 @f(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
}

; OFF-NOT: __sancov_cntrs
; OFF-NOT: module_ctor
; ON: section "__sancov_cntrs", comdat($f)
; WARN-DAG: cfuzz: warning: CFUZZ_PASS_OPTIONS: unknown option 'no-such-thing' ignored (known: coverage, prune, selects, trace-cmp, trace-switch, trace-strcmp, trace-fcmp, trace-div, trace-gep, split-cmp, stack-depth, loop-work)
; WARN-DAG: cfuzz: warning: CFUZZ_PASS_OPTIONS: bad value 'maybe' for 'coverage' (use 1 or 0); ignored
