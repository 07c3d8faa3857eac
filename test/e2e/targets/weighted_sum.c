/* A bug behind a value computed from three input bytes (libFuzzer's
 * ThreeBytes test): no input byte equals a compared operand, so
 * input-to-state cannot help; the value profile's distance features lead
 * there, the size of the difference more than its differing bits. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 3)
    return 0;
  uint32_t sum = data[0] + 251u * data[1] + 251u * 251u * data[2];
  if (sum == 'F' + 251u * 'U' + 251u * 251u * 'Z')
    abort();
  return 0;
}
