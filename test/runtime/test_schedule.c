/* Unit tests: schedule.c (parent choice by feature rarity, recency and
 * execution time; uniform with -entropic=0; reproducible under a seed) and
 * corpus.c's dropping of redundant entries. */
#include <stdint.h>

#include "check.h"
#include "corpus.h"
#include "schedule.h"

#define N_PCS 64
#define SPACE (N_PCS * 8 + 64)

static const uint8_t bytes[17] = "abcdefghijklmnop";

static size_t add(struct cfuzz_corpus *c, const uint32_t *ft, size_t n, size_t len, uint32_t traced) {
  uint64_t bits = 1;
  struct cfuzz_run_outcome run = {.bits = &bits, .features = ft, .n_features = n, .len = len, .traced = traced};
  return cfuzz_corpus_add(c, bytes, &run, false);
}

static void observe(struct cfuzz_scheduler *s, const uint32_t *ft, size_t n, int times) {
  struct cfuzz_run_outcome run = {.features = ft, .n_features = n};
  for (int i = 0; i < times; i++)
    cfuzz_scheduler_observe(s, &run, (uint64_t)i * SCHEDULE_SAMPLE_EVERY);
}

static const struct cfuzz_schedule_options entropic = {
    .entropic = true, .feature_frequency_threshold = 255, .rarest_features = 100, .scale_per_exec_time = true};

static void count_picks(struct cfuzz_scheduler *s, struct cfuzz_corpus *c, size_t *counts, int n) {
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 1);
  for (int i = 0; i < n; i++) {
    size_t p = cfuzz_scheduler_pick(s, c, &rng, 0);
    CHECK(p < c->n);
    if (p < c->n)
      counts[p]++;
  }
}

static void test_uniform(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t common[] = {0};
  const uint32_t rare[] = {0, 9};
  add(&c, common, 1, 4, 0);
  add(&c, common, 1, 4, 0);
  add(&c, common, 1, 4, 0);
  add(&c, rare, 2, 4, 0);
  struct cfuzz_schedule_options o = entropic;
  o.entropic = false;
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s, &o, SPACE);
  size_t counts[4] = {0};
  count_picks(&s, &c, counts, 4000);
  for (int i = 0; i < 4; i++)
    CHECK(counts[i] > 800 && counts[i] < 1200);
  CHECK(c.entries[0].picks == counts[0]);
  cfuzz_scheduler_free(&s);
  cfuzz_corpus_free(&c);
}

/* The entry holding a rarely hit feature is chosen far more often. */
static void test_rarity(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t common[] = {0, 8};
  const uint32_t rare[] = {0, 8, 17};
  add(&c, common, 2, 4, 0);
  add(&c, common, 2, 4, 0);
  add(&c, rare, 3, 4, 0);
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s, &entropic, SPACE);
  observe(&s, common, 2, 200);
  observe(&s, rare, 3, 1);
  size_t counts[3] = {0};
  count_picks(&s, &c, counts, 6000);
  CHECK(counts[2] > 3 * counts[0] && counts[2] > 3 * counts[1]);
  CHECK(counts[0] > 0 && counts[1] > 0); /* nobody starves */
  /* Features hit more often than the threshold are not rare. */
  struct cfuzz_schedule_options o = entropic;
  o.feature_frequency_threshold = 0;
  struct cfuzz_scheduler t;
  cfuzz_scheduler_init(&t, &o, SPACE);
  observe(&t, common, 2, 200);
  observe(&t, rare, 3, 1);
  for (size_t i = 0; i < c.n; i++)
    c.entries[i].picks = 0;
  double w0 = cfuzz_scheduler_weight(&t, &c.entries[0], 0, 0), w2 = cfuzz_scheduler_weight(&t, &c.entries[2], 0, 0);
  CHECK(w0 == w2);
  cfuzz_scheduler_free(&t);
  cfuzz_scheduler_free(&s);
  cfuzz_corpus_free(&c);
}

/* A recent find weighs more; a slow entry less, a fast one more; timing
 * differences under the floor count as none. */
