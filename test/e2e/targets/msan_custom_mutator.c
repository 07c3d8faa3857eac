/* Built with -fsanitize=memory, with a custom mutator and cross-over that
 * branch on every parameter and every byte they are given, and on the bytes
 * LLVMFuzzerMutate (the runtime's, not instrumented) wrote: each must look
 * initialised to MSan. */
#include <stddef.h>
#include <stdint.h>

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

static volatile unsigned sink;

static void use(const uint8_t *d, size_t n) {
  unsigned sum = 0;
  for (size_t i = 0; i < n; i++)
    if (d[i] & 1)
      sum += d[i];
  if (sum == 12345)
    sink++;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  if (seed == 7 || max_size == 0)
    return 0;
  use(data, size);
  size_t out = LLVMFuzzerMutate(data, size, max_size);
  use(data, out);
  return out;
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t n1, const uint8_t *d2, size_t n2, uint8_t *out,
                                 size_t max_out, unsigned int seed) {
  if (seed == 7)
    return 0;
  size_t i = 0;
  for (; i < n1 && i < n2 && i < max_out; i++)
    out[i] = d1[i] < d2[i] ? d1[i] : d2[i];
  return i;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  use(d, n);
  return 0;
}
