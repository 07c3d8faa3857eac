// disable_sanitizer_instrumentation opts a function out. LLVM's own
// SanitizerCoverage honours it only from LLVM 19; cfuzz reads it on every
// version.
// RUN: %clang_cfuzz -O1 %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll

int counter;

__attribute__((disable_sanitizer_instrumentation))
void quiet(int x) {
  if (x)
    counter++;
}

void loud(int x) {
  if (x)
    counter++;
}

// CHECK-NOT: comdat($quiet)
// CHECK: section "__sancov_cntrs", comdat($loud)
// CHECK-LABEL: define {{.*}}void @quiet(
// CHECK-NOT: __cfuzz_gen_
// CHECK: ret void
// CHECK-LABEL: define {{.*}}void @loud(
// CHECK: __cfuzz_gen_
