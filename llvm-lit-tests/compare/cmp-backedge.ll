; A compare whose only use is a loop's back-edge branch is the loop's own
; counter test; it is pruned as SanitizerCoverage does. Other compares in
; the loop stay traced. With prune=0 the back-edge compare is traced too.
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefixes=CHECK,PRUNE
; RUN: env CFUZZ_PASS_OPTIONS=prune=0 %opt_cfuzz %s | FileCheck %s --check-prefixes=CHECK,NOPRUNE

; CHECK-LABEL: define i32 @count(
; CHECK: loop:
; The body's compare against the input is traced.
; CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 65, i8 zeroext %byte)
; CHECK: %is_a = icmp eq i8 %byte, 65
; PRUNE-NOT: call void @__sanitizer_cov_trace
; NOPRUNE: call void @__sanitizer_cov_trace_cmp8(i64 %i.next, i64 %n)
; CHECK: %again = icmp ult i64 %i.next, %n
; CHECK-NEXT: br i1 %again,
define i32 @count(i8* %data, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  %p = getelementptr i8, i8* %data, i64 %i
  %byte = load i8, i8* %p
  %is_a = icmp eq i8 %byte, 65
  %inc = zext i1 %is_a to i32
  %acc.next = add i32 %acc, %inc
  %i.next = add i64 %i, 1
  %again = icmp ult i64 %i.next, %n
  br i1 %again, label %loop, label %exit

exit:
  %r = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  ret i32 %r
}

; The loop guard in entry is not a back edge: traced in both modes.
; CHECK-LABEL: define i32 @guard(
; CHECK: call void @__sanitizer_cov_trace_const_cmp8(i64 0, i64 %n)
define i32 @guard(i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %body
body:
  br label %exit
exit:
  %r = phi i32 [ 0, %entry ], [ 1, %body ]
  ret i32 %r
}

; A back-edge compare with a second use is kept: its value escapes the loop
; test, so it may carry information.
; CHECK-LABEL: define i1 @two_uses(
; CHECK: call void @__sanitizer_cov_trace_cmp4(i32 zeroext %i.next, i32 zeroext %n)
define i1 @two_uses(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %i.next = add i32 %i, 1
  %again = icmp slt i32 %i.next, %n
  br i1 %again, label %loop, label %exit
exit:
  ret i1 %again
}
