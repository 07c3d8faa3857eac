; Blocks whose execution follows from another counted block get no counter:
; a block that dominates all its successors (%second: %third's counter implies
; it) and a full post-dominator with several predecessors (%join). The entry
; block is always counted: its PC entry marks the function. prune=0 keeps a
; counter on every block.
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefix=PRUNE
; RUN: env CFUZZ_PASS_OPTIONS=prune=0 %opt_cfuzz %s | FileCheck %s --check-prefix=ALL

target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

define void @chain(i32 %x) {
entry:
  br label %second
second:
  call void @use(i32 1)
  br label %third
third:
  call void @use(i32 2)
  ret void
}

define void @diamond(i1 %c) {
entry:
  br i1 %c, label %left, label %right
left:
  call void @use(i32 1)
  br label %join
right:
  call void @use(i32 2)
  br label %join
join:
  call void @use(i32 3)
  ret void
}

; PRUNE-DAG: private global [2 x i8] zeroinitializer, section "__sancov_cntrs", comdat($chain)
; PRUNE-DAG: private global [3 x i8] zeroinitializer, section "__sancov_cntrs", comdat($diamond)
; ALL-DAG: private global [3 x i8] zeroinitializer, section "__sancov_cntrs", comdat($chain)
; ALL-DAG: private global [4 x i8] zeroinitializer, section "__sancov_cntrs", comdat($diamond)

; PRUNE-LABEL: define void @chain(
; PRUNE: second:
; PRUNE-NEXT: call void @use(i32 1)
; PRUNE: third:
; PRUNE-NEXT: load i8
; PRUNE-LABEL: define void @diamond(
; PRUNE: left:
; PRUNE-NEXT: load i8
; PRUNE: right:
; PRUNE-NEXT: load i8
; PRUNE: join:
; PRUNE-NEXT: call void @use(i32 3)

; ALL-LABEL: define void @chain(
; ALL: second:
; ALL-NEXT: load i8
; ALL: third:
; ALL-NEXT: load i8
; ALL-LABEL: define void @diamond(
; ALL: join:
; ALL-NEXT: load i8
