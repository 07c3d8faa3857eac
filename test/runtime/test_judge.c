/* Unit tests: judge.c (new / replace / boring) and the corpus's union of
 * covered PCs it reads. */
#include <stdint.h>

#include "check.h"
#include "corpus.h"
#include "judge.h"

/* A run that reached bits (no features), len bytes, traced values. */
#define RUN(b, l, t) (&(struct cfuzz_run_outcome){.bits = (b), .len = (l), .traced = (t)})

#define WORDS 2

static const uint8_t bytes[17] = "0123456789abcdef";

static struct cfuzz_judge judge_state;

static enum cfuzz_verdict judge(const struct cfuzz_corpus *c, uint64_t w0, uint64_t w1, size_t len,
                                uint32_t traced, bool fresh, size_t parent) {
  uint64_t bits[WORDS] = {w0, w1};
  struct cfuzz_run_outcome run = {.bits = bits, .len = len, .traced = traced, .fresh = fresh};
  return cfuzz_judge_run(&judge_state, c, &run, parent);
}

/* A run on PCs 0-2 (word 0 = 0x7) with the given features. */
static enum cfuzz_verdict judge_features(const struct cfuzz_corpus *c, const uint32_t *ft, size_t n, size_t len,
                                         uint32_t traced, size_t parent) {
  uint64_t bits[WORDS] = {0x7, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = ft, .n_features = n, .len = len, .traced = traced};
  return cfuzz_judge_run(&judge_state, c, &run, parent);
}

static void add_with_features(struct cfuzz_corpus *c, const uint32_t *ft, size_t n, size_t len,
                              uint32_t traced) {
  uint64_t bits[WORDS] = {0x7, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = ft, .n_features = n, .len = len, .traced = traced};
  cfuzz_corpus_add(c, bytes, &run, false);
}

/* Hit-count buckets: the same PCs at another count are new, a replacement
 * keeps every bucket of its parent, and growth needs more features. */
