/* stall_clock.h - how long the current run has been going, as the watchdog
 * thread measures it. The target thread only counts runs begun and sets
 * `running` (run_target.h); the watchdog samples both every tick and stamps
 * the first sample of each run with its own clock, so the target never reads
 * the clock. A run is seen at most one tick after it begins: the measure
 * falls short by less than a tick. */
#ifndef CFUZZ_STALL_CLOCK_H
#define CFUZZ_STALL_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

struct cfuzz_stall_clock {
  const void *owner;      /* the crash context the samples came from */
  uint64_t runs_started;  /* its run counter at the last sample */
  uint64_t first_seen_ms; /* when this run was first sampled */
  bool timing;            /* a run is being timed */
};

/* Takes one sample at `now_ms` (any monotonic clock) and returns how long the
 * sampled run has gone since it was first seen, in ms; 0 when nothing runs or
 * the run is new since the last sample (another owner counts as new). */
uint64_t cfuzz_stall_clock_sample(struct cfuzz_stall_clock *clock, const void *owner,
                                  uint64_t runs_started, bool running, uint64_t now_ms);

#endif
