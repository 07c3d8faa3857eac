; The module gets one constructor that registers both sections through the
; linker's __start_/__stop_ symbols, and the arrays are kept alive through
; llvm.compiler.used.
; RUN: %opt_cfuzz %s | FileCheck %s %ptr_prefixes

target triple = "x86_64-unknown-linux-gnu"

define void @a() {
  ret void
}

define void @b() {
  ret void
}

; CHECK-DAG: $cfuzz.module_ctor = comdat any
; CHECK-DAG: @[[CA:[^ ]+]] = private global [1 x i8] zeroinitializer, section "__sancov_cntrs", comdat($a), align 1
; CHECK-DAG: @[[PA:[^ ]+]] = private constant [2 x {{.*}}], section "__sancov_pcs", comdat($a), align 8
; CHECK-DAG: @[[CB:[^ ]+]] = private global [1 x i8] zeroinitializer, section "__sancov_cntrs", comdat($b), align 1
; CHECK-DAG: @[[PB:[^ ]+]] = private constant [2 x {{.*}}], section "__sancov_pcs", comdat($b), align 8
; CHECK-DAG: @__start___sancov_cntrs = extern_weak hidden global i8
; CHECK-DAG: @__stop___sancov_cntrs = extern_weak hidden global i8
; CHECK-DAG: @__start___sancov_pcs = extern_weak hidden global i64
; CHECK-DAG: @__stop___sancov_pcs = extern_weak hidden global i64
; TYPED-DAG: @llvm.global_ctors = appending global [1 x { i32, void ()*, i8* }] [{ i32, void ()*, i8* } { i32 2, void ()* @cfuzz.module_ctor, i8* bitcast (void ()* @cfuzz.module_ctor to i8*) }]
; OPAQUE-DAG: @llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 2, ptr @cfuzz.module_ctor, ptr @cfuzz.module_ctor }]
; CHECK-DAG: @llvm.compiler.used = appending global [4 x {{.*}}@[[CA]]{{.*}}@[[PA]]{{.*}}@[[CB]]{{.*}}@[[PB]]{{.*}}section "llvm.metadata"

; CHECK-LABEL: define internal void @cfuzz.module_ctor()
; CHECK-SAME: comdat
; TYPED-NEXT: call void @__sanitizer_cov_8bit_counters_init(i8* @__start___sancov_cntrs, i8* @__stop___sancov_cntrs)
; TYPED-NEXT: call void @__sanitizer_cov_pcs_init(i8* bitcast (i64* @__start___sancov_pcs to i8*), i8* bitcast (i64* @__stop___sancov_pcs to i8*))
; OPAQUE-NEXT: call void @__sanitizer_cov_8bit_counters_init(ptr @__start___sancov_cntrs, ptr @__stop___sancov_cntrs)
; OPAQUE-NEXT: call void @__sanitizer_cov_pcs_init(ptr @__start___sancov_pcs, ptr @__stop___sancov_pcs)
; CHECK-NEXT: ret void
; CHECK: !{i32 7, !"cfuzz.instrumented", i32 1}
