// Smallest libFuzzer-style target: proves the installed package builds and
// links a fuzzer. The branch gives the pass something to count.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 0 && data[0] == 'x')
    return 0;
  return 0;
}
