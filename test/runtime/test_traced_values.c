/* Unit tests: traced_values (distinct count, clear, saturation) and the comparison callbacks that feed it. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "instrumentation.h"
#include "traced_values.h"

void __sanitizer_cov_trace_cmp4(uint32_t a, uint32_t b);
void __sanitizer_cov_trace_switch(uint64_t value, uint64_t *cases);
void __sanitizer_weak_hook_memcmp(void *pc, const void *s1, const void *s2, size_t n, int result);
void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);
void __sanitizer_cov_pcs_init(const uintptr_t *start, const uintptr_t *stop);

static struct cfuzz_traced_values set; /* zero-initialised, like the global */

static void test_set(void) {
  CHECK(cfuzz_traced_values_count(&set) == 0);
  cfuzz_traced_values_add(&set, 1);
  cfuzz_traced_values_add(&set, 2);
  cfuzz_traced_values_add(&set, 1);
  cfuzz_traced_values_add(&set, 0); /* 0 is a value like any other */
  CHECK(cfuzz_traced_values_count(&set) == 3);
  CHECK(cfuzz_traced_values_calls(&set) == 4); /* the run's work counts repeats */
  CHECK(set.n_dirty >= 1 && set.n_dirty <= 3);
  cfuzz_traced_values_clear(&set);
  CHECK(cfuzz_traced_values_count(&set) == 0 && set.n_dirty == 0 && cfuzz_traced_values_calls(&set) == 0);
  for (uint32_t w = 0; w < CFUZZ_TRACED_WORDS; w++)
    CHECK(set.bits[w] == 0);
  cfuzz_traced_values_add(&set, 1);
  CHECK(cfuzz_traced_values_count(&set) == 1);
  /* A thousand distinct values (a busy run) count within 1%. */
  cfuzz_traced_values_clear(&set);
  for (uint64_t v = 0; v < 1000; v++)
    cfuzz_traced_values_add(&set, 0x401000 ^ (v * 7919));
  CHECK(cfuzz_traced_values_count(&set) >= 990 && cfuzz_traced_values_count(&set) <= 1000);
  /* Saturation: the count never passes the bitmap's size, the dirty list
   * never overflows, and a clear empties it all. */
  for (uint64_t v = 0; v < 20 * 65536; v++)
    cfuzz_traced_values_add(&set, v);
  CHECK(cfuzz_traced_values_count(&set) <= 65536 && set.n_dirty == CFUZZ_TRACED_WORDS);
  cfuzz_traced_values_clear(&set);
  for (uint32_t w = 0; w < CFUZZ_TRACED_WORDS; w++)
    CHECK(set.bits[w] == 0);
  cfuzz_traced_values_add(&set, 5);
  cfuzz_traced_values_add(&set, 6);
  CHECK(cfuzz_traced_values_count(&set) == 2);
}

static uint32_t traced_by_cmp(uint32_t a, uint32_t b) {
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  __sanitizer_cov_trace_cmp4(a, b);
  return cfuzz_traced_values_count(&cfuzz_instr.traced);
}

static uint32_t traced_by_memcmp(const char *input) {
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  __sanitizer_weak_hook_memcmp((void *)0x1000, input, "canyoufindme", 12, 1);
  return cfuzz_traced_values_count(&cfuzz_instr.traced);
}

static void test_callbacks(void) {
  CHECK(traced_by_cmp(1, 2) == 1);
  /* Unequal operands are kept for the mutator. */
  int found = 0;
  for (int i = 0; i < CFUZZ_CMP_INT_ENTRIES; i++)
    found |= cfuzz_instr.cmp.ints[i].size == 4 && cfuzz_instr.cmp.ints[i].arg1 == 1 &&
             cfuzz_instr.cmp.ints[i].arg2 == 2;
  CHECK(found);
  /* Equal operands are traced but never reach a slot the mutator reads:
   * they would evict a useful pair (the callback records without a
   * branch, into a spare slot past the table's end). */
  memset(cfuzz_instr.cmp.ints, 0, sizeof cfuzz_instr.cmp.ints);
  CHECK(traced_by_cmp(5, 5) == 1);
  for (int i = 0; i < CFUZZ_CMP_INT_ENTRIES; i++)
    CHECK(cfuzz_instr.cmp.ints[i].size == 0);
  /* A value seen again in this run adds no count and no dirty word. */
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  for (int i = 0; i < 2; i++) /* one call site, so one value */
    __sanitizer_cov_trace_cmp4(1, 2);
  CHECK(cfuzz_traced_values_count(&cfuzz_instr.traced) == 1 && cfuzz_instr.traced.n_dirty == 1 &&
        cfuzz_instr.traced.calls == 2);
  /* A longer matched prefix traces more distinct values: the climb. */
  uint32_t none = traced_by_memcmp("xxxxxxxxxxxx");
  uint32_t three = traced_by_memcmp("canxxxxxxxxx");
  uint32_t all = traced_by_memcmp("canyoufindme");
  CHECK(none < three && three < all);
  found = 0;
  for (int i = 0; i < CFUZZ_CMP_STR_ENTRIES; i++)
    found |= cfuzz_instr.cmp.strs[i].len == 12 && memcmp(cfuzz_instr.cmp.strs[i].bytes, "canyoufindme", 12) == 0;
  CHECK(found);
  uint64_t cases[] = {2, 32, 10, 20};
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  __sanitizer_cov_trace_switch(7, cases);
  CHECK(cfuzz_traced_values_count(&cfuzz_instr.traced) == 1);
}

static void test_registration(void) {
  /* Every object's constructor registers the same section: counted once. */
  static uint8_t counters[4];
  static uintptr_t pcs[8] = {0x1000, 1, 0x1010, 0, 0x1020, 0, 0x1030, 0};
  size_t before = cfuzz_instr.n_modules;
  __sanitizer_cov_8bit_counters_init(counters, counters + 4);
  __sanitizer_cov_pcs_init(pcs, pcs + 8);
  __sanitizer_cov_8bit_counters_init(counters, counters + 4);
  __sanitizer_cov_pcs_init(pcs, pcs + 8);
  CHECK(cfuzz_instr.n_modules == before + 1);
  CHECK(cfuzz_instr.modules[before].n_counters == 4 && cfuzz_instr.modules[before].pcs == pcs);
}

/* Code built with plain -fsanitize-coverage calls memcmp itself: the
 * runtime's definition must report it like the hook would. */
static void test_interceptors(void) {
  int (*volatile cmp)(const void *, const void *, size_t) = memcmp;
  int (*volatile scmp)(const char *, const char *) = strcmp;
  /* Outside a run (the runtime's own compares) nothing is reported. */
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  CHECK(cmp("canyouXXXXXX", "canyoufindme", 12) < 0 && scmp("flag", "flag") == 0);
  CHECK(cfuzz_traced_values_count(&cfuzz_instr.traced) == 0);
  cfuzz_instr.target_running = 1;
  CHECK(cmp("canyouXXXXXX", "canyoufindme", 12) < 0);
  uint32_t six = cfuzz_traced_values_count(&cfuzz_instr.traced);
  CHECK(six == 7); /* one value per matched byte, plus the call site */
  CHECK(cmp("same", "same", 4) == 0 && cmp("b", "a", 1) > 0);
  CHECK(scmp("abc", "abd") < 0 && scmp("abc", "abc") == 0 && scmp("b", "") > 0);
  cfuzz_instr.target_running = 0;
}

int main(void) {
  test_set();
  test_interceptors();
  test_callbacks();
  test_registration();
  return check_finish("traced_values");
}
