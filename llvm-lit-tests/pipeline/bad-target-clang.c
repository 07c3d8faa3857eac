// Through clang the unsupported-target warning is an ordinary warning: the
// object is still produced, uninstrumented.
// RUN: %clang --target=x86_64-apple-macosx13 -fpass-plugin=%plugin -O1 -S -emit-llvm %s -o %t.ll 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: FileCheck %s < %t.ll

int f(int x) { return x ? 1 : 2; }

// WARN: warning: cfuzz: target 'x86_64-apple-macosx13{{.*}}' is not ELF
// CHECK-NOT: __sancov
// CHECK: define {{.*}}@f(
