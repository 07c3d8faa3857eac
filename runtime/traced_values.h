/* traced_values.h - the per-run set of traced comparison values.
 *
 * Every traced comparison adds `pc ^ arg1 ^ arg2` (see callbacks.c); the loop
 * only needs how many DISTINCT values one run produced. An open-addressing
 * hash set whose slots carry the generation that wrote them: a slot from an
 * older generation counts as empty, so clearing between runs is one
 * increment instead of a memset of the table. When the set is half full it
 * stops growing (the count saturates) so probing stays short. */
#ifndef CFUZZ_TRACED_VALUES_H
#define CFUZZ_TRACED_VALUES_H

#include <stdint.h>

#define CFUZZ_TRACED_LOG2_SLOTS 14
#define CFUZZ_TRACED_SLOTS (1u << CFUZZ_TRACED_LOG2_SLOTS)
#define CFUZZ_TRACED_MAX_COUNT (CFUZZ_TRACED_SLOTS / 2)

struct cfuzz_traced_values {
  /* Slots stamped generation + 1 are in the set. Stamps are never 0, so a
   * zero-initialised set (the global, before main) is valid and empty. */
  uint32_t generation;
  uint32_t count;      /* distinct values inserted in this generation */
  /* Stamp and value side by side: a probe touches one cache line. */
  struct cfuzz_traced_slot {
    uint64_t value;
    uint64_t stamp;
  } slots[CFUZZ_TRACED_SLOTS];
};

/* Empties the set the slow way (memset); needed only on generation wrap. */
void cfuzz_traced_values_init(struct cfuzz_traced_values *set);

/* Forgets every value: O(1) except once every 2^32 runs. */
static inline void cfuzz_traced_values_clear(struct cfuzz_traced_values *set) {
  set->count = 0;
  if (++set->generation == UINT32_MAX)
    cfuzz_traced_values_init(set);
}

static inline void cfuzz_traced_values_add(struct cfuzz_traced_values *set, uint64_t value) {
  if (set->count >= CFUZZ_TRACED_MAX_COUNT)
    return;
  /* Fibonacci hashing: pcs and small operands differ in low bits only. */
  uint32_t slot = (uint32_t)((value * 0x9E3779B97F4A7C15ull) >> (64 - CFUZZ_TRACED_LOG2_SLOTS));
  for (;;) {
    struct cfuzz_traced_slot *s = &set->slots[slot];
    if (s->stamp != (uint64_t)set->generation + 1) {
      s->stamp = (uint64_t)set->generation + 1;
      s->value = value;
      set->count++;
      return;
    }
    if (s->value == value)
      return;
    slot = (slot + 1) & (CFUZZ_TRACED_SLOTS - 1);
  }
}

static inline uint32_t cfuzz_traced_values_count(const struct cfuzz_traced_values *set) {
  return set->count;
}

#endif
