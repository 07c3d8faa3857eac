; A switch calls __sanitizer_cov_trace_switch(value, cases) with an internal
; constant table {count, bit width, case values zero-extended and sorted}.
; Switches wider than 64 bits cannot be described by the table: skipped.
; RUN: %opt_cfuzz %s | FileCheck %s %ptr_prefixes
; RUN: %opt_cfuzz %s | %verify

; Cases are given unsorted and sorted in the table. The i32 -1 case is
; zero-extended: 0xffffffff, the largest value.
; CHECK-DAG: @[[T32:cfuzz.switch_cases[.0-9]*]] = internal unnamed_addr constant [6 x i64] [i64 4, i64 32, i64 7, i64 100000, i64 3000000, i64 4294967295]
; CHECK-DAG: @[[T8:cfuzz.switch_cases[.0-9]*]] = internal unnamed_addr constant [5 x i64] [i64 3, i64 8, i64 1, i64 128, i64 255]
; CHECK-DAG: @[[T64:cfuzz.switch_cases[.0-9]*]] = internal unnamed_addr constant [4 x i64] [i64 2, i64 64, i64 81985529216486895, i64 -81985529216486896]

; CHECK-LABEL: define i32 @sw32(
; CHECK: [[V:%.*]] = zext i32 %x to i64
; TYPED-NEXT: call void @__sanitizer_cov_trace_switch(i64 [[V]], i8* bitcast ([6 x i64]* @[[T32]] to i8*))
; OPAQUE-NEXT: call void @__sanitizer_cov_trace_switch(i64 [[V]], ptr @[[T32]])
; CHECK-NEXT: switch i32 %x
define i32 @sw32(i32 %x) {
entry:
  switch i32 %x, label %other [
    i32 3000000, label %a
    i32 7, label %b
    i32 -1, label %c
    i32 100000, label %d
  ]
a:
  ret i32 1
b:
  ret i32 2
c:
  ret i32 3
d:
  ret i32 4
other:
  ret i32 0
}

; Signed i8 cases -1 and -128 become 255 and 128.
; CHECK-LABEL: define i32 @sw8(
; CHECK: [[V:%.*]] = zext i8 %x to i64
; CHECK-NEXT: call void @__sanitizer_cov_trace_switch(i64 [[V]],
define i32 @sw8(i8 %x) {
entry:
  switch i8 %x, label %other [
    i8 -1, label %a
    i8 -128, label %b
    i8 1, label %b
  ]
a:
  ret i32 1
b:
  ret i32 2
other:
  ret i32 0
}

; 64-bit values sort as unsigned: 0xfedcba9876543210 after 0x0123456789abcdef.
; CHECK-LABEL: define i32 @sw64(
; CHECK: call void @__sanitizer_cov_trace_switch(i64 %x,
define i32 @sw64(i64 %x) {
entry:
  switch i64 %x, label %other [
    i64 -81985529216486896, label %a
    i64 81985529216486895, label %b
  ]
a:
  ret i32 1
b:
  ret i32 2
other:
  ret i32 0
}

; CHECK-LABEL: define i32 @sw72(
; CHECK-NOT: call void @__sanitizer_cov_trace_switch
; CHECK: switch i72 %x
define i32 @sw72(i72 %x) {
entry:
  switch i72 %x, label %other [
    i72 1, label %a
    i72 2, label %a
  ]
a:
  ret i32 1
other:
  ret i32 0
}

; A switch with only a default has nothing to report.
; CHECK-LABEL: define i32 @sw_default_only(
; CHECK-NOT: call void @__sanitizer_cov_trace_switch
; CHECK: ret i32
define i32 @sw_default_only(i32 %x) {
entry:
  switch i32 %x, label %other []
other:
  ret i32 0
}

; CHECK: declare void @__sanitizer_cov_trace_switch(i64,
