; Each kind of tracing can be turned off through CFUZZ_PASS_OPTIONS; all are
; on by default except division and GEP-index tracing, which are opt-in.
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefixes=CMP,SWITCH,STRCMP,NODIV,NOGEP
; RUN: env CFUZZ_PASS_OPTIONS=trace-cmp=0 %opt_cfuzz %s | FileCheck %s --check-prefixes=NOCMP,SWITCH,STRCMP
; RUN: env CFUZZ_PASS_OPTIONS=trace-switch=0 %opt_cfuzz %s | FileCheck %s --check-prefixes=CMP,NOSWITCH,STRCMP
; RUN: env CFUZZ_PASS_OPTIONS=trace-strcmp=0 %opt_cfuzz %s | FileCheck %s --check-prefixes=CMP,SWITCH,NOSTRCMP
; RUN: env CFUZZ_PASS_OPTIONS=trace-div=1 %opt_cfuzz %s | FileCheck %s --check-prefixes=CMP,DIV,NOGEP
; RUN: env CFUZZ_PASS_OPTIONS=trace-gep=1 %opt_cfuzz %s | FileCheck %s --check-prefixes=CMP,NODIV,GEP
; RUN: env CFUZZ_PASS_OPTIONS=trace-cmp=0,trace-switch=0,trace-strcmp=0 %opt_cfuzz %s | FileCheck %s --check-prefix=NONE

declare i32 @strcmp(i8*, i8*)

define i32 @f(i32 %x, i32 %y, i8* %s, i8* %t, [16 x i8]* %arr, i64 %i) {
entry:
  %c = icmp eq i32 %x, %y
  %q = udiv i32 %x, %y
  %p = getelementptr [16 x i8], [16 x i8]* %arr, i64 0, i64 %i
  %b = load i8, i8* %p
  %r = call i32 @strcmp(i8* %s, i8* %t)
  switch i32 %x, label %other [
    i32 1, label %one
  ]
one:
  ret i32 %r
other:
  %z = zext i1 %c to i32
  ret i32 %q
}

; CMP: call void @__sanitizer_cov_trace_cmp4(
; NOCMP-NOT: call void @__sanitizer_cov_trace_cmp4(
; DIV: call void @__sanitizer_cov_trace_div4(
; NODIV-NOT: call void @__sanitizer_cov_trace_div
; GEP: call void @__sanitizer_cov_trace_gep(i64 %i)
; NOGEP-NOT: call void @__sanitizer_cov_trace_gep
; STRCMP: @__sanitizer_weak_hook_strcmp
; NOSTRCMP-NOT: __sanitizer_weak_hook
; SWITCH: call void @__sanitizer_cov_trace_switch(
; NOSWITCH-NOT: __sanitizer_cov_trace_switch
; NONE-NOT: __sanitizer_cov_trace_{{(const_)?}}cmp
; NONE-NOT: __sanitizer_cov_trace_switch
; NONE-NOT: __sanitizer_weak_hook
