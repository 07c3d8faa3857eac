; Arrays go into the function's comdat so the linker keeps or drops them with
; the code: an existing comdat is reused (linkonce_odr, C++ inline functions);
; otherwise a nodeduplicate comdat named after the function is created (normal
; and weak functions). An unnamed function cannot name a comdat: its arrays go
; to llvm.used instead, so the linker keeps them.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

$inl = comdat any

define void @normal() {
  ret void
}

define weak void @weakfn() {
  ret void
}

define linkonce_odr void @inl() comdat {
  ret void
}

define internal void @0() {
  ret void
}

define void @user() {
  call void @0()
  ret void
}

; CHECK-DAG: $normal = comdat nodeduplicate
; CHECK-DAG: $weakfn = comdat nodeduplicate
; CHECK-DAG: $inl = comdat any
; CHECK-DAG: section "__sancov_cntrs", comdat($normal)
; CHECK-DAG: section "__sancov_pcs", comdat($normal)
; CHECK-DAG: section "__sancov_cntrs", comdat($weakfn)
; CHECK-DAG: section "__sancov_cntrs", comdat($inl)
; CHECK-DAG: section "__sancov_pcs", comdat($inl)
; CHECK-DAG: @[[ANONC:[^ ]+]] = private global [1 x i8] zeroinitializer, section "__sancov_cntrs", align 1
; CHECK-DAG: @[[ANONP:[^ ]+]] = private constant [2 x {{.*}}@0{{.*}}], section "__sancov_pcs", align 8
; CHECK-DAG: @llvm.used = appending global [2 x {{.*}}@[[ANONC]]{{.*}}@[[ANONP]]
; CHECK-DAG: define void @normal() comdat {
; CHECK-DAG: define weak void @weakfn() comdat {
; CHECK-DAG: define linkonce_odr void @inl() comdat {
; CHECK-DAG: define internal void @0() {
