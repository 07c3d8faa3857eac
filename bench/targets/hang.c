/* A hang: an endless loop behind a magic word and a flag byte. Found only by a
 * fuzzer that enforces a per-input timeout. */
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 6 && memcmp(data, "LOOP", 4) == 0 && data[5] == 0xFF) {
    volatile int spin = 1; /* volatile: the loop must not be optimised out */
    while (spin) {
    }
  }
  return 0;
}
