/* Unit tests: schedule.c (parent choice). */
#include <stdint.h>

#include "check.h"
#include "corpus.h"
#include "schedule.h"

/* A run that reached bits (no features), len bytes, traced values. */
#define RUN(b, l, t) (&(struct cfuzz_run_outcome){.bits = (b), .len = (l), .traced = (t)})

static const uint8_t bytes[4] = "abcd";

static void test_uniform(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, 64 * (1));
  uint64_t bits = 1;
  for (int i = 0; i < 4; i++)
    cfuzz_corpus_add(&c, bytes, RUN(&bits, 4, 0), false);
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s);
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 1);
  size_t counts[4] = {0};
  for (int i = 0; i < 4000; i++) {
    size_t p = cfuzz_scheduler_pick(&s, &c, &rng);
    CHECK(p < 4);
    if (p < 4)
      counts[p]++;
  }
  for (int i = 0; i < 4; i++)
    CHECK(counts[i] > 800 && counts[i] < 1200);
  /* The same seed picks the same parents. */
  struct cfuzz_rng r1, r2;
  cfuzz_rng_seed(&r1, 7);
  cfuzz_rng_seed(&r2, 7);
  int same = 1;
  for (int i = 0; i < 100; i++)
    same &= cfuzz_scheduler_pick(&s, &c, &r1) == cfuzz_scheduler_pick(&s, &c, &r2);
  CHECK(same);
  cfuzz_corpus_free(&c);
}

int main(void) {
  test_uniform();
  return check_finish("schedule");
}
