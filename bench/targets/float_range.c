/* Bug behind a narrow floating-point range: float compares are not traced as
 * integer compares, so fuzzers must close in through the nested ranges. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  double x;
  if (size < sizeof x) return 0;
  memcpy(&x, data, sizeof x);
  if (x > 1.0)
    if (x < 1e6)
      if (x > 1000.0)
        if (x < 1100.0)
          if (x > 1024.0 && x < 1024.5) abort();
  return 0;
}
