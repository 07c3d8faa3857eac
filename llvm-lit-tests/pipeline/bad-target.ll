; A module cfuzz cannot handle is left as it is with a clear warning; the
; compile goes on. Mach-O has no __start_/__stop_ section symbols.
; RUN: %opt_cfuzz %s 2>%t.err | FileCheck %s
; RUN: FileCheck %s --check-prefix=WARN < %t.err

target triple = "arm64-apple-macosx14.0.0"

define i32 @f(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  ret i32 1
b:
  ret i32 2
}

; CHECK-NOT: __sancov
; CHECK-NOT: cfuzz.instrumented
; CHECK: define i32 @f(
; CHECK-NEXT: entry:
; CHECK-NEXT: br i1
; WARN: warning: cfuzz: target 'arm64-apple-macosx14.0.0' is not ELF; cfuzz only supports ELF targets; module '{{.*}}bad-target.ll' left uninstrumented
