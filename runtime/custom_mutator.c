/* custom_mutator.c - the user's mutators, as libFuzzer defines them:
 * LLVMFuzzerCustomMutator (replaces the built-in mutations),
 * LLVMFuzzerCustomCrossOver (an extra mutation), and LLVMFuzzerMutate, which
 * a custom mutator calls to apply one built-in mutation.
 *
 * LLVMFuzzerMutate has no context argument, so the mutator that is active
 * (the one the loop uses) is kept in this file's one variable, set by
 * cfuzz_mutator_init. */
#include <string.h>

#include "cfuzz.h"
#include "mutation_util.h"
#include "mutations.h"

#pragma weak LLVMFuzzerCustomMutator
#pragma weak LLVMFuzzerCustomCrossOver

static struct cfuzz_mutator *active_mutator;

void cfuzz_custom_mutators_bind(struct cfuzz_mutator *m) { active_mutator = m; }

bool cfuzz_custom_mutator_defined(void) { return LLVMFuzzerCustomMutator != NULL; }

bool cfuzz_custom_cross_over_defined(void) { return LLVMFuzzerCustomCrossOver != NULL; }

size_t cfuzz_mutation_custom(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!LLVMFuzzerCustomMutator || cap == 0)
    return CFUZZ_MUTATION_FAILED;
  size_t out = LLVMFuzzerCustomMutator(buf, len, cap, (unsigned int)cfuzz_rng_next(m->rng));
  return out == 0 || out > cap ? CFUZZ_MUTATION_FAILED : out;
}

size_t cfuzz_mutation_custom_cross_over(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!LLVMFuzzerCustomCrossOver || !m->partner || !m->scratch || cap > m->scratch_cap)
    return CFUZZ_MUTATION_FAILED;
  size_t out = LLVMFuzzerCustomCrossOver(buf, len, m->partner, m->partner_len, m->scratch, cap,
                                         (unsigned int)cfuzz_rng_next(m->rng));
  if (out == 0 || out > cap)
    return CFUZZ_MUTATION_FAILED;
  memcpy(buf, m->scratch, out);
  return out;
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size) {
  struct cfuzz_mutator *m = active_mutator;
  if (!m || max_size == 0)
    return 0;
  return cfuzz_mutator_apply_builtin(m, data, size, max_size);
}
