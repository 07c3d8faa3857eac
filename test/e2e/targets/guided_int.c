/* A bug behind a 32-bit value read big endian, and a 16-bit one that must be
 * one more than a constant: input-to-state with byte-swapped operands and
 * +-1 neighbours. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 6)
    return 0;
  uint32_t be = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 | data[3];
  uint16_t le = (uint16_t)(data[4] | data[5] << 8);
  if (be == 0x8badf00du && le > 0x7ffe && le < 0x8000)
    abort();
  return 0;
}
