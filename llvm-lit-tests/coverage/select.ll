; With the `selects` option, each scalar select gets two counters after the
; blocks' (true side, then false side), indexed by the select's own condition,
; and two PC-table pairs that carry its block's address. Vector selects and
; selects on a constant condition get none. Off by default.
; RUN: env CFUZZ_PASS_OPTIONS=selects %opt_cfuzz %s | FileCheck %s
; RUN: env CFUZZ_PASS_OPTIONS=selects %opt_cfuzz %s | %verify
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefix=OFF

target triple = "x86_64-unknown-linux-gnu"

define i32 @pick(i32 %a, i1 %c, <2 x i1> %vc, <2 x i32> %v) {
entry:
  %s = select i1 %c, i32 %a, i32 7
  %vs = select <2 x i1> %vc, <2 x i32> %v, <2 x i32> zeroinitializer
  %k = select i1 true, i32 %s, i32 1
  %t = icmp eq i32 %a, 3
  br i1 %t, label %three, label %done
three:
  %u = select i1 %t, i32 %k, i32 %s
  br label %done
done:
  %r = phi i32 [ %u, %three ], [ %k, %entry ]
  ret i32 %r
}

; Blocks: entry, three, and the split edge entry->done (3 counters); two
; selects: 4 more. The table ends with the selects' pairs: entry's, then three's.
; CHECK: @[[CNT:[^ ]+]] = private global [7 x i8] zeroinitializer, section "__sancov_cntrs"
; CHECK: @{{[^ ]+}} = private constant [14 x {{.*}}@pick{{.*}} null, {{.*}}@pick{{.*}} null, {{.*}}blockaddress(@pick, %three){{.*}} null, {{.*}}blockaddress(@pick, %three){{.*}} null], section "__sancov_pcs"
; CHECK-LABEL: define i32 @pick(
; CHECK: [[I0:%.*]] = select i1 %c, i64 3, i64 4
; CHECK-NEXT: [[P0:%.*]] = getelementptr inbounds [7 x i8], {{.*}}@[[CNT]], i64 0, i64 [[I0]]
; CHECK-NEXT: [[L0:%.*]] = load i8, {{.*}}[[P0]], align 1, !nosanitize
; CHECK-NEXT: [[A0:%.*]] = add i8 [[L0]], 1
; CHECK-NEXT: store i8 [[A0]], {{.*}}[[P0]], align 1, !nosanitize
; CHECK-NEXT: %s = select i1 %c, i32 %a, i32 7
; CHECK-NEXT: %vs = select <2 x i1>
; CHECK-NEXT: %k = select i1 true
; CHECK: three:
; CHECK: [[I1:%.*]] = select i1 %t, i64 5, i64 6
; CHECK-NEXT: getelementptr inbounds [7 x i8], {{.*}}@[[CNT]], i64 0, i64 [[I1]]
; CHECK: %u = select i1 %t, i32 %k, i32 %s

; OFF: private global [3 x i8] zeroinitializer, section "__sancov_cntrs"
; OFF-NOT: select i1 %c, i64
