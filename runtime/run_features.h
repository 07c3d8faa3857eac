/* run_features.h - what counts as a feature of a run, after libFuzzer's notion:
 *  - for every PC whose counter is non-zero, one feature per hit-count
 *    bucket: 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+ (so a loop taken 23
 *    times differs from one taken 15 times: feature pc * 8 + bucket);
 *  - with -use_value_profile=1, one feature per value-profile slot
 *    (value_profile.h), numbered after the PC features;
 *  - one for the run's deepest stack (stack_depth.h), numbered after the
 *    value-profile slots, if the code records it.
 * A run's features are collected by the counter scan (run_coverage.c) into
 * a list allocated once; the corpus keeps which features its entries hold
 * (corpus.h) and the judgement compares the two (judge.h). */
#ifndef CFUZZ_RUN_FEATURES_H
#define CFUZZ_RUN_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stack_depth.h"
#include "value_profile.h"

#define CFUZZ_HITCOUNT_BUCKETS 8

/* Bucket of each 8-bit counter value (run_coverage.c); entry 0 is unused,
 * a zero counter being no hit. */
extern const uint8_t cfuzz_hitcount_bucket_of[256];

/* Bucket of a non-zero 8-bit counter. A lookup, not a chain of compares:
 * in the counter scan, the runtime's costliest step per run, those
 * branches mispredicted (a third of the scan's samples on libpng). */
static inline uint32_t cfuzz_hitcount_bucket(uint8_t count) { return cfuzz_hitcount_bucket_of[count]; }

/* Number of distinct features for a program of n_pcs PCs. */
static inline size_t cfuzz_feature_space(size_t n_pcs) {
  return n_pcs * CFUZZ_HITCOUNT_BUCKETS + CFUZZ_VP_SLOTS + CFUZZ_STACK_DEPTH_SLOTS;
}

/* How many of a feature space's features are PC features (they come first). */
static inline size_t cfuzz_pc_feature_count(size_t feature_space) {
  size_t others = CFUZZ_VP_SLOTS + CFUZZ_STACK_DEPTH_SLOTS;
  return feature_space > others ? feature_space - others : feature_space;
}

static inline uint32_t cfuzz_vp_feature(size_t n_pcs, uint32_t slot) {
  return (uint32_t)(n_pcs * CFUZZ_HITCOUNT_BUCKETS + slot);
}

static inline uint32_t cfuzz_stack_depth_feature(size_t n_pcs, uint32_t slot) {
  return (uint32_t)(n_pcs * CFUZZ_HITCOUNT_BUCKETS + CFUZZ_VP_SLOTS + slot);
}

/* One run's features, each once: PC features in increasing order, then
 * value-profile ones, then the stack depth's. ids has room for every PC and
 * CFUZZ_VP_MAX_PER_RUN + 1 more. */
struct cfuzz_run_features {
  uint32_t *ids;
  size_t n;
};

/* What one run produced, as the judgement and the corpus need it. */
struct cfuzz_run_outcome {
  const uint64_t *bits;     /* PCs the run reached (one bit each) */
  const uint32_t *features; /* its features (struct cfuzz_run_features) */
  size_t n_features;
  size_t len;               /* input length */
  uint32_t traced;          /* distinct traced comparison values */
  uint64_t work;            /* what the run cost (fuzz_loop.c: run_work) */
  bool fresh;               /* some PC was new to the shared coverage file */
};

#endif
