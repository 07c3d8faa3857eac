; Pointer and vector compares are not traced (addresses change with ASLR and
; are not input bytes; vector compares come from the vectoriser). i65..i128
; compares are traced as their low and high 64-bit halves; wider ones are
; skipped.
; RUN: %opt_cfuzz %s | FileCheck %s
; RUN: %opt_cfuzz %s | %verify

; CHECK-LABEL: define i1 @pointers(
; CHECK-NOT: call void @__sanitizer_cov_trace
; CHECK: ret i1
define i1 @pointers(i8* %p, i8* %q) {
  %c = icmp ult i8* %p, %q
  ret i1 %c
}

; CHECK-LABEL: define i1 @null_pointer(
; CHECK-NOT: call void @__sanitizer_cov_trace
; CHECK: ret i1
define i1 @null_pointer(i8* %p) {
  %c = icmp eq i8* %p, null
  ret i1 %c
}

; CHECK-LABEL: define <4 x i1> @vectors(
; CHECK-NOT: call void @__sanitizer_cov_trace
; CHECK: ret <4 x i1>
define <4 x i1> @vectors(<4 x i32> %a, <4 x i32> %b) {
  %c = icmp eq <4 x i32> %a, %b
  ret <4 x i1> %c
}

; CHECK-LABEL: define i1 @i128(
; CHECK: [[ALO:%.*]] = trunc i128 %a to i64
; CHECK-NEXT: [[BLO:%.*]] = trunc i128 %b to i64
; CHECK-NEXT: call void @__sanitizer_cov_trace_cmp8(i64 [[ALO]], i64 [[BLO]])
; CHECK-NEXT: [[AHI:%.*]] = lshr i128 %a, 64
; CHECK-NEXT: [[AHI64:%.*]] = trunc i128 [[AHI]] to i64
; CHECK-NEXT: [[BHI:%.*]] = lshr i128 %b, 64
; CHECK-NEXT: [[BHI64:%.*]] = trunc i128 [[BHI]] to i64
; CHECK-NEXT: call void @__sanitizer_cov_trace_cmp8(i64 [[AHI64]], i64 [[BHI64]])
; CHECK-NEXT: icmp eq i128 %a, %b
define i1 @i128(i128 %a, i128 %b) {
  %c = icmp eq i128 %a, %b
  ret i1 %c
}

; The constant's halves are folded: 0x0011223344556677_8899aabbccddeeff.
; CHECK-LABEL: define i1 @i128_const(
; CHECK: call void @__sanitizer_cov_trace_const_cmp8(i64 -8603657889541918977, i64
; CHECK: call void @__sanitizer_cov_trace_const_cmp8(i64 4822678189205111, i64
define i1 @i128_const(i128 %a) {
  %c = icmp eq i128 %a, 88962710306127702866241727433142015
  ret i1 %c
}

; i72 widens to 128 bits by the predicate's signedness, then splits.
; CHECK-LABEL: define i1 @i72(
; CHECK: sext i72 %a to i128
; CHECK: call void @__sanitizer_cov_trace_cmp8(
; CHECK: call void @__sanitizer_cov_trace_cmp8(
define i1 @i72(i72 %a, i72 %b) {
  %c = icmp slt i72 %a, %b
  ret i1 %c
}

; CHECK-LABEL: define i1 @i256(
; CHECK-NOT: call void @__sanitizer_cov_trace
; CHECK: ret i1
define i1 @i256(i256 %a, i256 %b) {
  %c = icmp eq i256 %a, %b
  ret i1 %c
}
