/* schedule.h - the choice of the parent entry for the next mutation.
 *
 * Today every entry is equally likely (the reference's uniform choice). The
 * scheduler's state is a struct of its own so that weights can come without
 * the loop changing. */
#ifndef CFUZZ_SCHEDULE_H
#define CFUZZ_SCHEDULE_H

#include <stddef.h>

#include "corpus.h"
#include "rng.h"

struct cfuzz_scheduler {
  size_t picks; /* parents chosen so far */
};

void cfuzz_scheduler_init(struct cfuzz_scheduler *s);

/* Index of the next parent; the corpus must not be empty. */
size_t cfuzz_scheduler_pick(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c, struct cfuzz_rng *rng);

#endif
