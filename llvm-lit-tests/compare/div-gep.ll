; Opt-in kinds: __sanitizer_cov_trace_div{4,8} on non-constant divisors
; (divisions and remainders), __sanitizer_cov_trace_gep on non-constant
; indices.
; RUN: env CFUZZ_PASS_OPTIONS=trace-div=1,trace-gep=1 %opt_cfuzz %s | FileCheck %s
; RUN: env CFUZZ_PASS_OPTIONS=trace-div=1,trace-gep=1 %opt_cfuzz %s | %verify

; CHECK-LABEL: define i32 @div32(
; CHECK: call void @__sanitizer_cov_trace_div4(i32 zeroext %b)
; CHECK-NEXT: sdiv i32 %a, %b
; CHECK: call void @__sanitizer_cov_trace_div4(i32 zeroext %b)
; CHECK-NEXT: urem i32 %a, %b
; CHECK-NOT: call void @__sanitizer_cov_trace_div
; CHECK: ret i32
define i32 @div32(i32 %a, i32 %b) {
  %q = sdiv i32 %a, %b
  %r = urem i32 %a, %b
  %k = udiv i32 %a, 7
  %s = add i32 %q, %r
  %t = add i32 %s, %k
  ret i32 %t
}

; CHECK-LABEL: define i64 @div64(
; CHECK: call void @__sanitizer_cov_trace_div8(i64 %b)
; CHECK-NEXT: udiv i64 %a, %b
define i64 @div64(i64 %a, i64 %b) {
  %q = udiv i64 %a, %b
  ret i64 %q
}

; 16-bit divisions have no callback.
; CHECK-LABEL: define i16 @div16(
; CHECK-NOT: call void @__sanitizer_cov_trace_div
; CHECK: ret i16
define i16 @div16(i16 %a, i16 %b) {
  %q = udiv i16 %a, %b
  ret i16 %q
}

; Only the variable index is reported, sign-extended to pointer width.
; CHECK-LABEL: define i8 @gep(
; CHECK: [[I:%.*]] = sext i32 %i to i64
; CHECK-NEXT: call void @__sanitizer_cov_trace_gep(i64 [[I]])
; CHECK-NOT: call void @__sanitizer_cov_trace_gep
; CHECK: ret i8
define i8 @gep([16 x i8]* %arr, i32 %i) {
  %p = getelementptr [16 x i8], [16 x i8]* %arr, i64 0, i32 %i
  %q = getelementptr [16 x i8], [16 x i8]* %arr, i64 0, i64 3
  %a = load i8, i8* %p
  %b = load i8, i8* %q
  %c = add i8 %a, %b
  ret i8 %c
}

; CHECK-DAG: declare void @__sanitizer_cov_trace_div4(i32 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_div8(i64)
; CHECK-DAG: declare void @__sanitizer_cov_trace_gep(i64)
