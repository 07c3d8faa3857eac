/* Unit tests: clock_pacing.c (the first read after one run, doubling while
 * reads come fast up to the maximum, halving while they come slowly down to
 * one run, no change in between). */
#include "check.h"
#include "clock_pacing.h"

/* Fast runs: 1, 2, 4, ... up to the maximum, and no further. */
static void test_fast_runs_double(void) {
  struct cfuzz_clock_pacing p;
  cfuzz_clock_pacing_init(&p, 10.0, 7);
  CHECK(cfuzz_clock_pacing_due(&p, 7));
  double now = 10.0;
  uint64_t runs = 7, expected = 1;
  for (int i = 0; i < 20; i++) {
    now += 0.001;
    cfuzz_clock_pacing_read(&p, now, runs);
    expected = expected * 2 > CFUZZ_CLOCK_PACING_MAX_RUNS ? CFUZZ_CLOCK_PACING_MAX_RUNS : expected * 2;
    CHECK(p.every == expected);
    CHECK(!cfuzz_clock_pacing_due(&p, runs + p.every - 1));
    CHECK(cfuzz_clock_pacing_due(&p, runs + p.every));
    runs += p.every;
  }
  CHECK(p.every == CFUZZ_CLOCK_PACING_MAX_RUNS);
}

/* Slow runs: halved per read, never below one run. */
static void test_slow_runs_halve(void) {
  struct cfuzz_clock_pacing p;
  cfuzz_clock_pacing_init(&p, 0.0, 0);
  p.every = 64;
  double now = 0.0;
  uint64_t expected[] = {32, 16, 8, 4, 2, 1, 1, 1};
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
    now += 3.0;
    cfuzz_clock_pacing_read(&p, now, 100);
    CHECK(p.every == expected[i]);
    CHECK(p.next_read == 100 + expected[i]);
  }
}

/* Between a quarter of the gap and the gap: the pace holds. */
static void test_steady_pace_holds(void) {
  struct cfuzz_clock_pacing p;
  cfuzz_clock_pacing_init(&p, 0.0, 0);
  p.every = 16;
  cfuzz_clock_pacing_read(&p, CFUZZ_CLOCK_PACING_GAP / 2, 16);
  CHECK(p.every == 16 && p.next_read == 32);
  cfuzz_clock_pacing_read(&p, CFUZZ_CLOCK_PACING_GAP / 2 + CFUZZ_CLOCK_PACING_GAP * 0.9, 32);
  CHECK(p.every == 16 && p.next_read == 48);
}

int main(void) {
  test_fast_runs_double();
  test_slow_runs_halve();
  test_steady_pace_holds();
  return check_finish("clock_pacing");
}
