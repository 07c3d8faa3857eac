/* schedule.c - parent choice by feature rarity, recency and execution time
 * (see schedule.h). Only observe() and the pick run per execution; the
 * refresh runs every few hundred runs at most and costs the corpus's
 * features. */
#include "schedule.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Picks beyond which an entry is no longer a recent find. */
#define RECENT_PICKS 1024
#define RECENT_BOOST 4.0
/* Every entry keeps some weight, so none is starved. */
#define BASE_WEIGHT 0.05
/* libFuzzer's factor for inputs that reach the focus function. */
#define FOCUS_BOOST 1000.0

void cfuzz_scheduler_init(struct cfuzz_scheduler *s, const struct cfuzz_schedule_options *o, size_t feature_space) {
  memset(s, 0, sizeof *s);
  s->opt = *o;
  s->feature_space = feature_space;
  if (o->entropic) {
    s->hits = cfuzz_xcalloc(feature_space ? feature_space : 1, sizeof(uint16_t));
    s->scratch = cfuzz_xcalloc(feature_space ? feature_space : 1, sizeof(uint16_t));
  }
  s->stale = true;
}

void cfuzz_scheduler_free(struct cfuzz_scheduler *s) {
  free(s->hits);
  free(s->scratch);
  free(s->cumulative);
  free(s->works);
  memset(s, 0, sizeof *s);
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int compare_u16(const void *a, const void *b) {
  return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

/* The hit count at or below which a feature counts as rare: the flag's
 * threshold, lowered so that at most rarest_features corpus features pass. */
static uint32_t rare_limit(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c) {
  uint32_t limit = s->opt.feature_frequency_threshold;
  size_t n = 0;
  for (size_t w = 0; w * 64 < c->feature_space; w++) {
    for (uint64_t bits = c->features[w]; bits; bits &= bits - 1) {
      size_t f = w * 64 + (size_t)__builtin_ctzll(bits);
      if (f < c->feature_space && s->hits[f] <= limit)
        s->scratch[n++] = s->hits[f];
    }
  }
  if (s->opt.rarest_features && n > s->opt.rarest_features) {
    qsort(s->scratch, n, sizeof(uint16_t), compare_u16);
    limit = s->scratch[s->opt.rarest_features - 1];
  }
  return limit;
}

double cfuzz_scheduler_weight(const struct cfuzz_scheduler *s, const struct cfuzz_corpus_entry *e,
                              uint32_t limit, double reference_work) {
  double rarity = BASE_WEIGHT;
  for (uint32_t i = 0; i < e->n_features; i++) {
    uint32_t h = s->hits[e->features[i]];
    if (h <= limit)
      rarity += 1.0 / (double)(h + 1);
  }
  if (e->picks < RECENT_PICKS)
    rarity *= RECENT_BOOST;
  if (s->opt.has_focus && (e->bits[s->opt.focus_pc / 64] >> (s->opt.focus_pc % 64) & 1))
    rarity *= FOCUS_BOOST;
  if (s->opt.scale_per_exec_time && e->work > 0 && reference_work > 0) {
    double w = e->work > SCHEDULE_WORK_FLOOR ? (double)e->work : SCHEDULE_WORK_FLOOR;
    /* Powers of two (the nearest to reference/work, from 1/1024 to 2), so
     * that an entry's share of the time follows its rarity, not its speed,
     * up to entries 1,024 times slower than the fast ones. The floor was
     * 1/64: woff2_brotli fonts with millions of units of work (one ran
     * 12.8 ms, most entries a few microseconds) then took most of the time
     * and halved a run's speed. */
    double ratio = reference_work / w;
    for (int up = 0; ratio >= 1.4142 && up < 1; up++, ratio /= 2)
      rarity *= 2;
    for (int down = 0; ratio < 0.7071 && down < SCHEDULE_SLOWEST_SHIFT; down++, ratio *= 2)
      rarity /= 2;
  }
  return rarity;
}

void cfuzz_scheduler_refresh(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c, uint64_t runs) {
  if (c->n > s->cap) {
    s->cap = c->n * 2;
    s->cumulative = cfuzz_xrealloc(s->cumulative, s->cap * sizeof(double));
    s->works = cfuzz_xrealloc(s->works, s->cap * sizeof(double));
  }
  /* The lower quartile, not the mean nor the median: slow entries (the case
   * this guards against) drag a mean up to them, and when they are most of
   * the corpus (woff2: 38 of 62 entries declaring tens of thousands of
   * tables), the median too. */
  size_t measured = 0;
  for (size_t i = 0; i < c->n; i++) {
    uint64_t w = c->entries[i].work;
    if (w > 0)
      s->works[measured++] = w > SCHEDULE_WORK_FLOOR ? (double)w : SCHEDULE_WORK_FLOOR;
  }
  double reference_work = 0;
  if (measured) {
    qsort(s->works, measured, sizeof(double), compare_double);
    reference_work = s->works[measured / 4];
  }
  uint32_t limit = rare_limit(s, c);
  double sum = 0;
  for (size_t i = 0; i < c->n; i++) {
    sum += cfuzz_scheduler_weight(s, &c->entries[i], limit, reference_work);
    s->cumulative[i] = sum;
  }
  s->n_weights = c->n;
  s->stale = false;
  s->refreshed_at = runs;
}

static size_t weighted(const struct cfuzz_scheduler *s, struct cfuzz_rng *rng) {
  double total = s->cumulative[s->n_weights - 1];
  double r = (double)(cfuzz_rng_next(rng) >> 11) * 0x1p-53 * total;
  size_t lo = 0, hi = s->n_weights - 1;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->cumulative[mid] > r)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

size_t cfuzz_scheduler_pick(struct cfuzz_scheduler *s, struct cfuzz_corpus *c, struct cfuzz_rng *rng,
                            uint64_t runs) {
  size_t i;
  if (!s->opt.entropic) {
    i = (size_t)cfuzz_rng_below(rng, c->n);
  } else {
    /* A refresh costs the corpus's features: with thousands of entries,
     * refreshing every few hundred runs took a third of expat's time. The
     * gaps grow with the corpus, so the cost per run stays bounded. */
    uint64_t since = runs - s->refreshed_at, scale = (uint64_t)c->n * SCHEDULE_RUNS_PER_ENTRY;
    uint64_t gap = scale > SCHEDULE_REFRESH_RUNS ? scale : SCHEDULE_REFRESH_RUNS;
    uint64_t max_gap = scale > SCHEDULE_REFRESH_MAX_RUNS ? scale : SCHEDULE_REFRESH_MAX_RUNS;
    if (s->n_weights == 0 || s->n_weights > c->n || (s->stale && since >= gap) || since >= max_gap)
      cfuzz_scheduler_refresh(s, c, runs);
    /* Entries added since the refresh are picked uniformly among all until
     * the next one: a new find gets its first turns at once. */
    if (c->n > s->n_weights && cfuzz_rng_below(rng, 4) == 0)
      i = s->n_weights + (size_t)cfuzz_rng_below(rng, c->n - s->n_weights);
    else
      i = weighted(s, rng);
  }
  c->entries[i].picks++;
  return i;
}

size_t cfuzz_scheduler_pick_partner(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c,
                                    struct cfuzz_rng *rng, bool uniform) {
  if (uniform || !s->opt.entropic || s->n_weights == 0 || s->n_weights > c->n)
    return (size_t)cfuzz_rng_below(rng, c->n);
  return weighted(s, rng);
}
