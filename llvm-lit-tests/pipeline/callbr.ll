; asm goto (callbr): its indirect destinations are ordinary blocks with
; counters; the edges from callbr are left unsplit where LLVM cannot split
; them. The result verifies and compiles. (LLVM 14 spells callbr differently.)
; UNSUPPORTED: llvm14
; RUN: %opt_cfuzz %s -o %t.ll
; RUN: %verify %t.ll
; RUN: FileCheck %s < %t.ll
; RUN: %llc %t.ll -o /dev/null

target triple = "x86_64-unknown-linux-gnu"

define i32 @asmgoto(i32 %x) {
entry:
  callbr void asm "jmp ${1:l}", "r,!i"(i32 %x) to label %fall [label %jumped]
fall:
  ret i32 0
jumped:
  ret i32 1
}

; CHECK: private global [3 x i8] zeroinitializer, section "__sancov_cntrs", comdat($asmgoto)
; CHECK-LABEL: define i32 @asmgoto(
; CHECK: callbr void asm
; CHECK: fall:
; CHECK-NEXT: load i8
; CHECK: jumped:
; CHECK-NEXT: load i8
