/* Entries of very different cost: the first byte sets how much the harness
 * allocates and clears, the second how long a traced loop runs. With the
 * work-weighted schedule (on by default) this is where a clock would make two
 * runs of the same -seed differ; the work count must not. No bug. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

volatile int sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2)
    return 0;
  size_t bytes = (size_t)data[0] * 4096;
  uint8_t *rows = malloc(bytes + 1);
  if (!rows)
    return 0;
  memset(rows, data[1], bytes + 1);
  for (unsigned i = 0; i < (unsigned)data[1] * 16u; i++)
    if (rows[i % (bytes + 1)] == (uint8_t)i)
      sink++;
  for (size_t i = 2; i < size; i++)
    if (data[i] == (uint8_t)('a' + i % 26))
      sink++;
  free(rows);
  return 0;
}
