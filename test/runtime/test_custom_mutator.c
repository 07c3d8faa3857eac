/* Unit tests: the user's mutators (custom_mutator.c). This program defines
 * LLVMFuzzerCustomMutator and LLVMFuzzerCustomCrossOver, so the mutator uses
 * only them (as libFuzzer does), and LLVMFuzzerMutate applies a built-in
 * mutation from inside the custom one. */
#include <stdint.h>

#include "cfuzz.h"
#include "check.h"
#include "mutate.h"
#include "rng.h"

static int custom_calls, cross_over_calls;
static size_t last_builtin_len;

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
  (void)seed;
  custom_calls++;
  /* Mark the input, then let the built-in engine change it. */
  if (size == 0 && max_size > 0)
    data[size++] = 'C';
  data[0] = 'C';
  last_builtin_len = LLVMFuzzerMutate(data, size, max_size);
  return last_builtin_len;
}

size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2, size_t size2,
                                 uint8_t *out, size_t max_out_size, unsigned int seed) {
  (void)seed;
  cross_over_calls++;
  size_t n = 0;
  for (size_t i = 0; i < size1 && n < max_out_size; i++)
    out[n++] = data1[i];
  for (size_t i = 0; i < size2 && n < max_out_size; i++)
    out[n++] = data2[i];
  return n;
}

int main(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  static struct cfuzz_cmp_table table;
  cfuzz_rng_seed(&rng, 1);
  cfuzz_mutator_init(&m, &rng, &(struct cfuzz_mutator_options){.cmp = &table, .max_len = 64});
  int custom = cfuzz_mutation_index("Custom"), cross = cfuzz_mutation_index("CustomCrossOver");
  CHECK(custom >= 0 && cross >= 0);
  uint8_t src[9] = "abcdefgh", partner[5] = "WXYZ", dst[64];
  int saw_cross = 0;
  for (int i = 0; i < 200; i++) {
    size_t len = cfuzz_mutator_mutate(&m, src, 8, dst, 64, partner, 4);
    CHECK(len <= 64);
    /* Only the user's mutators run at the top level (the built-in one
     * that LLVMFuzzerMutate applied is recorded just before Custom). */
    int user = 0;
    for (size_t k = 0; k < m.sequence_len; k++) {
      int idx = m.sequence[k];
      user += idx == custom || idx == cross;
      saw_cross |= idx == cross;
    }
    CHECK(user >= 1 && 2 * user >= (int)m.sequence_len);
  }
  CHECK(custom_calls > 0);
  CHECK(cross_over_calls > 0 && saw_cross);
  CHECK(last_builtin_len <= 64);
  /* The sequence names Custom in the MS: line. */
  char ms[256];
  cfuzz_mutator_format_sequence(&m, ms, sizeof ms);
  CHECK_STR_CONTAINS(ms, "Custom");
  /* LLVMFuzzerMutate without an active mutator does nothing. */
  cfuzz_mutator_free(&m);
  uint8_t buf[4] = "abc";
  CHECK(LLVMFuzzerMutate(buf, 3, 4) == 0);
  return check_finish("custom_mutator");
}
