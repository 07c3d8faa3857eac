/* -reduce_inputs: four paths past the length check (first byte 'F' or not,
 * middle byte 'U' or not, last byte 'Z' or not, in sequence), each with a
 * shortest input of 2 or 3 bytes; the corpus directory should end with one
 * file per path, the start input holding the fifth (too short) in memory. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  if (n < 2)
    return 0;
  if (d[0] == 'F' && d[n / 2] == 'U' && d[n - 1] == 'Z')
    sink++;
  return 0;
}
