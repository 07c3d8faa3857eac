/* A run's cost hidden in a loop that traces nothing (the first byte sets
 * how many bytes it copies, 256 per unit): the loop's own test is a back
 * edge, which comparison tracing skips, so only the pass's loop-work count
 * tells the scheduler that "\xff\xff" costs 65,280 iterations and "\0" none.
 * No bug. */
#include <stddef.h>
#include <stdint.h>

static volatile uint8_t copy[1 << 16];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  size_t n = (size_t)data[0] * 256;
  for (size_t i = 0; i < n; i++)
    copy[i] = data[i % size];
  return 0;
}
