; loop-work (on by default): every loop header (a block that dominates one of
; its predecessors) adds one to @__cfuzz_loop_iterations, a weak i64 defined
; in the module so that the code links without cfuzz's runtime. Nested loops
; count at both headers; a function without a loop and the straight-line
; blocks around a loop are left alone. With the option off none of it is
; emitted.
; RUN: %opt_cfuzz %s | FileCheck %s
; RUN: env CFUZZ_PASS_OPTIONS=loop-work=0 %opt_cfuzz %s | FileCheck %s --check-prefix=OFF

target triple = "x86_64-unknown-linux-gnu"

define i64 @nested(i64 %n) {
entry:
  br label %outer
outer:
  %i = phi i64 [ 0, %entry ], [ %i1, %outer.latch ]
  br label %inner
inner:
  %j = phi i64 [ 0, %outer ], [ %j1, %inner ]
  %j1 = add i64 %j, 1
  %ci = icmp ult i64 %j1, %n
  br i1 %ci, label %inner, label %outer.latch
outer.latch:
  %i1 = add i64 %i, 1
  %co = icmp ult i64 %i1, %n
  br i1 %co, label %outer, label %exit
exit:
  ret i64 %i1
}

define i64 @straight(i64 %x) {
entry:
  %c = icmp eq i64 %x, 7
  br i1 %c, label %then, label %done
then:
  br label %done
done:
  %r = phi i64 [ 1, %then ], [ 0, %entry ]
  ret i64 %r
}

; CHECK: @__cfuzz_loop_iterations = weak global i64 0, align 8
; CHECK-LABEL: define i64 @nested(
; CHECK: entry:
; CHECK-NOT: __cfuzz_loop_iterations
; CHECK: br label %outer
; CHECK: outer:
; CHECK-NEXT: %i = phi
; CHECK-NEXT: [[O:%[0-9]+]] = load i64, {{.*}}@__cfuzz_loop_iterations, align 8, !nosanitize
; CHECK-NEXT: [[O1:%[0-9]+]] = add i64 [[O]], 1
; CHECK-NEXT: store i64 [[O1]], {{.*}}@__cfuzz_loop_iterations, align 8, !nosanitize
; CHECK: inner:
; CHECK-NEXT: %j = phi
; CHECK-NEXT: [[I:%[0-9]+]] = load i64, {{.*}}@__cfuzz_loop_iterations, align 8, !nosanitize
; CHECK-NEXT: [[I1:%[0-9]+]] = add i64 [[I]], 1
; CHECK-NEXT: store i64 [[I1]], {{.*}}@__cfuzz_loop_iterations, align 8, !nosanitize
; CHECK-NOT: __cfuzz_loop_iterations
; CHECK: ret i64
; CHECK-LABEL: define i64 @straight(
; CHECK-NOT: __cfuzz_loop_iterations
; CHECK: ret i64

; OFF-NOT: __cfuzz_loop_iterations
