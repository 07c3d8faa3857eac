; nosanitize_coverage (clang's no_sanitize("coverage"), which clang writes into
; the IR only when some -fsanitize-coverage flag is on) opts a function out.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define i32 @skipped(i1 %c) nosanitize_coverage {
entry:
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
}

define i32 @kept(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
}

; CHECK-NOT: comdat($skipped)
; CHECK: section "__sancov_cntrs", comdat($kept)
; CHECK-LABEL: define i32 @skipped(
; CHECK-NEXT: entry:
; CHECK-NEXT: br i1 %c
; CHECK-LABEL: define i32 @kept(
; CHECK-NEXT: entry:
; CHECK-NEXT: load i8
