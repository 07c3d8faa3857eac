; Integer compares call __sanitizer_cov_trace_cmp{1,2,4,8} by store size, or
; the const_ variant with the constant as the first argument; a compare of two
; constants is not traced. Odd widths are widened by the predicate's
; signedness.
; RUN: %opt_cfuzz %s | FileCheck %s
; RUN: %opt_cfuzz %s | %verify

; CHECK-LABEL: define i1 @cmp8(
; CHECK: call void @__sanitizer_cov_trace_cmp1(i8 zeroext %a, i8 zeroext %b)
; CHECK-NEXT: icmp ult i8 %a, %b
define i1 @cmp8(i8 %a, i8 %b) {
  %c = icmp ult i8 %a, %b
  ret i1 %c
}

; CHECK-LABEL: define i1 @cmp16(
; CHECK: call void @__sanitizer_cov_trace_cmp2(i16 zeroext %a, i16 zeroext %b)
define i1 @cmp16(i16 %a, i16 %b) {
  %c = icmp sgt i16 %a, %b
  ret i1 %c
}

; CHECK-LABEL: define i1 @cmp32(
; CHECK: call void @__sanitizer_cov_trace_cmp4(i32 zeroext %a, i32 zeroext %b)
define i1 @cmp32(i32 %a, i32 %b) {
  %c = icmp ne i32 %a, %b
  ret i1 %c
}

; CHECK-LABEL: define i1 @cmp64(
; CHECK: call void @__sanitizer_cov_trace_cmp8(i64 %a, i64 %b)
define i1 @cmp64(i64 %a, i64 %b) {
  %c = icmp sle i64 %a, %b
  ret i1 %c
}

; The constant goes first whichever side it was on.
; CHECK-LABEL: define i1 @const_second(
; CHECK: call void @__sanitizer_cov_trace_const_cmp4(i32 zeroext -559038737, i32 zeroext %a)
define i1 @const_second(i32 %a) {
  %c = icmp eq i32 %a, 3735928559
  ret i1 %c
}

; CHECK-LABEL: define i1 @const_first(
; CHECK: call void @__sanitizer_cov_trace_const_cmp8(i64 1234605616436508552, i64 %a)
define i1 @const_first(i64 %a) {
  %c = icmp ugt i64 1234605616436508552, %a
  ret i1 %c
}

; CHECK-LABEL: define i1 @const_cmp1(
; CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 42, i8 zeroext %a)
define i1 @const_cmp1(i8 %a) {
  %c = icmp eq i8 %a, 42
  ret i1 %c
}

; CHECK-LABEL: define i1 @const_cmp2(
; CHECK: call void @__sanitizer_cov_trace_const_cmp2(i16 zeroext 4660, i16 zeroext %a)
define i1 @const_cmp2(i16 %a) {
  %c = icmp eq i16 %a, 4660
  ret i1 %c
}

; Both sides constant: nothing the input can change.
; CHECK-LABEL: define i1 @both_const(
; CHECK-NOT: __sanitizer_cov_trace
; CHECK: ret i1
define i1 @both_const() {
  %c = icmp eq i32 7, 9
  ret i1 %c
}

; An i24 is traced as 32 bits: sign-extended for a signed predicate,
; zero-extended otherwise, so the traced values order as the program's do.
; CHECK-LABEL: define i1 @i24_signed(
; CHECK: [[A:%.*]] = sext i24 %a to i32
; CHECK-NEXT: [[B:%.*]] = sext i24 %b to i32
; CHECK-NEXT: call void @__sanitizer_cov_trace_cmp4(i32 zeroext [[A]], i32 zeroext [[B]])
define i1 @i24_signed(i24 %a, i24 %b) {
  %c = icmp slt i24 %a, %b
  ret i1 %c
}

; CHECK-LABEL: define i1 @i24_unsigned(
; CHECK: [[A:%.*]] = zext i24 %a to i32
; CHECK-NEXT: [[B:%.*]] = zext i24 %b to i32
; CHECK-NEXT: call void @__sanitizer_cov_trace_cmp4(i32 zeroext [[A]], i32 zeroext [[B]])
define i1 @i24_unsigned(i24 %a, i24 %b) {
  %c = icmp ult i24 %a, %b
  ret i1 %c
}

; A negative constant of an odd width keeps its meaning: -1 as i24 slt is
; 0xffffffff in 32 bits, as ult it is 0x00ffffff.
; CHECK-LABEL: define i1 @i24_const(
; CHECK: call void @__sanitizer_cov_trace_const_cmp4(i32 zeroext -1, i32 zeroext
; CHECK: call void @__sanitizer_cov_trace_const_cmp4(i32 zeroext 16777215, i32 zeroext
define i1 @i24_const(i24 %a) {
  %c = icmp slt i24 %a, -1
  %d = icmp ult i24 %a, -1
  %e = and i1 %c, %d
  ret i1 %e
}

; CHECK-DAG: declare void @__sanitizer_cov_trace_cmp1(i8 zeroext, i8 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_cmp2(i16 zeroext, i16 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_cmp4(i32 zeroext, i32 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_cmp8(i64, i64)
; CHECK-DAG: declare void @__sanitizer_cov_trace_const_cmp1(i8 zeroext, i8 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_const_cmp2(i16 zeroext, i16 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_const_cmp4(i32 zeroext, i32 zeroext)
; CHECK-DAG: declare void @__sanitizer_cov_trace_const_cmp8(i64, i64)
