/* A target with a custom mutator that defers to the built-in mutations, for
 * what a custom mutator changes in the fuzzer's defaults (-len_control). */
#include <stddef.h>
#include <stdint.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  (void)seed;
  return LLVMFuzzerMutate(data, size, max_size);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  (void)d;
  (void)n;
  return 0;
}
