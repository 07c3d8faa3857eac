; A block holding nothing but unreachable never runs to completion; it gets
; no counter, and a function whose entry is unreachable is left alone.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

declare void @abort() noreturn

define i32 @checked(i32 %x) {
entry:
  %bad = icmp slt i32 %x, 0
  br i1 %bad, label %trap, label %ok
trap:
  call void @llvm.trap()
  unreachable
ok:
  %c = icmp eq i32 %x, 3
  br i1 %c, label %never, label %ret
never:
  unreachable
ret:
  ret i32 %x
}

define void @dead() {
entry:
  unreachable
}

declare void @llvm.trap()

; trap holds a call before its unreachable, so it counts; never does not; ok
; dominates both its successors, whose counters imply it.
; CHECK: private global [3 x i8] zeroinitializer, section "__sancov_cntrs", comdat($checked)
; CHECK-NOT: comdat($dead)
; CHECK-LABEL: define i32 @checked(
; CHECK: never:
; CHECK-NEXT: unreachable
; CHECK-LABEL: define void @dead()
; CHECK-NEXT: entry:
; CHECK-NEXT: unreachable
