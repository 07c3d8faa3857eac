/* Unit tests: run_coverage's features (hit-count buckets, the feature ids
 * of a scan across modules that are not word-aligned, the stack depth's
 * step function and feature). The PC bitset and
 * the merge alone are tested in test_coverage_file.c. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "run_coverage.h"

static void test_buckets(void) {
  /* 1, 2, 3, 4-7, 8-15, 16-31, 32-127, 128+ */
  static const struct {
    unsigned lo, hi, bucket;
  } ranges[] = {{1, 1, 0}, {2, 2, 1}, {3, 3, 2}, {4, 7, 3}, {8, 15, 4}, {16, 31, 5}, {32, 127, 6}, {128, 255, 7}};
  for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
    for (unsigned c = ranges[r].lo; c <= ranges[r].hi; c++)
      CHECK(cfuzz_hitcount_bucket((uint8_t)c) == ranges[r].bucket);
}

/* Two modules of 100 and 70 counters: the second starts at PC 100, inside
 * a bitset word, so its chunks straddle words. */
static struct cfuzz_instrumentation instr;
static uint8_t module_a[100], module_b[70];

static void test_scan(void) {
  instr.modules[0] = (struct cfuzz_module){.counters = module_a, .n_counters = 100};
  instr.modules[1] = (struct cfuzz_module){.counters = module_b, .n_counters = 70};
  instr.n_modules = 2;
  struct cfuzz_modules m = {.n_pcs = 170, .n_words = 3, .first_pc = {0, 100}};
  module_a[0] = 1;    /* PC 0, bucket 0 */
  module_a[63] = 200; /* PC 63, bucket 7 */
  module_a[64] = 5;   /* PC 64 (the module's tail), bucket 3 */
  module_b[0] = 2;    /* PC 100, bucket 1 */
  module_b[40] = 16;  /* PC 140: word 2, through the straddling chunk; bucket 5 */
  module_b[65] = 33;  /* PC 165 (tail), bucket 6 */
  uint64_t bits[3] = {~0ull, ~0ull, ~0ull}; /* the scan clears them first */
  uint32_t ids[170 + CFUZZ_VP_MAX_PER_RUN + 1];
  struct cfuzz_run_features ft = {ids, 0};
  cfuzz_collect_run(&instr, &m, bits, &ft);
  const uint32_t want[] = {0 * 8 + 0, 63 * 8 + 7, 64 * 8 + 3, 100 * 8 + 1, 140 * 8 + 5, 165 * 8 + 6};
  CHECK(ft.n == sizeof want / sizeof want[0]);
  for (size_t i = 0; i < ft.n && i < sizeof want / sizeof want[0]; i++)
    CHECK(ids[i] == want[i]);
  CHECK(bits[0] == (1ull | 1ull << 63));
  CHECK(bits[1] == (1ull | 1ull << (100 - 64)));
  CHECK(bits[2] == (1ull << (140 - 128) | 1ull << (165 - 128)));
  /* The counters are zero again for the next run. */
  static const uint8_t zero[100];
  CHECK(memcmp(module_a, zero, sizeof module_a) == 0 && memcmp(module_b, zero, sizeof module_b) == 0);
  /* A run that hit nothing has no features. */
  cfuzz_collect_run(&instr, &m, bits, &ft);
  CHECK(ft.n == 0 && bits[0] == 0 && bits[1] == 0 && bits[2] == 0);
}

/* Exact below 8 words, then eight steps per doubling; never decreasing,
 * and every 64-bit depth within the reserved slots. */
static void test_stack_depth_slots(void) {
  for (uint64_t w = 0; w < 16; w++)
    CHECK(cfuzz_stack_depth_slot(w) == w);
  CHECK(cfuzz_stack_depth_slot(16) == 16 && cfuzz_stack_depth_slot(17) == 16 && cfuzz_stack_depth_slot(18) == 17);
  CHECK(cfuzz_stack_depth_slot(100) == 36); /* 2^6 * (1 + 4/8) and a bit */
  uint32_t prev = 0;
  for (uint64_t w = 1; w < (1u << 20); w += w / 16 + 1) {
    uint32_t s = cfuzz_stack_depth_slot(w);
    CHECK(s >= prev);
    prev = s;
  }
  CHECK(cfuzz_stack_depth_slot(UINT64_MAX) < CFUZZ_STACK_DEPTH_SLOTS);
  CHECK(cfuzz_stack_depth_slot(UINT64_MAX) == 495);
}

/* A run whose code lowered the mark below the caller's frame gets one
 * feature after the value-profile slots; one that left it has none. */
static void test_stack_depth_feature(void) {
  struct cfuzz_modules m = {.n_pcs = 170, .n_words = 3, .first_pc = {0, 100}};
  uint64_t bits[3];
  uint32_t ids[170 + CFUZZ_VP_MAX_PER_RUN + 1];
  struct cfuzz_run_features ft = {ids, 0};
  uint64_t frame[1024];
  instr.stack_top = (uintptr_t)&frame[1000];
  __sancov_lowest_stack = (uintptr_t)&frame[900]; /* 100 words down */
  module_a[3] = 1;
  cfuzz_collect_run(&instr, &m, bits, &ft);
  CHECK(ft.n == 2 && ids[0] == 3 * 8 + 0);
  CHECK(ids[1] == cfuzz_stack_depth_feature(170, 36));
  CHECK(ids[1] == 170 * 8 + CFUZZ_VP_SLOTS + 36);
  CHECK(cfuzz_pc_feature_count(cfuzz_feature_space(170)) == 170 * 8);
  CHECK(ids[1] < cfuzz_feature_space(170));
  __sancov_lowest_stack = instr.stack_top;
  cfuzz_collect_run(&instr, &m, bits, &ft);
  CHECK(ft.n == 0);
  instr.stack_top = 0;
}

int main(void) {
  test_buckets();
  test_scan();
  test_stack_depth_slots();
  test_stack_depth_feature();
  return check_finish("run_coverage");
}
