// Users do pass the plugin twice (build system + CFLAGS). The module flag set
// by the first run makes the second one a no-op: one counter array per
// function and one constructor.
// RUN: %clang %s --target=x86_64-unknown-linux-gnu -O1 -fpass-plugin=%plugin -fpass-plugin=%plugin -S -emit-llvm -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll
// Same with opt running the pass twice, and on an already instrumented file.
// RUN: %opt -load-pass-plugin=%plugin -passes=cfuzz,cfuzz -S %t.ll | FileCheck %s
// RUN: %opt_cfuzz %t.ll | FileCheck %s
// Two copies of the plugin (build tree and install tree, say) in one clang:
// no abort on the -cfuzz-options flag registered twice, one instrumentation.
// RUN: cp %plugin %t.copy.so
// RUN: %clang %s --target=x86_64-unknown-linux-gnu -O1 -fpass-plugin=%plugin -fpass-plugin=%t.copy.so -S -emit-llvm -o %t.copies.ll
// RUN: FileCheck %s < %t.copies.ll

int twice(int x) {
  return x > 3 ? x * 2 : x + 1;
}

// CHECK-COUNT-1: section "__sancov_cntrs", comdat($twice)
// CHECK-NOT: section "__sancov_cntrs"
// CHECK-COUNT-1: define internal void @cfuzz.module_ctor()
// CHECK-NOT: define internal void @cfuzz.module_ctor
// CHECK: !"cfuzz.instrumented", i32 1}
