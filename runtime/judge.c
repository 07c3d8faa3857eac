/* judge.c - new / replace / boring (see judge.h). */
#include "judge.h"

#include <stdlib.h>

#include "run_coverage.h"
#include "util.h"

void cfuzz_judge_init(struct cfuzz_judge *j, const struct cfuzz_judge_options *opt, size_t feature_space) {
  j->opt = *opt;
  j->feature_space = feature_space;
  j->scratch = cfuzz_xcalloc(feature_space / 64 + 1, sizeof(uint64_t));
}

void cfuzz_judge_free(struct cfuzz_judge *j) {
  free(j->scratch);
  j->scratch = NULL;
}

/* Features numbered below this are PC features (run_features.h). */
static size_t pc_feature_count(const struct cfuzz_corpus *c) { return cfuzz_pc_feature_count(c->feature_space); }

static bool has_new_feature(const struct cfuzz_judge *j, const struct cfuzz_corpus *c,
                            const struct cfuzz_run_outcome *run) {
  for (size_t i = 0; i < run->n_features; i++)
    if (!cfuzz_corpus_has_feature(c, run->features[i]))
      return true;
  if (j->opt.shrink && c->smallest)
    for (size_t i = 0; i < run->n_features; i++)
      if (run->features[i] < c->feature_space && run->len < c->smallest[run->features[i]])
        return true;
  return false;
}

/* Whether another entry reaches the PC of PC feature f, which only the
 * parent holds: at another hit count (an entry has one per PC). A run that
 * reaches the PC at a count nobody holds is new, not a replacement. */
static bool pc_held_elsewhere(const struct cfuzz_corpus *c, uint32_t f) {
  uint32_t first = f - f % CFUZZ_HITCOUNT_BUCKETS;
  for (uint32_t g = first; g < first + CFUZZ_HITCOUNT_BUCKETS; g++)
    if (g != f && c->holders[g] > 0)
      return true;
  return false;
}

/* Whether the parent entry may lose feature f, which the run lacks: if
 * another entry holds it; or, for a shorter input (`reduces`), if the
 * parent did not bring f into the corpus (corpus.h: owner) and another
 * entry reaches its PC. The second is libFuzzer's rule (a reduction keeps
 * the features its entry added): with "every feature no other entry holds"
 * an entry became the last holder of features others brought in, e.g. a
 * long loop's hit count once the entries that had it were reduced, and
 * stayed at its length (libFuzzer's reduce_inputs test missed "FUZ" on half
 * the seeds). A feature dropped by its last holder leaves the union, so
 * reaching it again is new. */
static bool may_lose(const struct cfuzz_corpus *c, size_t parent, bool reduces, size_t pc_features, uint32_t f) {
  if (c->holders[f] > 1)
    return true;
  if (!reduces || c->owner[f] == parent)
    return false;
  return f >= pc_features || pc_held_elsewhere(c, f);
}

/* Number of the run's distinct features, or 0 if the run lacks a feature of
 * the parent that it may not lose (may_lose). */
static size_t keeps_unique(struct cfuzz_judge *j, const struct cfuzz_corpus *c, const struct cfuzz_run_outcome *run,
                           size_t parent, bool reduces) {
  const struct cfuzz_corpus_entry *e = &c->entries[parent];
  size_t pc_features = pc_feature_count(c);
  size_t distinct = 0;
  for (size_t i = 0; i < run->n_features; i++) {
    uint32_t f = run->features[i];
    uint64_t bit = 1ull << (f % 64);
    distinct += !(j->scratch[f / 64] & bit);
    j->scratch[f / 64] |= bit;
  }
  bool kept = true;
  for (size_t i = 0; i < e->n_features && kept; i++) {
    uint32_t f = e->features[i];
    kept = ((j->scratch[f / 64] >> (f % 64)) & 1) || may_lose(c, parent, reduces, pc_features, f);
  }
  for (size_t i = 0; i < run->n_features; i++)
    j->scratch[run->features[i] / 64] = 0;
  return kept ? distinct : 0;
}

