// With -g every call the pass inserts (compare, switch and hook calls) must
// carry a debug location, or the module fails to verify ("inlinable function
// call in a function with debug info must have a !dbg location").
// RUN: %clang_cfuzz -g -O2 %s -o - | %verify
// RUN: %clang_cfuzz -g -O0 %s -o - | %verify
// RUN: %clang_cfuzz -g -O2 %s -o - | FileCheck %s
#include <stdint.h>
#include <string.h>

// (With optforfuzzing, -O2 folds the x == 0xabcdef01 test into the switch.)
// CHECK-LABEL: define {{.*}}@f(
// CHECK: call void @__sanitizer_cov_trace_switch({{.*}}), !dbg
// The hook call: through a select (typed pointers) or a select's result.
// CHECK: call void {{(select .*@__sanitizer_weak_hook_strcmp.*|%[0-9]+\(.*)}}, !dbg
// CHECK: call void @__sanitizer_cov_trace_const_cmp4({{.*}}), !dbg
int f(uint32_t x, const char *s) {
  int r = 0;
  if (x == 0xabcdef01u)
    r = 1;
  switch (x) {
  case 1000:
    r += 2;
    break;
  case 2000000:
    r += 3;
    break;
  case 7:
    r += 4;
    break;
  }
  if (strcmp(s, "debugword") == 0)
    r += 5;
  return r;
}
