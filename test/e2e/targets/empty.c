/* An empty harness: every execution is pure fuzzer overhead, so its exec/s
 * compares the runtimes' per-execution cost (measure.sh). */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  (void)data;
  (void)size;
  return 0;
}
