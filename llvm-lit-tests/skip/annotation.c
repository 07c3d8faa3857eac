// A harness marked annotate("disable_instrumentation") (CFUZZ_DISABLE_INSTRUMENTATION
// in cfuzz.h) gets no counters, at -O0 and -O2; its neighbours still do.
// RUN: %clang_cfuzz -O0 %s -o %t.O0.ll
// RUN: FileCheck %s < %t.O0.ll
// RUN: %verify %t.O0.ll
// RUN: %clang_cfuzz -O2 %s -o %t.O2.ll
// RUN: FileCheck %s < %t.O2.ll
// RUN: %verify %t.O2.ll

int counter;

__attribute__((annotate("disable_instrumentation")))
int harness(int x) {
  if (x > 5)
    counter += x;
  return counter;
}

int target(int x) {
  if (x > 7)
    counter -= x;
  return counter;
}

// CHECK-NOT: comdat($harness)
// CHECK: section "__sancov_cntrs", comdat($target)
// CHECK-NOT: comdat($harness)
// CHECK: define {{.*}}i32 @harness(
// CHECK-NOT: __cfuzz_gen_
// CHECK: ret i32
// CHECK: define {{.*}}i32 @target(
// CHECK: load i8, {{.*}}@__cfuzz_gen_
