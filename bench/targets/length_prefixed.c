/* Bug inside a length-prefixed nested format: a container record whose length
 * matches the input holds child records; a child of type 7 with exactly 4 bytes
 * of body starting with 'Z' is the bug. Lengths must all be consistent. */
#include <stdint.h>
#include <stdlib.h>

static void parse_children(const uint8_t *p, size_t n) {
  while (n >= 2) {
    uint8_t type = p[0], len = p[1];
    if ((size_t)len + 2 > n) return;
    if (type == 7 && len == 4 && p[2] == 'Z') abort();
    p += 2 + len;
    n -= 2 + (size_t)len;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 4 || data[0] != 0xC4) return 0;
  size_t body = ((size_t)data[1] << 8) | data[2];
  if (body != size - 3) return 0;
  parse_children(data + 3, body);
  return 0;
}
