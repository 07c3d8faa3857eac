; A naked function is raw assembly with no prologue: code inserted before it
; would run on a stack frame that does not exist. It is left alone.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define void @bare() naked noinline {
entry:
  call void asm sideeffect "ret", ""()
  unreachable
}

define void @dressed() {
entry:
  ret void
}

; CHECK-NOT: comdat($bare)
; CHECK: comdat($dressed)
; CHECK-LABEL: define void @bare()
; CHECK-NEXT: entry:
; CHECK-NEXT: call void asm sideeffect "ret"
