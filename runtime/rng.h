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
/* The seed for -seed=N: N when positive; otherwise one from the clock and
 * the process id (nonzero, below 2^32, as libFuzzer prints it). */
uint64_t cfuzz_rng_seed_from_flag(int64_t flag);
static inline uint64_t cfuzz_rng_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

/* Inline: the mutator draws several numbers per execution. */
static inline uint64_t cfuzz_rng_next(struct cfuzz_rng *rng) {
  uint64_t *s = rng->s;
  uint64_t result = cfuzz_rng_rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = cfuzz_rng_rotl(s[3], 45);
  return result;
}
/* Uniform-enough value in [0, bound); bound must be > 0. Uses the
 * multiply-shift reduction: slightly biased, like the reference's
 * uintLessThanBiased, and branch-free. */
static inline uint64_t cfuzz_rng_below(struct cfuzz_rng *rng, uint64_t bound) {
  return (uint64_t)(((unsigned __int128)cfuzz_rng_next(rng) * bound) >> 64);
}
void cfuzz_rng_bytes(struct cfuzz_rng *rng, uint8_t *out, size_t len);

#endif
