/* Unit tests: rng.c (the seeded generator behind -seed, and the seed picked
 * when -seed is not given). */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "rng.h"

/* Same seed, same sequence; another seed, another one. */
static void test_repeatable(void) {
  struct cfuzz_rng a, b, c;
  cfuzz_rng_seed(&a, 42);
  cfuzz_rng_seed(&b, 42);
  cfuzz_rng_seed(&c, 43);
  bool differs = false;
  for (int i = 0; i < 100; i++) {
    uint64_t x = cfuzz_rng_next(&a);
    CHECK(x == cfuzz_rng_next(&b));
    differs |= x != cfuzz_rng_next(&c);
  }
  CHECK(differs);
  uint8_t p[13], q[13];
  cfuzz_rng_seed(&a, 7);
  cfuzz_rng_seed(&b, 7);
  cfuzz_rng_bytes(&a, p, sizeof p);
  cfuzz_rng_bytes(&b, q, sizeof q);
  CHECK(memcmp(p, q, sizeof p) == 0);
}

/* Below the bound, and every value of a small bound comes up. */
static void test_below(void) {
  struct cfuzz_rng r;
  cfuzz_rng_seed(&r, 1);
  unsigned seen = 0;
  for (int i = 0; i < 1000; i++) {
    uint64_t v = cfuzz_rng_below(&r, 5);
    CHECK(v < 5);
    seen |= 1u << v;
  }
  CHECK(seen == 0x1f);
  CHECK(cfuzz_rng_below(&r, 1) == 0);
}

/* -seed=N is N; without it, a seed libFuzzer would print: 1 to 2^32-1. */
static void test_seed_from_flag(void) {
  CHECK(cfuzz_rng_seed_from_flag(12345) == 12345);
  for (int64_t flag = -1; flag <= 0; flag++) {
    uint64_t s = cfuzz_rng_seed_from_flag(flag);
    CHECK(s != 0 && s <= 0xffffffffu);
  }
}

int main(void) {
  test_repeatable();
  test_below();
  test_seed_from_flag();
  return check_finish("rng");
}
