; An available_externally body is a copy kept for inlining; the real one is
; compiled (and instrumented) elsewhere. Declarations have nothing to count.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define available_externally i32 @copy(i32 %x) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %z, label %nz
z:
  ret i32 0
nz:
  ret i32 1
}

declare i32 @elsewhere(i32)

define i32 @caller(i32 %x) {
  %a = call i32 @copy(i32 %x)
  %b = call i32 @elsewhere(i32 %a)
  ret i32 %b
}

; CHECK-NOT: comdat($copy)
; CHECK-NOT: comdat($elsewhere)
; CHECK: comdat($caller)
; CHECK-LABEL: define available_externally i32 @copy(
; CHECK-NEXT: entry:
; CHECK-NEXT: icmp
; CHECK: declare i32 @elsewhere(i32)
