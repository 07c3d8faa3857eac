/* Bug behind a checksum gate: the payload only counts when its trailing 32-bit
 * checksum matches, and the payload itself must then carry a tag. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t adler32(const uint8_t *p, size_t n) {
  uint32_t a = 1, b = 0;
  for (size_t i = 0; i < n; i++) {
    a = (a + p[i]) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16) | a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t stored;
  if (size < 8) return 0;
  memcpy(&stored, data + size - 4, sizeof stored);
  if (adler32(data, size - 4) != stored) return 0;
  if (data[0] == 'P' && data[1] == 'K' && data[2] == 3) abort();
  return 0;
}
