/* judge.c - new / replace / boring (see judge.h). Called once per run; the
 * work is proportional to the coverage bitset's words, as the merge before
 * it is. */
#include "judge.h"

#include "run_coverage.h"

enum cfuzz_verdict cfuzz_judge_run(const struct cfuzz_corpus *c, const struct cfuzz_run_outcome *run,
                                   size_t parent) {
  if (run->fresh || !cfuzz_corpus_covers(c, run->bits))
    return CFUZZ_VERDICT_NEW;
  if (parent == CFUZZ_NO_PARENT)
    return CFUZZ_VERDICT_BORING;
  const struct cfuzz_corpus_entry *e = &c->entries[parent];
  if (run->traced < e->traced || run->len > e->len || !cfuzz_bits_cover(run->bits, e->bits, c->n_words))
    return CFUZZ_VERDICT_BORING;
  if (run->traced > e->traced || run->len < e->len)
    return CFUZZ_VERDICT_REPLACE_BETTER;
  return CFUZZ_VERDICT_REPLACE;
}
