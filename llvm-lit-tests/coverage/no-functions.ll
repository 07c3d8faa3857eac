; A module with nothing to instrument gets no constructor and no sections:
; an empty __sancov_cntrs would leave the __start_/__stop_ symbols undefined.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

@data = global i32 7
declare void @external()

; CHECK-NOT: __sancov
; CHECK-NOT: module_ctor
; CHECK: !{i32 7, !"cfuzz.instrumented", i32 1}
