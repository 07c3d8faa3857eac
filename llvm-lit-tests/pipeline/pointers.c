// One test, both pointer styles: LLVM 14 clang emits typed pointers (i8*
// casts in the PC table and constructor), 19 and 22 opaque ptr.
// RUN: %clang_cfuzz -O1 %s -o %t.ll
// RUN: FileCheck %s %ptr_prefixes < %t.ll
// RUN: %verify %t.ll

int deref(int *p) {
  return p ? *p : 0;
}

// CHECK: section "__sancov_cntrs", comdat($deref)
// TYPED: private constant [{{[0-9]+}} x i8*] [i8* bitcast (i32 (i32*)* @deref to i8*), i8* inttoptr (i64 1 to i8*), i8* blockaddress(@deref,
// OPAQUE: private constant [{{[0-9]+}} x ptr] [ptr @deref, ptr inttoptr (i64 1 to ptr), ptr blockaddress(@deref,
// TYPED: call void @__sanitizer_cov_8bit_counters_init(i8* @__start___sancov_cntrs, i8* @__stop___sancov_cntrs)
// OPAQUE: call void @__sanitizer_cov_8bit_counters_init(ptr @__start___sancov_cntrs, ptr @__stop___sancov_cntrs)
