; A switch with many cases: one counter per case block, all distinct, and the
; table still 1:1 with the counters. Cases sharing a destination make the
; edges critical; they are split like any other.
; RUN: %opt_cfuzz %s | FileCheck %s
; RUN: %opt_cfuzz %s | %verify

target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

define void @dispatch(i32 %op) {
entry:
  switch i32 %op, label %bad [
    i32 0, label %c0  i32 1, label %c1  i32 2, label %c2  i32 3, label %c3
    i32 4, label %c4  i32 5, label %c5  i32 6, label %c6  i32 7, label %c7
    i32 8, label %c8  i32 9, label %c9  i32 10, label %c10 i32 11, label %c11
    i32 12, label %c12 i32 13, label %c13 i32 14, label %c14 i32 15, label %c15
  ]
c0:  call void @use(i32 0)  br label %out
c1:  call void @use(i32 1)  br label %out
c2:  call void @use(i32 2)  br label %out
c3:  call void @use(i32 3)  br label %out
c4:  call void @use(i32 4)  br label %out
c5:  call void @use(i32 5)  br label %out
c6:  call void @use(i32 6)  br label %out
c7:  call void @use(i32 7)  br label %out
c8:  call void @use(i32 8)  br label %out
c9:  call void @use(i32 9)  br label %out
c10: call void @use(i32 10) br label %out
c11: call void @use(i32 11) br label %out
c12: call void @use(i32 12) br label %out
c13: call void @use(i32 13) br label %out
c14: call void @use(i32 14) br label %out
c15: call void @use(i32 15) br label %out
bad: call void @use(i32 -1) br label %out
out: ret void
}

; 1 entry + 16 cases + default; %out post-dominates all of them.
; CHECK-DAG: @[[CNT:[^ ]+]] = private global [18 x i8] zeroinitializer, section "__sancov_cntrs", comdat($dispatch)
; CHECK-DAG: private constant [36 x {{.*}}], section "__sancov_pcs", comdat($dispatch)
; CHECK: c0:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 1)
; CHECK: c15:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 16)
; CHECK: bad:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 17)
; CHECK: out:
; CHECK-NEXT: ret void
