; Funclet EH (catchswitch, catchpad) and musttail: a catchswitch block has no
; insertion point and gets no counter, edges into EH pads are not split, and a
; counter never goes between a musttail call and its ret. The result verifies
; and still compiles to machine code.
; RUN: %opt_cfuzz %s -o %t.ll
; RUN: %verify %t.ll
; RUN: FileCheck %s < %t.ll
; RUN: %llc %t.ll -o /dev/null

target triple = "x86_64-unknown-linux-gnu"

declare void @may_throw()
declare i32 @__CxxFrameHandler3(...)

define void @funclets() personality i32 (...)* @__CxxFrameHandler3 {
entry:
  invoke void @may_throw() to label %cont unwind label %dispatch
dispatch:
  %cs = catchswitch within none [label %handler] unwind to caller
handler:
  %cp = catchpad within %cs [i8* null, i32 64, i8* null]
  catchret from %cp to label %cont
cont:
  ret void
}

define void @tail(i32 %x) {
entry:
  %c = icmp eq i32 %x, 0
  br i1 %c, label %a, label %b
a:
  musttail call void @tail(i32 1)
  ret void
b:
  ret void
}

; CHECK-LABEL: define void @funclets()
; CHECK: dispatch:
; CHECK-NEXT: catchswitch
; CHECK: handler:
; CHECK-NEXT: catchpad
; CHECK-NEXT: load i8
; CHECK-LABEL: define void @tail(
; CHECK: a:
; CHECK: musttail call void @tail(i32 1)
; CHECK-NEXT: ret void
