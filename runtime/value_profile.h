/* value_profile.h - the per-run set of value-profile features
 * (-use_value_profile=1), after libFuzzer's: each integer comparison marks
 * (call site, number of differing bits between its operands), so an input
 * that brings a compared value one bit closer to the constant is a new
 * feature. Written by the compare callbacks (callbacks.c), read and cleared
 * by the counter scan (run_coverage.c): the set remembers which slots it
 * set, so clearing costs what the run marked, never the whole bitmap. */
#ifndef CFUZZ_VALUE_PROFILE_H
#define CFUZZ_VALUE_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

#define CFUZZ_VP_LOG2_SLOTS 16
#define CFUZZ_VP_SLOTS (1u << CFUZZ_VP_LOG2_SLOTS)
/* Most slots one run records; a run comparing more just stops adding. */
#define CFUZZ_VP_MAX_PER_RUN 4096

struct cfuzz_value_profile {
  bool enabled;
  uint32_t n;                           /* slots marked in this run */
  uint16_t marked[CFUZZ_VP_MAX_PER_RUN];
  uint64_t bits[CFUZZ_VP_SLOTS / 64];
};

/* pc: the call site (relative, so runs repeat); a, b: the operands. */
static inline void cfuzz_value_profile_add(struct cfuzz_value_profile *vp, uint64_t pc, uint64_t a, uint64_t b) {
  uint32_t distance = (uint32_t)__builtin_popcountll(a ^ b); /* 0..64 */
  uint64_t h = (pc * 0x9E3779B97F4A7C15ull) >> (64 - CFUZZ_VP_LOG2_SLOTS + 6);
  uint32_t slot = (uint32_t)((h << 6) + distance) & (CFUZZ_VP_SLOTS - 1);
  uint64_t bit = 1ull << (slot % 64);
  if (vp->bits[slot / 64] & bit)
    return;
  if (vp->n == CFUZZ_VP_MAX_PER_RUN)
    return;
  vp->bits[slot / 64] |= bit;
  vp->marked[vp->n++] = (uint16_t)slot;
}

#endif
