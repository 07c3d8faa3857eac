/* The reference design's first example: a native cfuzz test that fails on
 * exactly one input, "canyoufindme". Without --fuzz it runs as an ordinary
 * regression test (seed corpus, saved reproducers, empty input) and passes;
 * with --fuzz=canyoufindme the fuzzer has to discover the string, which takes
 * comparison tracing because no single byte changes the control flow. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cfuzz.h"

static int test_one(void *ctx, const uint8_t *data, size_t len) {
  static const char secret[] = "canyoufindme";
  (void)ctx;
  if (len == sizeof secret - 1 && memcmp(data, secret, len) == 0)
    return 1; /* found it: report a failure, as a failed expectation would */
  return 0;
}

/* The glue between the test runner and the fuzzer is not code under test;
 * instrumenting it would only add coverage points that every input hits. */
CFUZZ_DISABLE_INSTRUMENTATION
CFUZZ_TEST(canyoufindme) {
  return cfuzz_fuzz(NULL, test_one, &(struct cfuzz_options){0});
}
