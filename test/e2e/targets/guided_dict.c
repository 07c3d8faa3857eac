/* A bug behind a keyword that no compare reveals (only a hash of it is
 * compared): found with -dict naming the keyword, not without. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (size_t i = 0; i + 8 <= size; i++) {
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < 8; k++)
      h = (h ^ data[i + k]) * 1099511628211ull;
    if (h == 0xcce3bb4fc9ed3034ull) /* FNV-1a of "XYZZYPLG" */
      abort();
  }
  return 0;
}
