/* rng.h - the fuzzer's seedable random number generator (xoshiro256**,
 * seeded through splitmix64). Same seed, same sequence: that is what makes
 * `-seed=N` runs reproducible. */
#ifndef CFUZZ_RNG_H
#define CFUZZ_RNG_H

#include <stddef.h>
#include <stdint.h>

struct cfuzz_rng {
  uint64_t s[4];
};

void cfuzz_rng_seed(struct cfuzz_rng *rng, uint64_t seed);
uint64_t cfuzz_rng_next(struct cfuzz_rng *rng);
/* Uniform-enough value in [0, bound); bound must be > 0. Uses the
 * multiply-shift reduction: slightly biased, like the reference's
 * uintLessThanBiased, and branch-free. */
static inline uint64_t cfuzz_rng_below(struct cfuzz_rng *rng, uint64_t bound) {
  return (uint64_t)(((unsigned __int128)cfuzz_rng_next(rng) * bound) >> 64);
}
void cfuzz_rng_bytes(struct cfuzz_rng *rng, uint8_t *out, size_t len);

#endif
