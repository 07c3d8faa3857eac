/* Bug behind one 32-bit equality: 2^-32 by chance, found only through
 * comparison tracing (or split compares). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t v;
  if (size < 6) return 0;
  memcpy(&v, data + 2, sizeof v);
  if (v == 0xC0DEF00Du) abort();
  return 0;
}
