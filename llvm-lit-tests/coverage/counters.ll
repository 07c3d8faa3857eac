; Every instrumented block increments its own 8-bit counter inline, and both
; the load and the store carry !nosanitize so sanitizers ignore the racy update.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

define i32 @pick(i32 %x) {
entry:
  %c = icmp sgt i32 %x, 10
  br i1 %c, label %big, label %small
big:
  br label %done
small:
  br label %done
done:
  %r = phi i32 [ 1, %big ], [ 2, %small ]
  ret i32 %r
}

; entry, big and small get counters; done post-dominates both arms.
; CHECK: @[[CNT:[^ ]+]] = private global [3 x i8] zeroinitializer, section "__sancov_cntrs"
; CHECK-LABEL: define i32 @pick(
; CHECK-NEXT: entry:
; Index 0 folds to the array itself with opaque pointers.
; CHECK-NEXT: [[L0:%.*]] = load i8, {{.*}}@[[CNT]]{{(, i64 0, i64 0\))?}}, align 1, !nosanitize ![[NS:[0-9]+]]
; CHECK-NEXT: [[A0:%.*]] = add i8 [[L0]], 1
; CHECK-NEXT: store i8 [[A0]], {{.*}}@[[CNT]]{{(, i64 0, i64 0\))?}}, align 1, !nosanitize ![[NS]]
; CHECK: big:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 1){{.*}} !nosanitize
; CHECK: store i8 {{.*}}@[[CNT]], i64 0, i64 1){{.*}} !nosanitize
; CHECK: small:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 2){{.*}} !nosanitize
; CHECK: done:
; CHECK-NEXT: phi
; CHECK-NEXT: ret i32
; CHECK: ![[NS]] = !{}
