/* Bug behind a hit-count condition: the same edges are taken whatever the
 * count, so only loop-count buckets (or the cmp on the count) guide to 23. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned run = 0;
  for (size_t i = 0; i < size && data[i] == '#'; i++) run++;
  if (run == 23 && size > 24 && data[24] == '!') abort();
  return 0;
}
