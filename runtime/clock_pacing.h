/* clock_pacing.h - when the fuzz loop reads the clock. The clock decides
 * -max_total_time, the corpus rescan and the shared run total; reading it
 * per run would put a call in every execution, and reading it every
 * CFUZZ_CLOCK_PACING_MAX_RUNS runs would let a slow target (one allocating
 * gigabytes, say) overrun the time limit by minutes. So the runs between two
 * reads adapt to the pace: halved while the reads come more than
 * CFUZZ_CLOCK_PACING_GAP seconds apart, doubled (up to the maximum) while
 * they come less than a quarter of it apart. The first read comes after one
 * run. */
#ifndef CFUZZ_CLOCK_PACING_H
#define CFUZZ_CLOCK_PACING_H

#include <stdbool.h>
#include <stdint.h>

#define CFUZZ_CLOCK_PACING_MAX_RUNS 256
#define CFUZZ_CLOCK_PACING_GAP 0.05

struct cfuzz_clock_pacing {
  uint64_t next_read; /* run count at which the clock is read next */
  uint64_t every;     /* runs between two reads now */
  double last_read;   /* seconds, any monotonic clock */
};

/* `now`: the clock; `runs`: the run count now. */
void cfuzz_clock_pacing_init(struct cfuzz_clock_pacing *p, double now, uint64_t runs);

/* Whether the loop should read the clock before the next run. */
static inline bool cfuzz_clock_pacing_due(const struct cfuzz_clock_pacing *p, uint64_t runs) {
  return runs >= p->next_read;
}

/* The loop read the clock (`now`) at `runs`: sets the next read. */
void cfuzz_clock_pacing_read(struct cfuzz_clock_pacing *p, double now, uint64_t runs);

#endif
