// At -O0 clang marks every function optnone; cfuzz still instruments them
// (fuzzing unoptimised code is common) and the result verifies.
// RUN: %clang_cfuzz -O0 %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll

int classify(int x) {
  if (x < 0)
    return -1;
  if (x == 0)
    return 0;
  return 1;
}

// CHECK: section "__sancov_cntrs", comdat($classify)
// CHECK: define {{.*}}i32 @classify({{.*}}) #[[ATTRS:[0-9]+]] comdat
// CHECK: load i8, {{.*}}@__cfuzz_gen_{{.*}} !nosanitize
// CHECK: attributes #[[ATTRS]] = {{{.*}}optnone
