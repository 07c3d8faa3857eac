// -flto and -flto=thin compiles are instrumented at the pre-link step, so the
// bitcode handed to the linker already carries counters and the flag that
// stops a second instrumentation after linking.
// RUN: %clang_cfuzz -O2 -flto %s -o %t.full.ll
// RUN: FileCheck %s < %t.full.ll
// RUN: %verify %t.full.ll
// RUN: %clang_cfuzz -O2 -flto=thin %s -o %t.thin.ll
// RUN: FileCheck %s < %t.thin.ll
// RUN: %verify %t.thin.ll
// Real bitcode objects, as a build writes them.
// RUN: %clang --target=x86_64-unknown-linux-gnu -fpass-plugin=%plugin -O2 -flto=thin -c %s -o %t.bc
// RUN: %opt -S %t.bc | FileCheck %s

int lto_target(int x) {
  if (x == 0x1234)
    return 1;
  return 0;
}

// CHECK: section "__sancov_cntrs", comdat($lto_target)
// CHECK: section "__sancov_pcs", comdat($lto_target)
// CHECK: define {{.*}}i32 @lto_target(
// CHECK: load i8, {{.*}}__cfuzz_gen_
// CHECK: define internal void @cfuzz.module_ctor()
// CHECK: !"cfuzz.instrumented", i32 1}
