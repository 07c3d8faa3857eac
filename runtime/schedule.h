/* schedule.h - the choice of the parent entry for each mutation.
 *
 * With -entropic=1 (the default) an entry's weight grows with the rarity of
 * its features, after libFuzzer's entropic schedule and AFL++'s rare/fast
 * schedules: the scheduler counts how often each feature is hit (every
 * SCHEDULE_SAMPLE_EVERY-th run), and an entry earns sum(1/hits) over its
 * features that are among the rarest (-entropic_number_of_rarest_features)
 * and hit at most -entropic_feature_frequency_threshold times. Entries not
 * yet picked often (recent finds) weigh more, and with
 * -entropic_scale_per_exec_time=1 (cfuzz's default) so do entries that run
 * as fast as the corpus's fastest quarter, slow ones less (factors 1/1024
 * to 2, in powers of two), so slow inputs cannot eat the run. -entropic=0 picks
 * uniformly, as the reference does.
 *
 * An entry's speed is its run's work: the values the instrumentation traced,
 * repeats included (every comparison, switch and string compare executed),
 * plus the loop iterations (a copy loop compares nothing traced), plus the
 * bytes the target allocated / 1024 (a huge allocation filled by code that
 * traces nothing still counts; memory malloc reuses, left untouched, costs
 * little). It costs an increment per callback, per malloc and per
 * loop iteration, needs no rerun, and unlike a clock it repeats exactly, so
 * a -seed run stays reproducible with the scaling on.
 *
 * Weights are recomputed from run counts only (when entries changed, at
 * most every SCHEDULE_REFRESH_RUNS runs, and every SCHEDULE_REFRESH_MAX_RUNS
 * anyway; both gaps grow to SCHEDULE_RUNS_PER_ENTRY runs per corpus entry),
 * so a -seed run repeats; a pick is one random draw and a binary
 * search. */
#ifndef CFUZZ_SCHEDULE_H
#define CFUZZ_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "rng.h"
#include "run_features.h"

#define SCHEDULE_SAMPLE_EVERY 16
#define SCHEDULE_REFRESH_RUNS 256
#define SCHEDULE_REFRESH_MAX_RUNS 8192
/* With a large corpus, refreshes are at least this many runs per entry
 * apart (both gaps above grow to it). */
#define SCHEDULE_RUNS_PER_ENTRY 16
/* Work below this (a few microseconds of comparisons) counts as this:
 * differences among fast entries do not matter. */
#define SCHEDULE_WORK_FLOOR 1024.0
/* The slowest entries' weight is scaled by 1 / 2^this: fair (time share
 * following rarity) up to runs 1,024 times the fast quarter's work. */
#define SCHEDULE_SLOWEST_SHIFT 10

struct cfuzz_schedule_options {
  bool entropic;
  uint32_t feature_frequency_threshold; /* rare: hit at most this often */
  uint32_t rarest_features;             /* at most this many count as rare */
  bool scale_per_exec_time;
  bool has_focus;   /* -focus_function: entries covering PC focus_pc weigh FOCUS_BOOST times more */
  size_t focus_pc;
};

struct cfuzz_scheduler {
  struct cfuzz_schedule_options opt;
  size_t feature_space;
  uint16_t *hits;       /* per feature: sampled runs that had it (saturating) */
  double *cumulative;   /* running sum of the entries' weights */
  double *works;        /* scratch: the entries' work, for its lower quartile */
  size_t n_weights;     /* entries the weights cover (0: none yet) */
  size_t cap;
  bool stale;           /* entries changed since the last refresh */
  uint64_t refreshed_at;
  uint16_t *scratch;    /* rarity threshold selection, feature_space entries */
};

void cfuzz_scheduler_init(struct cfuzz_scheduler *s, const struct cfuzz_schedule_options *o, size_t feature_space);
void cfuzz_scheduler_free(struct cfuzz_scheduler *s);

/* Called after every run with its features and the run count. */
static inline void cfuzz_scheduler_observe(struct cfuzz_scheduler *s, const struct cfuzz_run_outcome *run,
                                           uint64_t runs) {
  if (!s->opt.entropic || runs % SCHEDULE_SAMPLE_EVERY)
    return;
  for (size_t i = 0; i < run->n_features; i++) {
    uint16_t *h = &s->hits[run->features[i]];
    *h += *h != UINT16_MAX;
  }
}

/* The corpus gained, lost or changed entries. */
static inline void cfuzz_scheduler_corpus_changed(struct cfuzz_scheduler *s) { s->stale = true; }

/* Index of the next parent (also counted as a pick of that entry); the
 * corpus must not be empty. */
size_t cfuzz_scheduler_pick(struct cfuzz_scheduler *s, struct cfuzz_corpus *c, struct cfuzz_rng *rng,
                            uint64_t runs);

/* A crossover partner: by weight, or uniformly with `uniform`. */
size_t cfuzz_scheduler_pick_partner(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c,
                                    struct cfuzz_rng *rng, bool uniform);

/* An entry's weight under the current feature counts (for tests and the
 * refresh). reference_work: the work of the corpus's fast entries (its
 * lower quartile); 0: unknown. */
double cfuzz_scheduler_weight(const struct cfuzz_scheduler *s, const struct cfuzz_corpus_entry *e,
                              uint32_t rare_limit, double reference_work);

/* Recomputes every weight now. */
void cfuzz_scheduler_refresh(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c, uint64_t runs);

#endif
