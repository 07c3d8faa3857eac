; The sanitizer callbacks and cfuzz's own helpers are never instrumented: a
; counter in __sanitizer_cov_trace_cmp4 would recurse into the runtime.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define void @__sanitizer_cov_trace_cmp4(i32 %a, i32 %b) {
  ret void
}

define void @__cfuzz_helper() {
  ret void
}

define internal void @my.module_ctor() {
  ret void
}

define void @user_code() {
  ret void
}

; CHECK-NOT: comdat($__sanitizer_cov_trace_cmp4)
; CHECK-NOT: comdat($__cfuzz_helper)
; CHECK-NOT: comdat($my.module_ctor)
; CHECK: comdat($user_code)
; CHECK-LABEL: define void @__sanitizer_cov_trace_cmp4(
; CHECK-NEXT: ret void
; CHECK-LABEL: define void @__cfuzz_helper(
; CHECK-NEXT: ret void
; CHECK-LABEL: define internal void @my.module_ctor(
; CHECK-NEXT: ret void
