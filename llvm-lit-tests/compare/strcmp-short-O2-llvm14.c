// LLVM 14 keeps a compare with a short constant string as a strcmp/strncmp
// call at -O2; it is reported through the weak hook.
// REQUIRES: llvm14
// RUN: %clang_cfuzz -O2 %s -o - | FileCheck %s
// RUN: %clang_cfuzz -O2 %s -o - | %verify
#include <string.h>

// CHECK-LABEL: define {{.*}}@strcmp_short(
// CHECK: [[R:%.*]] = tail call i32 @strcmp(
// CHECK: @__sanitizer_weak_hook_strcmp
// CHECK: i32 [[R]])
int strcmp_short(const char *s) { return strcmp(s, "ab") == 0; }

// CHECK-LABEL: define {{.*}}@strncmp_short(
// CHECK: [[R:%.*]] = tail call i32 @strncmp(
// CHECK: @__sanitizer_weak_hook_strncmp
// CHECK: i64 3, i32 [[R]])
int strncmp_short(const char *s) { return strncmp(s, "abc", 3) == 0; }
