/* A bug behind two nested switches on 32-bit values: the case tables are
 * the only source of the values. Each case writes its own volatile, so the
 * optimiser keeps real switch instructions (not compares, not lookup
 * tables) on every LLVM version. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int seen_a, seen_b, seen_c, seen_d, seen_e;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t a, b;
  if (size < 8)
    return 0;
  memcpy(&a, data, 4);
  memcpy(&b, data + 4, 4);
  switch (a) {
  case 0x13371337u: seen_a = 1; break;
  case 0x0badcafeu: seen_b = 1; break;
  case 0x5eed5eedu: seen_c = 1; break;
  case 0xdeadbeefu:
    switch (b) {
    case 0x31415926u: seen_d = 1; break;
    case 0x16180339u: seen_e = 1; break;
    case 0x27182818u: abort();
    default: break;
    }
    break;
  default: break;
  }
  return 0;
}
