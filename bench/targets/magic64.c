/* Bug behind one 64-bit equality at an unaligned offset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t v;
  if (size < 11) return 0;
  memcpy(&v, data + 3, sizeof v);
  if (v == 0x1337C0FFEE15BADull) abort();
  return 0;
}
