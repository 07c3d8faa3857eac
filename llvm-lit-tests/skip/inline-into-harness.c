// Code called from an opted-out harness keeps its coverage when optimised:
// call sites in the harness are marked noinline at pipeline start, so the
// inliner cannot move an instrumented callee's blocks into the harness.
// RUN: %clang_cfuzz -O2 %s -o %t.O2.ll
// RUN: FileCheck %s < %t.O2.ll
// RUN: %verify %t.O2.ll
// RUN: %clang_cfuzz -O3 %s -o %t.O3.ll
// RUN: FileCheck %s < %t.O3.ll
// RUN: %verify %t.O3.ll

static int parse(const unsigned char *data, int size) {
  if (size > 2 && data[0] == 'F' && data[1] == 'U')
    return data[2];
  return 0;
}

// always_inline is a promise the harness keeps: this one is inlined.
static inline __attribute__((always_inline)) int clamp(int size) {
  return size > 64 ? 64 : size;
}

__attribute__((annotate("disable_instrumentation")))
int LLVMFuzzerTestOneInput(const unsigned char *data, int size) {
  return parse(data, clamp(size));
}

// parse stays a function of its own, with its counters.
// CHECK: section "__sancov_cntrs", comdat($parse)
// CHECK-NOT: comdat($LLVMFuzzerTestOneInput)
// CHECK-NOT: @clamp(
// CHECK-LABEL: define {{.*}}i32 @LLVMFuzzerTestOneInput(
// CHECK-NOT: __cfuzz_gen_
// CHECK: call {{.*}}@parse({{.*}}) #[[NOINL:[0-9]+]]
// CHECK-NOT: __cfuzz_gen_
// CHECK: ret i32
// CHECK: define internal {{.*}}i32 @parse(
// CHECK: load i8, {{.*}}@__cfuzz_gen_
// CHECK: attributes #[[NOINL]] = {{{.*}}noinline
