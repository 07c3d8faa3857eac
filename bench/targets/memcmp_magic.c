/* Bug behind a memcmp against a 16-byte literal: needs the string-compare hooks
 * (the call is opaque to edge coverage). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 20 && memcmp(data + 4, "Cfuzz-Bench-Key!", 16) == 0) abort();
  return 0;
}
