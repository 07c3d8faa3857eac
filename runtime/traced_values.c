/* traced_values.c - the count of a run's distinct traced values (see
 * traced_values.h), taken once per run from the words the run set. */
#include "traced_values.h"

static inline __attribute__((always_inline)) uint32_t count_words(const struct cfuzz_traced_values *set) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < set->n_dirty; i++)
    n += (uint32_t)__builtin_popcountll(set->bits[set->dirty[i]]);
  return n;
}

#if defined(__x86_64__)
/* The runtime is built for baseline x86-64, whose popcount is a dozen
 * instructions per word: at woff2's few hundred words a run, that took
 * back a third of what dropping the per-call counter saved. */
__attribute__((target("popcnt"))) static uint32_t count_words_popcnt(const struct cfuzz_traced_values *set) {
  return count_words(set);
}
#endif

uint32_t cfuzz_traced_values_count(const struct cfuzz_traced_values *set) {
#if defined(__x86_64__)
  static int has_popcnt = -1; /* the same answer in every thread */
  if (__builtin_expect(has_popcnt < 0, 0)) {
    __builtin_cpu_init();
    has_popcnt = __builtin_cpu_supports("popcnt") != 0;
  }
  if (has_popcnt)
    return count_words_popcnt(set);
#endif
  return count_words(set);
}
