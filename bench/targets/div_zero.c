/* Integer division by a divisor derived from the input: SIGFPE when the
 * 16-bit field equals the tag, after a short magic. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 5 || data[0] != 'D' || data[1] != 'V') return 0;
  /* volatile keeps the division from being folded or hoisted away. */
  volatile int divisor = ((data[2] << 8) | data[3]) - 0x0A0B;
  volatile int quotient = 1000 / divisor;
  (void)quotient;
  return 0;
}
