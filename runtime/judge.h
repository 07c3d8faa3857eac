/* judge.h - the judgement of one run: does its input become a new corpus
 * entry, replace the entry it was mutated from, or go (boring)?
 *
 * Rules (docs/runtime.md, "The loop"):
 *  - NEW: the run has a feature (run_features.h: a PC at a hit-count bucket, a
 *    value-profile slot) that no corpus entry has, or reached a PC that the
 *    shared coverage file had never seen ("fresh"); with -shrink=1 also when
 *    it is shorter than every entry that has one of its features (libFuzzer's
 *    shrink: the corpus keeps the shortest input of each feature).
 *  - REPLACE: otherwise the run keeps every feature (hit-count bucket,
 *    value-profile slot) that only the parent entry has (a shorter run:
 *    every feature the parent brought into the corpus, and every PC no
 *    other entry reaches; judge.c: may_lose) and is no longer;
 *    unless it is shorter, it must also cover every PC of the parent and
 *    trace at least as many distinct comparison values. It is BETTER (worth
 *    writing to disk) when it traced more, has more features, or is shorter
 *    (libFuzzer's -reduce_inputs: a smaller input replaces a larger one with
 *    the same unique features; not with -reduce_inputs=0, nor for a seed with
 *    -keep_seed=1, as libFuzzer never reduces those); otherwise it is
 *    neutral drift, kept in memory only, and only if it does not loop more
 *    than the parent (summed hit-count bucket floors), costs no more work
 *    (fuzz_loop.c: run_work), and the parent is not a seed (a loaded
 *    input): drift would throw away the user's bytes, which crossover and
 *    copies draw on, for nothing the run can measure. This is the
 *    reference's climb by the number of distinct traced pc ^ value pairs,
 *    checked against the parent's own coverage rather than the global set. A replacement may
 *    not grow: with most targets more bytes trace more comparisons (and
 *    shift hit counts), and entries swelled to the length limit when it
 *    could; inputs grow as NEW entries, within the length limit.
 * Work per run: one pass over the run's features; the replacement test adds
 * a pass over the parent's, only when the cheap conditions hold. */
#ifndef CFUZZ_JUDGE_H
#define CFUZZ_JUDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "run_features.h"

#define CFUZZ_NO_PARENT SIZE_MAX

enum cfuzz_verdict {
  CFUZZ_VERDICT_BORING,
  CFUZZ_VERDICT_NEW,
  CFUZZ_VERDICT_REPLACE,        /* as good as the parent: replace in memory */
  CFUZZ_VERDICT_REPLACE_BETTER, /* strictly better: replace, and on disk too */
};

struct cfuzz_judge_options {
  bool reduce_inputs; /* -reduce_inputs: a shorter input replaces its parent */
  bool keep_seed;     /* -keep_seed: seeds are never reduced */
  bool shrink;        /* -shrink: shorter than every holder of a feature is new */
};

struct cfuzz_judge {
  struct cfuzz_judge_options opt;
  uint64_t *scratch; /* the run's features as a bitset; all zero between calls */
  size_t feature_space;
};

void cfuzz_judge_init(struct cfuzz_judge *j, const struct cfuzz_judge_options *opt, size_t feature_space);
void cfuzz_judge_free(struct cfuzz_judge *j);

/* parent: the entry the input was mutated from, or CFUZZ_NO_PARENT. */
enum cfuzz_verdict cfuzz_judge_run(struct cfuzz_judge *j, const struct cfuzz_corpus *c,
                                   const struct cfuzz_run_outcome *run, size_t parent);

#endif
