/* A bug behind a narrow double range read from 8 input bytes: only float
 * compare tracing (__cfuzz_trace_fcmp8) and input-to-state replacement with
 * the next representable value find it in a bounded number of runs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  double d;
  if (size < sizeof d)
    return 0;
  memcpy(&d, data, sizeof d);
  if (2.718281 < d && d < 2.718282)
    abort();
  return 0;
}
