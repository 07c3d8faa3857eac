// C++ exceptions: invoke's normal and unwind destinations are blocks like
// any other. The landing-pad counter goes after the landingpad instruction,
// which must stay first in its block.
// RUN: %clangxx_cfuzz -O1 -fexceptions -fcxx-exceptions %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll

void may_throw(int);
void cleanup();

int guarded(int x) {
  try {
    may_throw(x);
  } catch (...) {
    cleanup();
    return -1;
  }
  return 0;
}

// CHECK: section "__sancov_cntrs", comdat($_Z7guardedi)
// CHECK-LABEL: define {{.*}}i32 @_Z7guardedi(
// CHECK: invoke void @_Z9may_throwi(
// CHECK: landingpad
// CHECK-NEXT: catch
// CHECK: load i8, {{.*}}__cfuzz_gen_
