/* A custom mutator that stacks 12 built-in mutations per call (through
 * LLVMFuzzerMutate), for the mutation sequences libFuzzer prints: the first
 * 10 names, or all of them with -verbosity=2. Each of the first bytes being
 * 'A' + its position is a branch of its own, so new inputs keep coming. */
#include <stddef.h>
#include <stdint.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

static volatile int seen[8];

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  (void)seed;
  for (int i = 0; i < 11; i++)
    size = LLVMFuzzerMutate(data, size, max_size);
  return LLVMFuzzerMutate(data, size, max_size);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  for (size_t i = 0; i < n && i < 8; i++)
    if (d[i] == 'A' + i)
      seen[i] = 1;
  return 0;
}
