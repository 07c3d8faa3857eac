; float and double compares call cfuzz's own __cfuzz_trace_fcmp4/8 with both
; operands, through `select (@callback != null), @callback, @cfuzz.nohook.*`
; so that the code links and runs with a runtime that lacks the callback
; (libFuzzer's). NaN tests (ord/uno), other types and constant-only
; compares are not traced; trace-fcmp=0 turns it off.
; RUN: %opt_cfuzz %s | FileCheck %s %ptr_prefixes
; RUN: %opt_cfuzz %s | %verify
; RUN: env CFUZZ_PASS_OPTIONS=trace-fcmp=0 %opt_cfuzz %s | FileCheck %s --check-prefix=OFF

; CHECK-LABEL: define i1 @in_range(double %d)
; TYPED: call void select (i1 icmp ne (void (double, double)* @__cfuzz_trace_fcmp8, void (double, double)* null), void (double, double)* @__cfuzz_trace_fcmp8, void (double, double)* @cfuzz.nohook.__cfuzz_trace_fcmp8)(double 2.500000e+00, double %d)
; OPAQUE: [[DEF:%.*]] = icmp ne ptr @__cfuzz_trace_fcmp8, null
; OPAQUE-NEXT: [[FN:%.*]] = select i1 [[DEF]], ptr @__cfuzz_trace_fcmp8, ptr @cfuzz.nohook.__cfuzz_trace_fcmp8
; OPAQUE-NEXT: call void [[FN]](double 2.500000e+00, double %d)
; CHECK: %lo = fcmp olt double 2.500000e+00, %d
; CHECK: call void {{.*}}(double %d, double 0x4005BF0B8A7CBE63)
; CHECK: %hi = fcmp olt double %d, 0x4005BF0B8A7CBE63
define i1 @in_range(double %d) {
  %lo = fcmp olt double 2.500000e+00, %d
  %hi = fcmp olt double %d, 0x4005BF0B8A7CBE63
  %r = and i1 %lo, %hi
  ret i1 %r
}

; CHECK-LABEL: define i1 @float_eq(float %a, float %b)
; TYPED: call void select {{.*}} @cfuzz.nohook.__cfuzz_trace_fcmp4)(float %a, float %b)
; OPAQUE: select i1 {{%.*}}, ptr @__cfuzz_trace_fcmp4, ptr @cfuzz.nohook.__cfuzz_trace_fcmp4
; OPAQUE-NEXT: call void {{%.*}}(float %a, float %b)
; CHECK: %r = fcmp oeq float %a, %b
define i1 @float_eq(float %a, float %b) {
  %r = fcmp oeq float %a, %b
  ret i1 %r
}

; CHECK-LABEL: define i1 @not_traced(double %d, half %h, x86_fp80 %x)
; CHECK-NOT: __cfuzz_trace_fcmp
; CHECK: ret i1
define i1 @not_traced(double %d, half %h, x86_fp80 %x) {
  %nan = fcmp uno double %d, %d
  %ord = fcmp ord double %d, 0.0
  %hh = fcmp olt half %h, 0xH3C00
  %xx = fcmp olt x86_fp80 %x, 0xK3FFF8000000000000000
  %c = fcmp olt double 1.0, 2.0
  %r1 = or i1 %nan, %ord
  %r2 = or i1 %hh, %xx
  %r3 = or i1 %r1, %r2
  %r = or i1 %r3, %c
  ret i1 %r
}

; The callbacks are extern_weak, the no-ops internal.
; CHECK-DAG: declare extern_weak void @__cfuzz_trace_fcmp8(double, double)
; CHECK-DAG: declare extern_weak void @__cfuzz_trace_fcmp4(float, float)
; CHECK-DAG: define internal void @cfuzz.nohook.__cfuzz_trace_fcmp8(double %0, double %1)

; OFF-NOT: __cfuzz_trace_fcmp
