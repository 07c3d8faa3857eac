; The entry counter goes after the static allocas so they stay at the top of
; the entry block, where stack-slot analyses and mem2reg look for them.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define i32 @locals(i32 %x) {
entry:
  %a = alloca i32
  %b = alloca i32
  store i32 %x, i32* %a
  %v = load i32, i32* %a
  ret i32 %v
}

; CHECK-LABEL: define i32 @locals(
; CHECK-NEXT: entry:
; CHECK-NEXT: %a = alloca i32
; CHECK-NEXT: %b = alloca i32
; CHECK-NEXT: load i8, {{.*}}@__cfuzz_gen_{{.*}}
