/* Unit tests: stall_clock.c (a run is timed from its first sample; a new
 * run, no run, or another crash context starts over). */
#include "check.h"
#include "stall_clock.h"

static int owner_a, owner_b;

/* The same run sampled every 100 ms: 0 at first sight, then the time since. */
static void test_one_run(void) {
  struct cfuzz_stall_clock c = {0};
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 7, true, 1000) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 7, true, 1100) == 100);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 7, true, 3000) == 2000);
}

/* Each new run is timed from its own first sample. */
static void test_new_run(void) {
  struct cfuzz_stall_clock c = {0};
  cfuzz_stall_clock_sample(&c, &owner_a, 1, true, 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 1, true, 900) == 900);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 2, true, 1000) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 2, true, 1100) == 100);
}

/* Between runs nothing is timed, even if the counter has not moved yet. */
static void test_idle(void) {
  struct cfuzz_stall_clock c = {0};
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, false, 0) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, false, 5000) == 0);
  /* The same run number running again (a re-run) is timed from now. */
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, true, 6000) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, true, 6500) == 500);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, false, 7000) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 3, true, 7100) == 0);
}

/* Another crash context (a merge step after the loop) is a new run even
 * with the same counter. */
static void test_new_owner(void) {
  struct cfuzz_stall_clock c = {0};
  cfuzz_stall_clock_sample(&c, &owner_a, 5, true, 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 5, true, 400) == 400);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_b, 5, true, 500) == 0);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_b, 5, true, 800) == 300);
}

/* A clock that goes backwards never yields a huge stall. */
static void test_clock_backwards(void) {
  struct cfuzz_stall_clock c = {0};
  cfuzz_stall_clock_sample(&c, &owner_a, 1, true, 1000);
  CHECK(cfuzz_stall_clock_sample(&c, &owner_a, 1, true, 900) == 0);
}

int main(void) {
  test_one_run();
  test_new_run();
  test_idle();
  test_new_owner();
  test_clock_backwards();
  return check_finish("stall_clock");
}
