/* rng.c - xoshiro256** seeded by splitmix64 (see rng.h). */
#define _GNU_SOURCE
#include "rng.h"

#include <time.h>
#include <unistd.h>

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void cfuzz_rng_seed(struct cfuzz_rng *rng, uint64_t seed) {
  uint64_t x = seed;
  for (int i = 0; i < 4; i++)
    rng->s[i] = splitmix64(&x);
}

void cfuzz_rng_bytes(struct cfuzz_rng *rng, uint8_t *out, size_t len) {
  while (len > 0) {
    uint64_t v = cfuzz_rng_next(rng);
    for (int i = 0; i < 8 && len > 0; i++, len--) {
      *out++ = (uint8_t)v;
      v >>= 8;
    }
  }
}

uint64_t cfuzz_rng_seed_from_flag(int64_t flag) {
  if (flag > 0)
    return (uint64_t)flag;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t s = ((uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec * 1000003u ^ (uint64_t)getpid() << 16) & 0xffffffffu;
  return s ? s : 1;
}
