; Edge coverage: the edge entry -> join is critical (entry has two successors,
; join two predecessors). It gets a block of its own, and that block a
; counter, so taking the edge is told apart from going through %then.
; RUN: %opt_cfuzz %s | FileCheck %s
; RUN: %opt_cfuzz %s | %verify

target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

define void @skip_then(i1 %c) {
entry:
  br i1 %c, label %then, label %join
then:
  call void @use(i32 1)
  br label %join
join:
  ret void
}

; CHECK: private global [3 x i8] zeroinitializer, section "__sancov_cntrs", comdat($skip_then)
; CHECK-LABEL: define void @skip_then(
; CHECK: br i1 %c, label %then, label %[[SPLIT:[^ ,]+]]
; CHECK: [[SPLIT]]:
; CHECK-NEXT: load i8, {{.*}} i64 0, i64 1)
; CHECK-NEXT: add i8
; CHECK-NEXT: store i8
; CHECK-NEXT: br label %join
; CHECK: then:
; CHECK-NEXT: load i8, {{.*}} i64 0, i64 2)
; CHECK: join:
; CHECK-NEXT: ret void
