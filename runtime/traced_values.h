/* traced_values.h - the per-run count of distinct traced comparison values.
 *
 * Every traced comparison adds `pc ^ arg1 ^ arg2` (see callbacks.c); the loop
 * only needs how many DISTINCT values one run produced. A bitmap of 2^16
 * bits indexed by a hash of the value counts them: 8 KB that stay in the L1
 * cache (the open-addressing set this replaces took 256 KB, and the probes
 * missed the cache on every comparison of a parser's inner loop). Two values
 * sharing a bit count once, which undercounts by well under 1% at the few
 * thousand values a run traces. Words turned non-zero are listed, so
 * clearing between runs touches only them: the cost of a run stays
 * proportional to what it traced. */
#ifndef CFUZZ_TRACED_VALUES_H
#define CFUZZ_TRACED_VALUES_H

#include <stdint.h>

#define CFUZZ_TRACED_LOG2_BITS 16
#define CFUZZ_TRACED_WORDS ((1u << CFUZZ_TRACED_LOG2_BITS) / 64)

struct cfuzz_traced_values {
  uint32_t n_dirty; /* entries of dirty[] in use */
  /* Values traced in this run, repeats included: the run's work as the
   * instrumentation sees it, a deterministic stand-in for its execution
   * time (schedule.h). */
  uint64_t calls;
  uint64_t bits[CFUZZ_TRACED_WORDS];
  uint16_t dirty[CFUZZ_TRACED_WORDS + 1]; /* indices of the non-zero words of bits, and a spare */
};

/* Forgets every value. */
static inline void cfuzz_traced_values_clear(struct cfuzz_traced_values *set) {
  for (uint32_t i = 0; i < set->n_dirty; i++)
    set->bits[set->dirty[i]] = 0;
  set->n_dirty = 0;
  set->calls = 0;
}

static inline void cfuzz_traced_values_add(struct cfuzz_traced_values *set, uint64_t value) {
  /* Fibonacci hashing: pcs and small operands differ in low bits only. */
  uint32_t h = (uint32_t)((value * 0x9E3779B97F4A7C15ull) >> (64 - CFUZZ_TRACED_LOG2_BITS));
  uint64_t *word = &set->bits[h / 64], old = *word;
  /* No branches: whether a value was seen before in this run is close to a
   * coin toss at a parser's compares, and the mispredictions cost more
   * than the stores (the dirty slot is written always and kept only when
   * the word was zero; dirty[] has a spare entry for the full list). No
   * count either: a counter bumped by every call was a chain of stores
   * that slowed an instrumented decoder's loops by a tenth, so the count
   * is taken once per run (cfuzz_traced_values_count). */
  set->dirty[set->n_dirty] = (uint16_t)(h / 64);
  set->n_dirty += old == 0;
  *word = old | 1ull << (h % 64);
  set->calls++;
}

/* The distinct values of this run: the bits of the words it set, counted
 * with the popcnt instruction where the CPU has it (traced_values.c). */
uint32_t cfuzz_traced_values_count(const struct cfuzz_traced_values *set);

static inline uint64_t cfuzz_traced_values_calls(const struct cfuzz_traced_values *set) {
  return set->calls;
}

#endif
