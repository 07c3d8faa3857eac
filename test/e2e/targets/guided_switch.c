/* A bug behind two nested switches on 32-bit values: the case tables are
 * the only source of the values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int step(uint32_t v) {
  switch (v) {
  case 0x13371337u: return 1;
  case 0xdeadbeefu: return 2;
  case 0x0badcafeu: return 3;
  default: return 0;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t a, b;
  if (size < 8)
    return 0;
  memcpy(&a, data, 4);
  memcpy(&b, data + 4, 4);
  if (step(a) == 2) {
    switch (b) {
    case 0x31415926u: break;
    case 0x27182818u: abort();
    default: break;
    }
  }
  return 0;
}