static void test_features(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  /* pc 0 once, pc 1 once, pc 2 16-31 times. */
  const uint32_t parent[] = {0 * 8 + 0, 1 * 8 + 0, 2 * 8 + 5};
  const uint32_t other[] = {0 * 8 + 0, 1 * 8 + 1};
  add_with_features(&c, parent, 3, 8, 2);
  add_with_features(&c, other, 2, 8, 2);
  CHECK(c.n_features == 4);
  CHECK(cfuzz_corpus_has_feature(&c, 2 * 8 + 5) && !cfuzz_corpus_has_feature(&c, 2 * 8 + 4));
  /* pc 2 at 8-15 hits: same PCs, new feature. */
  const uint32_t fewer_hits[] = {0 * 8 + 0, 1 * 8 + 0, 2 * 8 + 4};
  CHECK(judge_features(&c, fewer_hits, 3, 8, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* A value-profile feature (unsorted, after the PC ones) is new too. */
  const uint32_t vp[] = {0 * 8 + 0, 1 * 8 + 0, 2 * 8 + 5, cfuzz_vp_feature(128, 3)};
  CHECK(judge_features(&c, vp, 4, 8, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* Same features: replacement, better when shorter. */
  CHECK(judge_features(&c, parent, 3, 8, 2, 0) == CFUZZ_VERDICT_REPLACE);
  CHECK(judge_features(&c, parent, 3, 5, 2, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Shorter but a parent bucket lost (pc 1 at another count, known from
   * the other entry): boring, although the PCs and traced values are kept. */
  const uint32_t lost[] = {0 * 8 + 0, 1 * 8 + 1, 2 * 8 + 5};
  CHECK(judge_features(&c, lost, 3, 5, 9, 0) == CFUZZ_VERDICT_BORING);
  /* Shorter with the parent's features and fewer traced values: better. */
  CHECK(judge_features(&c, parent, 3, 5, 1, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Shorter without pc 2, a PC only the parent reached: boring. */
  CHECK(judge_features(&c, parent, 2, 5, 9, 0) == CFUZZ_VERDICT_BORING);
  /* Longer: boring, even with more features (all known to the corpus). */
  CHECK(judge_features(&c, parent, 3, 12, 2, 0) == CFUZZ_VERDICT_BORING);
  const uint32_t more[] = {0 * 8 + 0, 1 * 8 + 0, 1 * 8 + 1, 2 * 8 + 5};
  CHECK(judge_features(&c, more, 4, 12, 2, 0) == CFUZZ_VERDICT_BORING);
  /* As long with more features: better; with fewer traced values: boring. */
  CHECK(judge_features(&c, more, 4, 8, 2, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  CHECK(judge_features(&c, more, 4, 8, 1, 0) == CFUZZ_VERDICT_BORING);
  /* A parent bucket that another entry also has may be lost: pc 1 once is
   * the parent's alone until a second entry has it too. */
  const uint32_t shared_lost[] = {0 * 8 + 0, 1 * 8 + 1, 2 * 8 + 5};
  CHECK(judge_features(&c, shared_lost, 3, 8, 2, 0) == CFUZZ_VERDICT_BORING);
  add_with_features(&c, fewer_hits, 3, 8, 2);
  CHECK(judge_features(&c, shared_lost, 3, 8, 3, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* ...though not as neutral drift: pc 1 twice loops more than once. */
  CHECK(judge_features(&c, shared_lost, 3, 8, 2, 0) == CFUZZ_VERDICT_BORING);
  cfuzz_corpus_free(&c);
}

static void put(struct cfuzz_corpus *c, size_t entry, uint64_t bits0, const uint32_t *ft, size_t n, size_t len) {
  uint64_t bits[WORDS] = {bits0, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = ft, .n_features = n, .len = len, .traced = 2};
  if (entry == c->n)
    cfuzz_corpus_add(c, bytes, &run, false);
  else
    cfuzz_corpus_replace(c, entry, bytes, &run, false);
}

static enum cfuzz_verdict judge_bits(const struct cfuzz_corpus *c, uint64_t bits0, const uint32_t *ft, size_t n,
                                     size_t len, size_t parent) {
  uint64_t bits[WORDS] = {bits0, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = ft, .n_features = n, .len = len, .traced = 2};
  return cfuzz_judge_run(&judge_state, c, &run, parent);
}

/* A shorter input may drop a feature its parent holds alone if the parent
 * did not bring it in and the PC stays covered (libFuzzer's reduce_inputs:
 * an entry keeps the features it added); a feature that loses its last
 * holder is new again. */
static void test_reduce_owned(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  /* 0 brings in pc 0 once and pc 1 at 32-127 (a long loop) and pc 3 once;
   * 1 has those too and brings in pc 2 (the goal). */
  const uint32_t a[] = {0 * 8 + 0, 1 * 8 + 6, 3 * 8 + 0};
  const uint32_t b[] = {0 * 8 + 0, 1 * 8 + 6, 2 * 8 + 0, 3 * 8 + 0};
  put(&c, 0, 0xb, a, 3, 40);
  put(&c, 1, 0xf, b, 4, 40);
  CHECK(c.owner[1 * 8 + 6] == 0 && c.owner[2 * 8 + 0] == 1 && c.holders[1 * 8 + 6] == 2);
  /* Entry 0 drifts to pc 1 twice and none of pc 3 (as if another entry had
   * them): entry 1 is left the only holder of features it did not bring. */
  const uint32_t a_drift[] = {0 * 8 + 0, 1 * 8 + 1};
  put(&c, 0, 0x3, a_drift, 2, 40);
  CHECK(c.holders[1 * 8 + 6] == 1 && c.holders[3 * 8 + 0] == 1);
  /* Shorter, pc 1 at another count: entry 1 may drop the long loop... */
  const uint32_t b_short[] = {0 * 8 + 0, 1 * 8 + 1, 2 * 8 + 0, 3 * 8 + 0};
  CHECK(judge_bits(&c, 0xf, b_short, 4, 5, 1) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* ...but not as long (drift), nor its own pc 2... */
  CHECK(judge_bits(&c, 0xf, b_short, 4, 40, 1) == CFUZZ_VERDICT_BORING);
  const uint32_t b_no_goal[] = {0 * 8 + 0, 1 * 8 + 6, 3 * 8 + 0};
  CHECK(judge_bits(&c, 0xb, b_no_goal, 3, 5, 1) == CFUZZ_VERDICT_BORING);
  /* ...nor pc 3, which no other entry reaches, though it did not bring it in. */
  const uint32_t b_no_pc3[] = {0 * 8 + 0, 1 * 8 + 6, 2 * 8 + 0};
  CHECK(judge_bits(&c, 0x7, b_no_pc3, 3, 5, 1) == CFUZZ_VERDICT_BORING);
  /* Once another entry reaches pc 3 (at another count), it may. */
  const uint32_t pc3_twice[] = {0 * 8 + 0, 3 * 8 + 1};
  put(&c, 2, 0x9, pc3_twice, 2, 40);
  CHECK(judge_bits(&c, 0x7, b_no_pc3, 3, 5, 1) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Entry 2 brought in pc 3 twice: it may not drop that, though pc 3 stays. */
  const uint32_t pc3_once[] = {0 * 8 + 0, 3 * 8 + 0};
  CHECK(judge_bits(&c, 0x9, pc3_once, 2, 5, 2) == CFUZZ_VERDICT_BORING);
  /* The long loop, dropped by its last holder, leaves the union: reaching it
   * again is new, and "ft:" does not count it twice. */
  size_t ft = c.n_features;
  CHECK(cfuzz_corpus_has_feature(&c, 1 * 8 + 6));
  put(&c, 1, 0xf, b_short, 4, 5);
  CHECK(c.holders[1 * 8 + 6] == 0 && c.owner[1 * 8 + 6] == CFUZZ_NO_OWNER);
  CHECK(!cfuzz_corpus_has_feature(&c, 1 * 8 + 6) && c.n_features == ft);
  CHECK(judge_bits(&c, 0xb, a, 3, 40, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  put(&c, 3, 0xb, a, 3, 40);
  CHECK(c.owner[1 * 8 + 6] == 3 && c.n_features == ft);
  cfuzz_corpus_free(&c);
}

/* Neutral drift (same features, traced values and length) may not loop
 * more than the parent: summed bucket floors decide, value-profile features
 * count nothing. */
static void test_drift_work(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  const uint32_t vp = cfuzz_vp_feature(128, 3);
  /* Parent: pc 0 once, pc 1 4-7 times, a value-profile slot. Another entry
   * holds every bucket of pc 1 used below, so none is the parent's alone. */
  const uint32_t parent[] = {0 * 8 + 0, 1 * 8 + 3, vp};
  const uint32_t holder[] = {0 * 8 + 0, 1 * 8 + 2, 1 * 8 + 3, 1 * 8 + 4, 1 * 8 + 7, vp};
  add_with_features(&c, parent, 3, 8, 2);
  add_with_features(&c, holder, 6, 8, 2);
  CHECK(judge_features(&c, parent, 3, 8, 2, 0) == CFUZZ_VERDICT_REPLACE);
  const uint32_t fewer[] = {0 * 8 + 0, 1 * 8 + 2, vp};
  CHECK(judge_features(&c, fewer, 3, 8, 2, 0) == CFUZZ_VERDICT_REPLACE);
  const uint32_t more[] = {0 * 8 + 0, 1 * 8 + 4, vp};
  CHECK(judge_features(&c, more, 3, 8, 2, 0) == CFUZZ_VERDICT_BORING);
  const uint32_t most[] = {0 * 8 + 0, 1 * 8 + 7, vp};
  CHECK(judge_features(&c, most, 3, 8, 2, 0) == CFUZZ_VERDICT_BORING);
  cfuzz_corpus_free(&c);
}

/* Neutral drift may not cost more work either (a large allocation shows in
 * no hit count); a better replacement may. */
static void test_drift_cost(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  const uint32_t ft[] = {0 * 8 + 0, 1 * 8 + 3};
  uint64_t bits[WORDS] = {0x7, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = ft, .n_features = 2, .len = 8, .traced = 2, .work = 100};
  cfuzz_corpus_add(&c, bytes, &run, false);
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_REPLACE);
  run.work = 99;
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_REPLACE);
  run.work = 101;
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_BORING);
  run.traced = 3;
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  run.traced = 2;
  run.len = 7;
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  cfuzz_corpus_free(&c);
}

static void test_new(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, 64 * (WORDS));
  /* An empty corpus covers nothing: any PC makes the run new. */
  CHECK(judge(&c, 1, 0, 4, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* No PC at all is covered by anything. */
  CHECK(judge(&c, 0, 0, 4, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  uint64_t a[WORDS] = {0x3, 0};
  uint64_t b[WORDS] = {0, 0x10};
  cfuzz_corpus_add(&c, bytes, RUN(a, 8, 5), false);
  cfuzz_corpus_add(&c, bytes, RUN(b, 8, 5), false);
  CHECK(c.covered[0] == 0x3 && c.covered[1] == 0x10);
  CHECK(cfuzz_corpus_pc_count(&c, 0, SIZE_MAX) == 3);
  CHECK(cfuzz_corpus_pc_count(&c, 0, 64) == 2 && cfuzz_corpus_pc_count(&c, 64, 69) == 1);
  /* Covered by the union though by no single entry: not new. */
  CHECK(judge(&c, 0x1, 0x10, 8, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  /* A PC no entry covers, in the second word: new. */
  CHECK(judge(&c, 0x1, 0x30, 8, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* Fresh to the shared file: new even when the corpus covers it. */
  CHECK(judge(&c, 0x1, 0, 8, 0, true, 0) == CFUZZ_VERDICT_NEW);
  cfuzz_corpus_free(&c);
}

static void test_replace(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, 64 * (WORDS));
  uint64_t parent_bits[WORDS] = {0x3, 0x1};
  uint64_t other_bits[WORDS] = {0x4, 0};
  cfuzz_corpus_add(&c, bytes, RUN(parent_bits, 8, 5), false);
  cfuzz_corpus_add(&c, bytes, RUN(other_bits, 4, 1), false);
  /* Same PCs, same traced values, same length: neutral drift. */
  CHECK(judge(&c, 0x3, 0x1, 8, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  /* More traced values, or fewer bytes: strictly better. */
  CHECK(judge(&c, 0x3, 0x1, 8, 6, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Covers more of the corpus's PCs than the parent: still a replacement. */
  CHECK(judge(&c, 0x7, 0x1, 8, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  /* As long with fewer traced values or a parent PC lost, or longer: boring. */
  CHECK(judge(&c, 0x3, 0x1, 8, 4, false, 0) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x3, 0x0, 8, 9, false, 0) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x3, 0x1, 9, 9, false, 0) == CFUZZ_VERDICT_BORING);
  /* Shorter: better even with fewer traced values, as long as no feature
   * only the parent has is lost (these runs have none; see test_features). */
  CHECK(judge(&c, 0x3, 0x1, 4, 4, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Checked against the parent's own PCs, not the union. */
  CHECK(judge(&c, 0x3, 0x1, 4, 1, false, 1) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x4, 0x0, 4, 1, false, 1) == CFUZZ_VERDICT_REPLACE);
  /* No parent (a loaded input): never a replacement. */
  CHECK(judge(&c, 0x3, 0x1, 1, 99, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  /* A replacement keeps the union whole. */
  uint64_t more[WORDS] = {0x7, 0x1};
  cfuzz_corpus_replace(&c, 0, bytes, RUN(more, 8, 5), false);
  CHECK(c.covered[0] == 0x7 && c.covered[1] == 0x1);
  cfuzz_corpus_free(&c);
}

/* Seeds (loaded inputs) never drift; -reduce_inputs=0 turns off shorter
 * replacements, and -keep_seed=1 keeps seeds from being reduced. */
static void test_seeds_and_reduce(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, 64 * (WORDS));
  uint64_t bits[WORDS] = {0x3, 0x1};
  cfuzz_corpus_add(&c, bytes, RUN(bits, 8, 5), false);
  cfuzz_corpus_add(&c, bytes, RUN(bits, 8, 5), false);
  c.entries[1].seed = true;
  CHECK(judge(&c, 0x3, 0x1, 8, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  CHECK(judge(&c, 0x3, 0x1, 8, 5, false, 1) == CFUZZ_VERDICT_BORING);
  /* A seed is still replaced by something strictly better. */
  CHECK(judge(&c, 0x3, 0x1, 8, 6, false, 1) == CFUZZ_VERDICT_REPLACE_BETTER);
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 1) == CFUZZ_VERDICT_REPLACE_BETTER);
  struct cfuzz_judge_options keep = {.reduce_inputs = true, .keep_seed = true};
  struct cfuzz_judge_options no_reduce = {.reduce_inputs = false};
  judge_state.opt = keep;
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 1) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  CHECK(judge(&c, 0x3, 0x1, 7, 6, false, 1) == CFUZZ_VERDICT_REPLACE_BETTER);
  judge_state.opt = no_reduce;
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 1) == CFUZZ_VERDICT_BORING);
  /* Shorter alone is then neutral drift, for entries that are not seeds. */
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  CHECK(judge(&c, 0x3, 0x1, 7, 6, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  judge_state.opt = (struct cfuzz_judge_options){.reduce_inputs = true};
  cfuzz_corpus_free(&c);
}

/* A replacement that reached exactly its entry's features (the corpus's
 * short cut) leaves holders, owners and unions as they were, and still
 * lowers the shortest lengths (-shrink) and takes the run's measures. */
static void test_same_features_replace(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  const uint32_t a[] = {0 * 8 + 0, 1 * 8 + 3}, b[] = {0 * 8 + 0, 2 * 8 + 0};
  put(&c, 0, 0x3, a, 2, 8);
  put(&c, 1, 0x5, b, 2, 8);
  cfuzz_corpus_keep_smallest(&c);
  size_t ft = c.n_features;
  uint64_t bits[WORDS] = {0x3, 0};
  struct cfuzz_run_outcome run = {.bits = bits, .features = a, .n_features = 2, .len = 6, .traced = 7, .work = 11};
  CHECK(cfuzz_judge_run(&judge_state, &c, &run, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  cfuzz_corpus_replace(&c, 0, bytes, &run, false);
  CHECK(c.holders[0] == 2 && c.holders[1 * 8 + 3] == 1 && c.holders[2 * 8 + 0] == 1);
  CHECK(c.owner[0] == 0 && c.owner[1 * 8 + 3] == 0 && c.owner[2 * 8 + 0] == 1);
  CHECK(c.n_features == ft && cfuzz_corpus_has_feature(&c, 1 * 8 + 3));
  CHECK(c.smallest[0] == 6 && c.smallest[1 * 8 + 3] == 6 && c.smallest[2 * 8 + 0] == 8);
  const struct cfuzz_corpus_entry *e = &c.entries[0];
  CHECK(e->len == 6 && e->traced == 7 && e->work == 11 && e->bits[0] == 0x3 && e->n_features == 2);
  /* A value-profile feature arrives after the PC ones and the entry keeps
   * its list sorted: the same features in another order take the full
   * update, with the same result. */
  const uint32_t vp = cfuzz_vp_feature(128, 3);
  const uint32_t with_vp[] = {0 * 8 + 0, 1 * 8 + 3, vp};
  put(&c, 1, 0x5, b, 2, 8);
  const uint32_t b_vp[] = {vp, 0 * 8 + 0, 2 * 8 + 0};
  put(&c, 1, 0x5, b_vp, 3, 8);
  put(&c, 0, 0x3, with_vp, 3, 6);
  put(&c, 0, 0x3, with_vp, 3, 6);
  CHECK(c.holders[vp] == 2 && c.owner[vp] == 1 && c.holders[0] == 2 && e->n_features == 3);
  /* Different features: the full update still drops what the run lost. */
  const uint32_t moved[] = {0 * 8 + 0, 1 * 8 + 4, vp};
  put(&c, 0, 0x3, moved, 3, 6);
  CHECK(c.holders[1 * 8 + 3] == 0 && !cfuzz_corpus_has_feature(&c, 1 * 8 + 3) && c.holders[1 * 8 + 4] == 1);
  cfuzz_corpus_free(&c);
}

/* -shrink=1: shorter than every entry holding one of its features is new;
 * the corpus keeps each feature's shortest length from then on. */
static void test_shrink(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS, cfuzz_feature_space(2 * 64));
  const uint32_t a[] = {0 * 8 + 0, 1 * 8 + 0}, b[] = {0 * 8 + 0, 2 * 8 + 0};
  add_with_features(&c, a, 2, 8, 2);
  add_with_features(&c, b, 2, 5, 2);
  judge_state.opt.shrink = true;
  /* Not kept yet: nothing is new by length. */
  CHECK(judge_features(&c, a, 2, 6, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  cfuzz_corpus_keep_smallest(&c);
  CHECK(c.smallest[0] == 5 && c.smallest[8] == 8 && c.smallest[16] == 5);
  /* pc 1 at 6 bytes (its holder has 8): new. pc 0 alone at 6: not (5). */
  CHECK(judge_features(&c, a, 2, 6, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* So is the same run as a child of the entry it copies (no replacement). */
  CHECK(judge_features(&c, a, 2, 6, 2, 0) == CFUZZ_VERDICT_NEW);
  const uint32_t only0[] = {0 * 8 + 0};
  CHECK(judge_features(&c, only0, 1, 6, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  CHECK(judge_features(&c, only0, 1, 4, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  add_with_features(&c, a, 2, 6, 2);
  CHECK(c.smallest[8] == 6);
  CHECK(judge_features(&c, a, 2, 6, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  /* Without the flag the lengths are not looked at. */
  judge_state.opt.shrink = false;
  CHECK(judge_features(&c, only0, 1, 1, 2, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  cfuzz_corpus_free(&c);
}

int main(void) {
  struct cfuzz_judge_options defaults = {.reduce_inputs = true};
  cfuzz_judge_init(&judge_state, &defaults, cfuzz_feature_space(2 * 64));
  test_new();
  test_replace();
  test_features();
  test_reduce_owned();
  test_drift_work();
  test_drift_cost();
  test_seeds_and_reduce();
  test_shrink();
  test_same_features_replace();
  cfuzz_judge_free(&judge_state);
  return check_finish("judge");
}
