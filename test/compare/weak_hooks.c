// The string-compare hooks are weak and optional. Built with only
// trace-strcmp on, this program links and runs with no runtime at all (the
// hooks stay undefined and must never be called), and with -DDEFINE_HOOKS it
// defines every hook and checks that each compare reported its operands and
// result once. Either way every compare must return what libc returns.
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

// Hides a pointer's value from the optimiser so the calls are not folded.
static const char *opaque(const char *p) {
  __asm__ volatile("" : "+r"(p));
  return p;
}

#ifdef DEFINE_HOOKS
// Volatile: the optimiser runs before the pass inserts the hook calls and
// knows libc's compares never write these, so it would fold plain reads of
// them to the values stored before the compare.
static volatile int hook_calls;
static const void *volatile last_s1, *volatile last_s2;
static volatile long last_result;

static void record(const void *s1, const void *s2, long result) {
  hook_calls++;
  last_s1 = s1;
  last_s2 = s2;
  last_result = result;
}
void __sanitizer_weak_hook_memcmp(void *pc, const void *s1, const void *s2,
                                  size_t n, int result) {
  (void)pc, (void)n;
  record(s1, s2, result);
}
void __sanitizer_weak_hook_strcmp(void *pc, const char *s1, const char *s2,
                                  int result) {
  (void)pc;
  record(s1, s2, result);
}
void __sanitizer_weak_hook_strncmp(void *pc, const char *s1, const char *s2,
                                   size_t n, int result) {
  (void)pc, (void)n;
  record(s1, s2, result);
}
void __sanitizer_weak_hook_strcasecmp(void *pc, const char *s1, const char *s2,
                                      int result) {
  (void)pc;
  record(s1, s2, result);
}
void __sanitizer_weak_hook_strncasecmp(void *pc, const char *s1,
                                       const char *s2, size_t n, int result) {
  (void)pc, (void)n;
  record(s1, s2, result);
}
void __sanitizer_weak_hook_strstr(void *pc, const char *s1, const char *s2,
                                  char *result) {
  (void)pc;
  record(s1, s2, result ? result - s1 : -1);
}
void __sanitizer_weak_hook_strcasestr(void *pc, const char *s1, const char *s2,
                                      char *result) {
  (void)pc;
  record(s1, s2, result ? result - s1 : -1);
}
void __sanitizer_weak_hook_memmem(void *pc, const void *s1, size_t len1,
                                  const void *s2, size_t len2, void *result) {
  (void)pc, (void)len1, (void)len2;
  record(s1, s2, result ? (const char *)result - (const char *)s1 : -1);
}
#endif

static int failures;

// Checks one compare against the expected outcome (the sign of a compare's
// result, or where a search found its needle), and under DEFINE_HOOKS that
// exactly one hook call reported the same operands and the same raw result.
static void check(const char *what, long raw, long outcome, long want,
                  const void *s1, const void *s2) {
  if (outcome != want) {
    printf("FAIL %s: outcome %ld, expected %ld\n", what, outcome, want);
    failures++;
  }
#ifdef DEFINE_HOOKS
  if (hook_calls != 1 || last_s1 != s1 || last_s2 != s2 || last_result != raw) {
    printf("FAIL %s: %d hook calls, last (%p, %p, %ld), expected (%p, %p, %ld)\n",
           what, hook_calls, last_s1, last_s2, last_result, s1, s2, raw);
    failures++;
  }
  hook_calls = 0;
#else
  (void)raw, (void)s1, (void)s2;
#endif
}

static long sign(long v) { return (v > 0) - (v < 0); }
static void check_cmp(const char *what, int result, long want_sign,
                      const void *s1, const void *s2) {
  check(what, result, sign(result), want_sign, s1, s2);
}
static void check_find(const char *what, const void *found, const void *in,
                       long want_offset, const void *needle) {
  long at = found ? (const char *)found - (const char *)in : -1;
  check(what, at, at, want_offset, in, needle);
}

int main(void) {
  const char *a = opaque("fuzzing-magic");
  const char *b = opaque("fuzzing-MAGIC");
  const char *upper = opaque("FUZZ");
  const char *needle = opaque("MAG");

  check_cmp("memcmp", memcmp(a, b, 13), 1, a, b);
  check_cmp("bcmp", bcmp(a, b, 7), 0, a, b);
  check_cmp("strcmp", strcmp(a, b), 1, a, b);
  check_cmp("strncmp", strncmp(a, b, 8), 0, a, b);
  check_cmp("strcasecmp", strcasecmp(a, b), 0, a, b);
  check_cmp("strncasecmp", strncasecmp(a, upper, 4), 0, a, upper);
  check_find("strstr", strstr(b, needle), b, 8, needle);
  check_find("strcasestr", strcasestr(a, needle), a, 8, needle);
  check_find("memmem", memmem(b, 13, needle, 3), b, 8, needle);
  if (failures)
    return 1;
  puts("weak hooks OK");
  return 0;
}
