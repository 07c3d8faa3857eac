/* judge.h - the judgement of one run: does its input become a new corpus
 * entry, replace the entry it was mutated from, or go (boring)?
 *
 * A pure function of the run's outcome and the corpus, so the rules can be
 * unit-tested without running a target. The rules (docs/runtime.md, "The
 * loop"):
 *  - NEW: the run reached a PC that the shared coverage file had never seen
 *    ("fresh"), or one that no corpus entry covers (so a fuzzer restarted
 *    with an empty corpus but an old coverage file still learns).
 *  - REPLACE: otherwise the run covers every PC of its parent entry, traced
 *    at least as many distinct comparison values and is no longer: the
 *    reference's climb by traced values, checked against the parent's own
 *    coverage so a replacement never loses a PC. It is BETTER when it traced
 *    more or is shorter (worth writing to disk); otherwise it is neutral
 *    drift, kept in memory only. A replacement may not grow: with most
 *    targets more bytes trace more comparisons, and entries would grow to
 *    the length limit for nothing. */
#ifndef CFUZZ_JUDGE_H
#define CFUZZ_JUDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"

#define CFUZZ_NO_PARENT SIZE_MAX

enum cfuzz_verdict {
  CFUZZ_VERDICT_BORING,
  CFUZZ_VERDICT_NEW,
  CFUZZ_VERDICT_REPLACE,        /* as good as the parent: replace in memory */
  CFUZZ_VERDICT_REPLACE_BETTER, /* strictly better: replace, and on disk too */
};

/* What one run produced, as the judgement needs it. */
struct cfuzz_run_outcome {
  const uint64_t *bits; /* PCs the run reached (corpus->n_words words) */
  size_t len;           /* input length */
  uint32_t traced;      /* distinct traced comparison values */
  bool fresh;           /* some PC was new to the shared coverage file */
};

/* parent: the entry the input was mutated from, or CFUZZ_NO_PARENT. */
enum cfuzz_verdict cfuzz_judge_run(const struct cfuzz_corpus *c, const struct cfuzz_run_outcome *run,
                                   size_t parent);

#endif
