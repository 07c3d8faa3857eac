/* Unit tests: len_control.c (the start of the limit, growth by log2 after
 * -len_control * log2 runs without progress, the -max_len cap, progress
 * postponing growth, -len_control=0). */
#include "check.h"
#include "len_control.h"

/* Starts at the longest input or word, at least 4, at most -max_len. */
static void test_start(void) {
  struct cfuzz_len_control lc;
  cfuzz_len_control_init(&lc, 4096, 100, 0, 0);
  CHECK(lc.limit == CFUZZ_LEN_LIMIT_START);
  cfuzz_len_control_init(&lc, 4096, 100, 300, 0);
  CHECK(lc.limit == 300);
  cfuzz_len_control_init(&lc, 200, 100, 300, 0);
  CHECK(lc.limit == 200);
  cfuzz_len_control_init(&lc, 2, 100, 0, 0);
  CHECK(lc.limit == 2);
  cfuzz_len_control_init(&lc, 4096, 0, 10, 0); /* -len_control=0 */
  CHECK(lc.limit == 4096 && cfuzz_len_control_check(&lc, 1) == 4096);
}

/* limit 4 (log2 3 bits): 300 stalled runs grow it by 3; then limit 7
 * (3 bits) again after 300 more; limit 8 (4 bits) after 400. */
static void test_growth(void) {
  struct cfuzz_len_control lc;
  cfuzz_len_control_init(&lc, 4096, 100, 0, 1000);
  CHECK(cfuzz_len_control_check(&lc, 1299) == 4);
  CHECK(cfuzz_len_control_check(&lc, 1300) == 7);
  CHECK(cfuzz_len_control_check(&lc, 1300) == 7); /* the clock restarted */
  CHECK(cfuzz_len_control_check(&lc, 1599) == 7);
  CHECK(cfuzz_len_control_check(&lc, 1600) == 10);
  CHECK(cfuzz_len_control_check(&lc, 1999) == 10);
  CHECK(cfuzz_len_control_check(&lc, 2000) == 14);
}

/* New entries and better replacements postpone growth. */
static void test_progress(void) {
  struct cfuzz_len_control lc;
  cfuzz_len_control_init(&lc, 4096, 100, 0, 0);
  for (uint64_t r = 0; r < 100000; r += 250) {
    cfuzz_len_control_progress(&lc, r);
    CHECK(cfuzz_len_control_check(&lc, r + 299) == 4);
  }
  CHECK(cfuzz_len_control_check(&lc, 99750 + 300) == 7);
}

/* Growth stops at -max_len, however long the stall. */
static void test_cap(void) {
  struct cfuzz_len_control lc;
  cfuzz_len_control_init(&lc, 20, 1, 16, 0);
  CHECK(cfuzz_len_control_check(&lc, 5) == 20); /* 16 + 5 capped */
  CHECK(cfuzz_len_control_check(&lc, 1000000) == 20);
}

int main(void) {
  test_start();
  test_growth();
  test_progress();
  test_cap();
  return check_finish("len_control");
}
