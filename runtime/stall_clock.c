/* stall_clock.c - see stall_clock.h. */
#include "stall_clock.h"

uint64_t cfuzz_stall_clock_sample(struct cfuzz_stall_clock *clock, const void *owner,
                                  uint64_t runs_started, bool running, uint64_t now_ms) {
  bool same_run = clock->timing && running && owner == clock->owner &&
                  runs_started == clock->runs_started;
  clock->owner = owner;
  clock->runs_started = runs_started;
  if (!same_run) {
    clock->timing = running;
    clock->first_seen_ms = now_ms;
    return 0;
  }
  return now_ms > clock->first_seen_ms ? now_ms - clock->first_seen_ms : 0;
}
