/* check.h - a minimal unit-test harness for the runtime's modules: CHECK
 * records a failure with its location and keeps going; each test program's
 * main returns check_finish(), non-zero if any CHECK failed. */
#ifndef CFUZZ_TEST_CHECK_H
#define CFUZZ_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                  \
  do {                                                                               \
    check_count++;                                                                   \
    if (!(cond)) {                                                                   \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);       \
      check_failures++;                                                              \
    }                                                                                \
  } while (0)

#define CHECK_STR_CONTAINS(haystack, needle)                                          \
  do {                                                                               \
    check_count++;                                                                   \
    if (!strstr((haystack), (needle))) {                                             \
      fprintf(stderr, "%s:%d: '%s' does not contain '%s'\n", __FILE__, __LINE__,     \
              (haystack), (needle));                                                 \
      check_failures++;                                                              \
    }                                                                                \
  } while (0)

static inline int check_finish(const char *suite) {
  printf("%s: %d checks, %d failed\n", suite, check_count, check_failures);
  return check_failures ? 1 : 0;
}

#endif
