/* interceptors.c - memcmp, bcmp and the strcmp family, defined in the
 * runtime so that code built with clang's own -fsanitize-coverage (which,
 * unlike cfuzzpass.so, emits no string-compare hooks) still reports its
 * string comparisons. Linking libcfuzz.a makes these the program's
 * definitions; each compares, then calls the matching
 * __sanitizer_weak_hook_* with the caller's pc, as libFuzzer's interceptors
 * do, and, as theirs, only while the target runs (the runtime's own
 * compares are not the target's). With cfuzzpass.so the hooks are also
 * called at the call site: the traced values are just seen twice.
 *
 * Compiled with -fno-builtin so the compiler does not turn these loops back
 * into calls to themselves. */
#include <stddef.h>
#include <stdint.h>

#include "instrumentation.h"

#define CFUZZ_API __attribute__((visibility("default"), used))
#define CALLER_PC() __builtin_return_address(0)

void __sanitizer_weak_hook_memcmp(void *caller_pc, const void *s1, const void *s2, size_t n, int result);
void __sanitizer_weak_hook_strncmp(void *caller_pc, const char *s1, const char *s2, size_t n, int result);
void __sanitizer_weak_hook_strcmp(void *caller_pc, const char *s1, const char *s2, int result);
void __sanitizer_weak_hook_strncasecmp(void *caller_pc, const char *s1, const char *s2, size_t n, int result);
void __sanitizer_weak_hook_strcasecmp(void *caller_pc, const char *s1, const char *s2, int result);

static int compare_bytes(const void *a, const void *b, size_t n) {
  const unsigned char *p = a, *q = b;
  size_t i = 0;
  /* Word at a time while equal: most compares of long buffers are equal. */
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    __builtin_memcpy(&x, p + i, 8);
    __builtin_memcpy(&y, q + i, 8);
    if (x != y)
      break;
  }
  for (; i < n; i++)
    if (p[i] != q[i])
      return p[i] < q[i] ? -1 : 1;
  return 0;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int compare_strings(const char *a, const char *b, size_t n, int fold) {
  for (size_t i = 0; i < n; i++) {
    int x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (fold) {
      x = lower(x);
      y = lower(y);
    }
    if (x != y)
      return x < y ? -1 : 1;
    if (x == 0)
      return 0;
  }
  return 0;
}

CFUZZ_API int memcmp(const void *s1, const void *s2, size_t n) {
  int r = compare_bytes(s1, s2, n);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_memcmp(CALLER_PC(), s1, s2, n, r);
  return r;
}

CFUZZ_API int bcmp(const void *s1, const void *s2, size_t n) {
  int r = compare_bytes(s1, s2, n);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_memcmp(CALLER_PC(), s1, s2, n, r);
  return r;
}

CFUZZ_API int strcmp(const char *s1, const char *s2) {
  int r = compare_strings(s1, s2, SIZE_MAX, 0);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_strcmp(CALLER_PC(), s1, s2, r);
  return r;
}

CFUZZ_API int strncmp(const char *s1, const char *s2, size_t n) {
  int r = compare_strings(s1, s2, n, 0);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_strncmp(CALLER_PC(), s1, s2, n, r);
  return r;
}

CFUZZ_API int strcasecmp(const char *s1, const char *s2) {
  int r = compare_strings(s1, s2, SIZE_MAX, 1);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_strcasecmp(CALLER_PC(), s1, s2, r);
  return r;
}

CFUZZ_API int strncasecmp(const char *s1, const char *s2, size_t n) {
  int r = compare_strings(s1, s2, n, 1);
  if (cfuzz_instr.target_running)
    __sanitizer_weak_hook_strncasecmp(CALLER_PC(), s1, s2, n, r);
  return r;
}
