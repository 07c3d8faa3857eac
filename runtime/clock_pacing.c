/* clock_pacing.c - see clock_pacing.h. */
#include "clock_pacing.h"

void cfuzz_clock_pacing_init(struct cfuzz_clock_pacing *p, double now, uint64_t runs) {
  p->every = 1;
  p->last_read = now;
  p->next_read = runs;
}

void cfuzz_clock_pacing_read(struct cfuzz_clock_pacing *p, double now, uint64_t runs) {
  double gap = now - p->last_read;
  if (gap > CFUZZ_CLOCK_PACING_GAP && p->every > 1)
    p->every /= 2;
  else if (gap < CFUZZ_CLOCK_PACING_GAP / 4 && p->every < CFUZZ_CLOCK_PACING_MAX_RUNS)
    p->every *= 2;
  p->last_read = now;
  p->next_read = runs + p->every;
}
