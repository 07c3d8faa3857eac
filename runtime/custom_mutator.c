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
#include "msan.h"
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
  unsigned int seed = (unsigned int)cfuzz_rng_next(m->rng);
  /* All of buf, not just len bytes: the mutator may grow the input. */
  cfuzz_msan_initialized(buf, cap);
  cfuzz_msan_params_initialized(4);
  size_t out = LLVMFuzzerCustomMutator(buf, len, cap, seed);
  return out == 0 || out > cap ? CFUZZ_MUTATION_FAILED : out;
}

size_t cfuzz_mutation_custom_cross_over(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!LLVMFuzzerCustomCrossOver || !m->scratch || cap > m->scratch_cap || !cfuzz_mutator_partner(m))
    return CFUZZ_MUTATION_FAILED;
  unsigned int seed = (unsigned int)cfuzz_rng_next(m->rng);
  cfuzz_msan_initialized(buf, len);
  cfuzz_msan_initialized(m->partner, m->partner_len);
  cfuzz_msan_initialized(m->scratch, cap);
  cfuzz_msan_params_initialized(7);
  size_t out = LLVMFuzzerCustomCrossOver(buf, len, m->partner, m->partner_len, m->scratch, cap, seed);
  if (out == 0 || out > cap)
    return CFUZZ_MUTATION_FAILED;
  memcpy(buf, m->scratch, out);
  return out;
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size) {
  struct cfuzz_mutator *m = active_mutator;
  if (!m || max_size == 0)
    return 0;
  size_t out = cfuzz_mutator_apply_builtin(m, data, size, max_size);
  cfuzz_msan_initialized(data, out); /* the caller may be instrumented */
  return out;
}
