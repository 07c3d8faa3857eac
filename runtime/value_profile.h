/* value_profile.h - the per-run set of value-profile features
 * (-use_value_profile=1), after libFuzzer's: each integer comparison marks
 * (call site, number of differing bits between its operands) and (call site,
 * size of their difference), so an input that brings a compared value one
 * bit or one power of two closer to the constant is a new feature. Written
 * by the compare callbacks (callbacks.c), read and cleared by the counter
 * scan (run_coverage.c): the set remembers which slots it set, so clearing
 * costs what the run marked, never the whole bitmap. */
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

static inline void cfuzz_value_profile_mark(struct cfuzz_value_profile *vp, uint32_t slot) {
  uint64_t bit = 1ull << (slot % 64);
  if (vp->bits[slot / 64] & bit)
    return;
  if (vp->n == CFUZZ_VP_MAX_PER_RUN)
    return;
  vp->bits[slot / 64] |= bit;
  vp->marked[vp->n++] = (uint16_t)slot;
}

/* pc: the call site (relative, so runs repeat); a, b: the operands. Two
 * slots per site, as libFuzzer has: the number of differing bits, and the
 * size of the difference (its highest set bit), so that a value computed
 * from the input (a sum, a product) climbs towards the constant even when
 * its bits do not. The difference is taken either way round, where
 * libFuzzer's wraps when the first operand is the smaller. */
static inline void cfuzz_value_profile_add(struct cfuzz_value_profile *vp, uint64_t pc, uint64_t a, uint64_t b) {
  uint64_t h = (pc * 0x9E3779B97F4A7C15ull) >> (64 - CFUZZ_VP_LOG2_SLOTS + 7);
  /* A site has 128 slots: 0..63 for the differing bits (64 shares 63's slot:
   * all 64 bits differ only against a complement), 64..127 for the
   * difference's size (1..64). Without the cap, 64 differing bits took the
   * slot of a difference of 1, so the two measures hid each other's
   * progress. */
  uint32_t bits_apart = (uint32_t)__builtin_popcountll(a ^ b);
  if (bits_apart > 63)
    bits_apart = 63;
  uint64_t difference = a > b ? a - b : b - a;
  cfuzz_value_profile_mark(vp, (uint32_t)((h << 7) + bits_apart) & (CFUZZ_VP_SLOTS - 1));
  if (difference) { /* equal operands: bits_apart 0 says it */
    uint32_t magnitude = 64u - (uint32_t)__builtin_clzll(difference); /* 1..64 */
    cfuzz_value_profile_mark(vp, (uint32_t)((h << 7) + 63 + magnitude) & (CFUZZ_VP_SLOTS - 1));
  }
}

/* A switch, as libFuzzer profiles it: the value against the case values on
 * either side of it (the largest below, the smallest above; 0 and the
 * width's maximum where there is none), each under the call site shifted by
 * where the value falls among the cases. A value moving towards the case it
 * must equal then gains features, as a compare with that case would give.
 * cases = {count, bit width, case values sorted ascending} (the pass sorts
 * them). Switches whose cases are all below 256, and values below 256, are
 * skipped as libFuzzer skips them: byte and character dispatch is the
 * commonest switch and its distances lead nowhere. */
static inline void cfuzz_value_profile_add_switch(struct cfuzz_value_profile *vp, uint64_t pc, uint64_t value,
                                                  const uint64_t *cases) {
  uint64_t n = cases[0];
  const uint64_t *vals = cases + 2;
  if (n == 0 || vals[n - 1] < 256 || value < 256)
    return;
  /* First case above the value (binary search: switches can be large). */
  uint64_t lo = 0, hi = n;
  while (lo < hi) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (vals[mid] <= value)
      lo = mid + 1;
    else
      hi = mid;
  }
  uint64_t width = cases[1];
  uint64_t above = lo < n ? vals[lo] : width >= 64 ? UINT64_MAX : (1ull << width) - 1;
  uint64_t below_end = lo > 0 && vals[lo - 1] == value ? lo - 1 : lo;
  uint64_t below = below_end > 0 ? vals[below_end - 1] : 0;
  cfuzz_value_profile_add(vp, pc + 2 * lo, value, below);
  cfuzz_value_profile_add(vp, pc + 2 * lo + 1, value, above);
}

#endif