static void test_recency_and_time(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t ft[] = {0};
  add(&c, ft, 1, 4, 0);
  add(&c, ft, 1, 4, 0);
  add(&c, ft, 1, 4, 0);
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s, &entropic, SPACE);
  double fresh = cfuzz_scheduler_weight(&s, &c.entries[0], 255, 0);
  c.entries[0].picks = 100000;
  CHECK(cfuzz_scheduler_weight(&s, &c.entries[0], 255, 0) < fresh);
  c.entries[0].picks = 0;
  double median = 16000;
  c.entries[0].work = 256000;
  c.entries[1].work = 16000;
  c.entries[2].work = 6400;
  double slow = cfuzz_scheduler_weight(&s, &c.entries[0], 255, median);
  double usual = cfuzz_scheduler_weight(&s, &c.entries[1], 255, median);
  double fast = cfuzz_scheduler_weight(&s, &c.entries[2], 255, median);
  CHECK(slow * 16 == usual);
  CHECK(fast == usual * 2);
  /* Down to 1 / 2^SCHEDULE_SLOWEST_SHIFT, no further: an entry 256 times
   * slower gets 1/256 (it got 1/64 when that was the floor). */
  c.entries[0].work = 16000 * 256;
  CHECK(cfuzz_scheduler_weight(&s, &c.entries[0], 255, median) * 256 == usual);
  double slowest = usual / (double)(1u << SCHEDULE_SLOWEST_SHIFT);
  c.entries[0].work = 16000ull << SCHEDULE_SLOWEST_SHIFT;
  CHECK(cfuzz_scheduler_weight(&s, &c.entries[0], 255, median) == slowest);
  c.entries[0].work = 16000ull << (SCHEDULE_SLOWEST_SHIFT + 4);
  CHECK(cfuzz_scheduler_weight(&s, &c.entries[0], 255, median) == slowest);
  /* Below the floor, work differences do not count. */
  c.entries[0].work = 10;
  c.entries[1].work = 900;
  CHECK(cfuzz_scheduler_weight(&s, &c.entries[0], 255, SCHEDULE_WORK_FLOOR) ==
        cfuzz_scheduler_weight(&s, &c.entries[1], 255, SCHEDULE_WORK_FLOOR));
  /* Slow entries are picked less. */
  c.entries[0].work = 256000;
  c.entries[1].work = 16000;
  c.entries[2].work = 16000;
  size_t counts[3] = {0};
  count_picks(&s, &c, counts, 3000);
  CHECK(counts[0] * 4 < counts[1]);
  cfuzz_scheduler_free(&s);
  cfuzz_corpus_free(&c);
}

/* The reference is the lower quartile of the corpus's work: when slow
 * entries are most of the corpus, the fast ones still get most picks. */
static void test_slow_majority(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t ft[] = {0};
  for (int i = 0; i < 8; i++) {
    size_t k = add(&c, ft, 1, 4, 0);
    c.entries[k].work = i < 3 ? 2000 : 2000 * 32;
  }
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s, &entropic, SPACE);
  size_t counts[8] = {0};
  count_picks(&s, &c, counts, 4000);
  size_t fast = counts[0] + counts[1] + counts[2], slow = 4000 - fast;
  CHECK(fast > slow * 4);
  cfuzz_scheduler_free(&s);
  cfuzz_corpus_free(&c);
}

static void test_reproducible(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t a[] = {0, 8}, b[] = {0, 16}, d[] = {0, 24, 33};
  add(&c, a, 2, 4, 0);
  add(&c, b, 2, 4, 0);
  add(&c, d, 3, 4, 0);
  struct cfuzz_scheduler s1, s2;
  cfuzz_scheduler_init(&s1, &entropic, SPACE);
  cfuzz_scheduler_init(&s2, &entropic, SPACE);
  struct cfuzz_rng r1, r2;
  cfuzz_rng_seed(&r1, 7);
  cfuzz_rng_seed(&r2, 7);
  int same = 1;
  for (uint64_t i = 0; i < 1000; i++) {
    size_t p1 = cfuzz_scheduler_pick(&s1, &c, &r1, i);
    size_t p2 = cfuzz_scheduler_pick(&s2, &c, &r2, i);
    same &= p1 == p2;
    struct cfuzz_run_outcome run = {.features = c.entries[p1].features, .n_features = c.entries[p1].n_features};
    cfuzz_scheduler_observe(&s1, &run, i);
    cfuzz_scheduler_observe(&s2, &run, i);
  }
  CHECK(same);
  /* A new entry gets turns before the next refresh. */
  const uint32_t e[] = {0, 41};
  add(&c, e, 2, 4, 0);
  cfuzz_scheduler_corpus_changed(&s1);
  size_t new_picks = 0;
  for (uint64_t i = 1000; i < 1100; i++)
    new_picks += cfuzz_scheduler_pick(&s1, &c, &r1, i) == 3;
  CHECK(new_picks > 0);
  /* Partners: within the corpus. */
  for (int i = 0; i < 100; i++) {
    CHECK(cfuzz_scheduler_pick_partner(&s1, &c, &r1, false) < c.n);
    CHECK(cfuzz_scheduler_pick_partner(&s1, &c, &r1, true) < c.n);
  }
  cfuzz_scheduler_free(&s1);
  cfuzz_scheduler_free(&s2);
  cfuzz_corpus_free(&c);
}

