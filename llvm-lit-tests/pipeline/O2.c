// At -O2 the counters go on the optimised CFG (optimizer-last, where clang
// runs its own SanitizerCoverage): one per surviving block that carries
// information, and the same number of PC table pairs.
// RUN: %clang_cfuzz -O2 %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll

int table[16];

int sum_positive(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    if (v[i] > 0)
      s += v[i];
  return s;
}

// CHECK: @[[CNT:[^ ]+]] = private global [[[#N:]] x i8] zeroinitializer, section "__sancov_cntrs", comdat($sum_positive)
// CHECK: @{{[^ ]+}} = private constant [[[#mul(N,2)]] x {{.*}}], section "__sancov_pcs", comdat($sum_positive)
// CHECK: @llvm.global_ctors
// CHECK: define {{.*}}i32 @sum_positive(
// CHECK: load i8, {{.*}}@[[CNT]]{{(, i64 0, i64 0\))?}}, align 1, !nosanitize
// CHECK-NOT: optnone
