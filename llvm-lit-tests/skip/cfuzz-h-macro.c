// The public macro from cfuzz.h opts a harness out, exactly like the raw
// annotation it expands to.
// RUN: %clang_cfuzz -O2 %cfuzz_include %s -o %t.ll
// RUN: FileCheck %s < %t.ll
// RUN: %verify %t.ll

#include "cfuzz.h"

int seen;

static void record(const uint8_t *data, size_t size) {
  if (size > 0 && data[0] == 'x')
    seen++;
}

CFUZZ_DISABLE_INSTRUMENTATION
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  record(data, size);
  return 0;
}

// CHECK: section "__sancov_cntrs", comdat($record)
// CHECK-NOT: comdat($LLVMFuzzerTestOneInput)
// CHECK-LABEL: define {{.*}}i32 @LLVMFuzzerTestOneInput(
// CHECK-NOT: __cfuzz_gen_
// CHECK: ret i32 0
