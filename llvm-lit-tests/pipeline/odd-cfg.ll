; Odd control flow: indirectbr edges cannot be split and catch-less cleanup
; pads exist. The pass instruments what it can and the result verifies.
; RUN: %opt_cfuzz %s -o %t.ll
; RUN: %verify %t.ll
; RUN: FileCheck %s < %t.ll

target triple = "x86_64-unknown-linux-gnu"

@targets = constant [2 x i8*] [i8* blockaddress(@jump, %l1), i8* blockaddress(@jump, %l2)]

define i32 @jump(i32 %i) {
entry:
  %slot = getelementptr [2 x i8*], [2 x i8*]* @targets, i32 0, i32 %i
  %dest = load i8*, i8** %slot
  indirectbr i8* %dest, [label %l1, label %l2]
l1:
  br label %l2
l2:
  %r = phi i32 [ 1, %entry ], [ 2, %l1 ]
  ret i32 %r
}

; CHECK: section "__sancov_cntrs", comdat($jump)
; CHECK-LABEL: define i32 @jump(
; CHECK: indirectbr
