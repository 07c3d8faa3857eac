// LLVM 16 and later expand a compare with a short constant string into byte
// loads and compares before the cfuzz pass runs; those are then traced as
// integer compares against each character (const_cmp1), no hook needed.
// UNSUPPORTED: llvm14
// RUN: %clang_cfuzz -O2 %s -o - | FileCheck %s
// RUN: %clang_cfuzz -O2 %s -o - | %verify
#include <string.h>

// CHECK-LABEL: define {{.*}}@strcmp_short(
// CHECK-NOT: @__sanitizer_weak_hook_strcmp
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 97,
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 98,
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 0,
int strcmp_short(const char *s) { return strcmp(s, "ab") == 0; }

// CHECK-LABEL: define {{.*}}@strncmp_short(
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 97,
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 98,
// CHECK: call void @__sanitizer_cov_trace_const_cmp1(i8 zeroext 99,
int strncmp_short(const char *s) { return strncmp(s, "abc", 3) == 0; }