/* -reduce_inputs: an entry goes only when shorter (or equal, more traced)
 * entries hold every feature and traced at least as much. */
static void test_drop_redundant(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t small[] = {0, 8}, big[] = {0, 8}, other[] = {0, 17}, climber[] = {0, 8};
  add(&c, small, 2, 4, 3);   /* 0: best for 0 and 8 */
  add(&c, big, 2, 9, 3);     /* 1: same features, longer: goes */
  add(&c, other, 2, 6, 3);   /* 2: only holder of 17: stays */
  add(&c, climber, 2, 8, 5); /* 3: longer but traced more: a climb, stays */
  size_t n_features = c.n_features, bytes_before = c.total_bytes;
  CHECK(cfuzz_corpus_drop_redundant(&c, false, false) == 1);
  CHECK(c.n == 3);
  CHECK(c.entries[0].len == 4 && c.entries[1].len == 6 && c.entries[2].len == 8);
  CHECK(c.total_bytes == bytes_before - 9);
  CHECK(c.n_features == n_features);
  CHECK(cfuzz_corpus_drop_redundant(&c, false, false) == 0);
  /* Equal entries: the older stays. Seeds stay with keep_seeds. */
  size_t twin = add(&c, small, 2, 4, 3);
  c.entries[twin].seed = true;
  CHECK(cfuzz_corpus_drop_redundant(&c, true, false) == 0);
  CHECK(cfuzz_corpus_drop_redundant(&c, false, false) == 1 && c.n == 3);
  /* -shrink=1: by length alone, the climber (longer, traced more) goes too. */
  CHECK(cfuzz_corpus_drop_redundant(&c, false, true) == 1 && c.n == 2);
  CHECK(c.entries[0].len == 4 && c.entries[1].len == 6);
  cfuzz_corpus_free(&c);
}

/* Owners (the entry that brought a feature in) follow their entries when
 * the corpus is compacted; a dropped owner's features pass to their best
 * holder. */
static void test_drop_redundant_owners(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t first[] = {8, 16}, other[] = {0, 17}, shorter[] = {8, 16};
  add(&c, first, 2, 9, 3);   /* 0: brings 8 and 16 in, goes */
  add(&c, other, 2, 6, 3);   /* 1: brings 0 and 17 in, becomes 0 */
  add(&c, shorter, 2, 4, 3); /* 2: as 0, shorter; becomes 1 */
  CHECK(c.owner[8] == 0 && c.owner[16] == 0 && c.owner[17] == 1 && c.owner[9] == CFUZZ_NO_OWNER);
  CHECK(cfuzz_corpus_drop_redundant(&c, false, false) == 1 && c.n == 2);
  CHECK(c.entries[0].len == 6 && c.entries[1].len == 4);
  CHECK(c.owner[0] == 0 && c.owner[17] == 0 && c.owner[8] == 1 && c.owner[16] == 1);
  CHECK(c.holders[8] == 1 && c.holders[16] == 1 && c.holders[17] == 1);
  cfuzz_corpus_free(&c);
}

/* -focus_function: an entry whose run covered the focus PC weighs 1000
 * times more than an otherwise equal one. */
static void test_focus(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, 1, SPACE);
  const uint32_t ft[] = {0};
  uint64_t without = 1, with = 1 | 1u << 5;
  struct cfuzz_run_outcome plain = {.bits = &without, .features = ft, .n_features = 1, .len = 4};
  struct cfuzz_run_outcome reaching = {.bits = &with, .features = ft, .n_features = 1, .len = 4};
  cfuzz_corpus_add(&c, bytes, &plain, false);
  cfuzz_corpus_add(&c, bytes, &reaching, false);
  struct cfuzz_schedule_options o = entropic;
  o.has_focus = true;
  o.focus_pc = 5;
  struct cfuzz_scheduler s;
  cfuzz_scheduler_init(&s, &o, SPACE);
  double w0 = cfuzz_scheduler_weight(&s, &c.entries[0], 255, 0), w1 = cfuzz_scheduler_weight(&s, &c.entries[1], 255, 0);
  CHECK(w1 > 999 * w0 && w1 < 1001 * w0);
  size_t counts[2] = {0};
  count_picks(&s, &c, counts, 4000);
  CHECK(counts[1] > 3900);
  cfuzz_scheduler_free(&s);
  cfuzz_corpus_free(&c);
}

int main(void) {
  test_focus();
  test_uniform();
  test_rarity();
  test_recency_and_time();
  test_slow_majority();
  test_reproducible();
  test_drop_redundant();
  test_drop_redundant_owners();
  return check_finish("schedule");
}
