/* schedule.c - parent choice (see schedule.h). */
#include "schedule.h"

#include <string.h>

void cfuzz_scheduler_init(struct cfuzz_scheduler *s) { memset(s, 0, sizeof *s); }

size_t cfuzz_scheduler_pick(struct cfuzz_scheduler *s, const struct cfuzz_corpus *c, struct cfuzz_rng *rng) {
  s->picks++;
  return (size_t)cfuzz_rng_below(rng, c->n);
}
