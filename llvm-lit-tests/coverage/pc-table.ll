; The PC table has one {pc, flags} pair per counter: {function, 1} for the
; entry block, {blockaddress, 0} for the others, in counter order.
; RUN: %opt_cfuzz %s | FileCheck %s %ptr_prefixes

target triple = "x86_64-unknown-linux-gnu"

define i32 @three(i32 %x) {
entry:
  switch i32 %x, label %other [ i32 1, label %one
                                i32 2, label %two ]
one:
  ret i32 10
two:
  ret i32 20
other:
  ret i32 30
}

; CHECK: @[[CNT:[^ ]+]] = private global [4 x i8] zeroinitializer, section "__sancov_cntrs", comdat($three), align 1
; TYPED: @{{[^ ]+}} = private constant [8 x i8*] [i8* bitcast (i32 (i32)* @three to i8*), i8* inttoptr (i64 1 to i8*), i8* blockaddress(@three, %one), i8* null, i8* blockaddress(@three, %two), i8* null, i8* blockaddress(@three, %other), i8* null], section "__sancov_pcs", comdat($three), align 8
; OPAQUE: @{{[^ ]+}} = private constant [8 x ptr] [ptr @three, ptr inttoptr (i64 1 to ptr), ptr blockaddress(@three, %one), ptr null, ptr blockaddress(@three, %two), ptr null, ptr blockaddress(@three, %other), ptr null], section "__sancov_pcs", comdat($three), align 8
; CHECK: one:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 1)
; CHECK: two:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 2)
; CHECK: other:
; CHECK-NEXT: load i8, {{.*}}@[[CNT]], i64 0, i64 3)
