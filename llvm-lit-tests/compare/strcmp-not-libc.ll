; A function that merely shares a libc name but not its shape is not
; reported; neither is a musttail call, after which nothing may be inserted.
; RUN: %opt_cfuzz %s | FileCheck %s

declare i32 @strcmp(i32, i32)
declare i8* @strstr(i8*, i8*)

; CHECK-LABEL: define i32 @wrong_shape(
; CHECK-NOT: __sanitizer_weak_hook
; CHECK: ret i32
define i32 @wrong_shape(i32 %a) {
  %r = call i32 @strcmp(i32 %a, i32 %a)
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@tail(
; CHECK: musttail call {{.*}}@strstr(
; CHECK-NEXT: ret 
define i8* @tail(i8* %a, i8* %b) {
  %r = musttail call i8* @strstr(i8* %a, i8* %b)
  ret i8* %r
}

; CHECK-NOT: __sanitizer_weak_hook
