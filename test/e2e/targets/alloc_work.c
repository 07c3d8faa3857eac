/* Allocated bytes in a run's work (fuzz_loop.c run_work): the first byte
 * sets how many 64 KB blocks the harness allocates and frees without
 * touching them. Such memory costs glibc almost nothing once reused, so it
 * counts one unit per 1 KB: "\x10" (1 MB) gets about 1,024 units, not the
 * 16,384 it got at one per 64 bytes. No bug. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static void *volatile kept; /* so the allocation is not optimised away */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0 || data[0] == 0)
    return 0;
  kept = malloc((size_t)data[0] << 16);
  free(kept);
  return 0;
}
