// What clang actually leaves of string compares at -O2, where the cfuzz pass
// runs (after the optimiser): __builtin_memcmp and memcmp(..)==0 become bcmp
// calls, reported through the memcmp hook; __builtin_strcmp is a strcmp call.
// RUN: %clang_cfuzz -O2 %s -o - | FileCheck %s
// RUN: %clang_cfuzz -O0 %s -o - | FileCheck %s --check-prefix=O0
// With debug info every inserted call needs a location to verify.
// RUN: %clang_cfuzz -g -O2 %s -o - | %verify
// RUN: %clang_cfuzz -g -O0 %s -o - | %verify
#include <string.h>

// CHECK-LABEL: define {{.*}}@builtin_memcmp16(
// CHECK: [[R:%.*]] = tail call i32 @bcmp({{.*}}, i64 16)
// CHECK: @__sanitizer_weak_hook_memcmp
// CHECK: i64 16, i32 [[R]])
// O0-LABEL: define {{.*}}@builtin_memcmp16(
// O0: [[R:%.*]] = call i32 @memcmp({{.*}}, i64 noundef 16)
// O0: @__sanitizer_weak_hook_memcmp
// O0: i64 16, i32 [[R]])
int builtin_memcmp16(const char *d) {
  return __builtin_memcmp(d, "0123456789abcdef", 16) == 0;
}

// CHECK-LABEL: define {{.*}}@memcmp4(
// CHECK: [[R:%.*]] = tail call i32 @bcmp({{.*}}, i64 4)
// CHECK: @__sanitizer_weak_hook_memcmp
// CHECK: i64 4, i32 [[R]])
int memcmp4(const char *d) { return memcmp(d, "abcd", 4) == 0; }

// CHECK-LABEL: define {{.*}}@builtin_strcmp(
// CHECK: [[R:%.*]] = tail call i32 @strcmp(
// CHECK: @__sanitizer_weak_hook_strcmp
// CHECK: i32 [[R]])
int builtin_strcmp(const char *s) { return __builtin_strcmp(s, "magicwrd"); }

// CHECK-LABEL: define {{.*}}@strncasecmp8(
// CHECK: [[R:%.*]] = tail call i32 @strncasecmp(
// CHECK: @__sanitizer_weak_hook_strncasecmp
// CHECK: i64 8, i32 [[R]])
int strncasecmp8(const char *s) { return strncasecmp(s, "MagicWrd", 8) == 0; }