/* A deterministic measure of how much a run executed: per PC feature, the
 * smallest hit count of its bucket (1, 2, 3, 4, 8, 16, 32, 128), summed.
 * Value-profile features (numbered after the PC ones) count nothing. */
static uint64_t loop_work(const uint32_t *features, size_t n, size_t pc_features) {
  static const uint8_t bucket_floor[CFUZZ_HITCOUNT_BUCKETS] = {1, 2, 3, 4, 8, 16, 32, 128};
  uint64_t work = 0;
  for (size_t i = 0; i < n; i++)
    if (features[i] < pc_features)
      work += bucket_floor[features[i] % CFUZZ_HITCOUNT_BUCKETS];
  return work;
}

enum cfuzz_verdict cfuzz_judge_run(struct cfuzz_judge *j, const struct cfuzz_corpus *c,
                                   const struct cfuzz_run_outcome *run, size_t parent) {
  if (run->fresh)
    return CFUZZ_VERDICT_NEW;
  /* The commonest run: a mutation the target handled as it handled the
   * parent, with exactly the parent's features. They are all held and their
   * PCs covered, so the walks over the run's features can be skipped. With
   * -shrink a shorter such run can still be new. */
  bool same = parent != CFUZZ_NO_PARENT && !j->opt.shrink &&
              cfuzz_corpus_entry_same_features(&c->entries[parent], run);
  if (!same && (has_new_feature(j, c, run) || !cfuzz_corpus_covers(c, run->bits)))
    return CFUZZ_VERDICT_NEW;
  if (parent == CFUZZ_NO_PARENT)
    return CFUZZ_VERDICT_BORING;
  const struct cfuzz_corpus_entry *e = &c->entries[parent];
  /* Never longer: growing for more features (all known elsewhere) made
   * entries swell as growing for traced values did; inputs grow as NEW
   * entries, within the length limit (-len_control). First, as the
   * cheapest test. */
  if (run->len > e->len)
    return CFUZZ_VERDICT_BORING;
  /* A shorter input that keeps the features only this entry has replaces it
   * even if it traces fewer values or reaches fewer of the entry's PCs
   * (libFuzzer's rule): requiring both kept almost every entry at its first
   * length, and runs on the longer inputs were the slower ones (expat: the
   * median entry 63 bytes against 16, 97k against 145k exec/s, less
   * coverage). The climb by traced values goes on at equal length. */
  bool reduces = run->len < e->len && j->opt.reduce_inputs && !(e->seed && j->opt.keep_seed);
  if (!reduces && (run->traced < e->traced || (!same && !cfuzz_bits_cover(run->bits, e->bits, c->n_words))))
    return CFUZZ_VERDICT_BORING;
  /* A run lists each feature once (run_features.h). */
  size_t distinct = same ? run->n_features : keeps_unique(j, c, run, parent, reduces);
  if (distinct == 0 && e->n_features > 0)
    return CFUZZ_VERDICT_BORING;
  bool more_features = distinct > e->n_features;
  if (run->traced > e->traced || more_features || reduces)
    return CFUZZ_VERDICT_REPLACE_BETTER;
  /* A seed's bytes are kept unless something measurably better comes. */
  if (e->seed)
    return CFUZZ_VERDICT_BORING;
  /* Neutral drift may not cost more: most of a count field's values are
   * large, so drift walked entries to the slowest inputs (woff2's table
   * count, libpng's image size) and the run slowed down. Both measures:
   * loops show in hit counts, a large vector in the allocated bytes of the
   * run's work, which no hit count sees. */
  if (run->work > e->work)
    return CFUZZ_VERDICT_BORING;
  size_t pc_features = pc_feature_count(c);
  if (!same &&
      loop_work(run->features, run->n_features, pc_features) > loop_work(e->features, e->n_features, pc_features))
    return CFUZZ_VERDICT_BORING;
  return CFUZZ_VERDICT_REPLACE;
}
