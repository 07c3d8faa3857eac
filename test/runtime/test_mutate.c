/* Unit tests: mutate.c (every mutation keeps within capacity, the byte
 * mutations do what they say, comparison-guided ones use recorded operands)
 * and rng.c (reproducible with the same seed). */
#include <stdint.h>

#include "check.h"
#include "cmp_table.h"
#include "mutate.h"
#include "rng.h"

static struct cfuzz_cmp_table table;

static void test_bounds(void) {
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 42);
  cfuzz_cmp_table_add_int(&table, 1, 0x11223344, 0x55667788, 4);
  cfuzz_cmp_table_add_str(&table, 2, "a long recorded operand string", 30);
  uint8_t buf[64 + 8];
  for (int kind = 0; kind < CFUZZ_MUTATION_COUNT; kind++) {
    for (int iter = 0; iter < 2000; iter++) {
      size_t cap = 1 + cfuzz_rng_below(&rng, 64);
      size_t len = cfuzz_rng_below(&rng, cap + 1);
      memset(buf, 0xAA, sizeof buf);
      cfuzz_rng_bytes(&rng, buf, len);
      size_t out = cfuzz_mutate_one(&rng, &table, (enum cfuzz_mutation)kind, buf, len, cap);
      CHECK(out <= cap);
      CHECK(buf[cap] == 0xAA); /* nothing written past the capacity */
      if (check_failures)
        return;
    }
  }
  /* Empty input, zero capacity: nothing to do, nothing written. */
  CHECK(cfuzz_mutate_one(&rng, &table, CFUZZ_MUTATE_INSERT_BYTE, buf, 0, 0) == 0);
}

static void test_byte_mutations(void) {
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 7);
  uint8_t buf[16] = "abcdefgh";
  CHECK(cfuzz_mutate_one(&rng, &table, CFUZZ_MUTATE_REMOVE_BYTE, buf, 8, 16) == 7);
  CHECK(cfuzz_mutate_one(&rng, &table, CFUZZ_MUTATE_INSERT_BYTE, buf, 7, 16) == 8);
  uint8_t before[8];
  memcpy(before, buf, 8);
  CHECK(cfuzz_mutate_one(&rng, &table, CFUZZ_MUTATE_MODIFY_BYTE, buf, 8, 16) == 8);
  int changed = 0;
  for (int i = 0; i < 8; i++)
    changed += buf[i] != before[i];
  CHECK(changed == 1);
  /* Removing from an empty input falls back to inserting. */
  CHECK(cfuzz_mutate_one(&rng, &table, CFUZZ_MUTATE_REMOVE_BYTE, buf, 0, 16) == 1);
}

static void test_guided(void) {
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 3);
  static struct cfuzz_cmp_table t;
  /* The input holds one operand (little endian): it becomes the other. */
  cfuzz_cmp_table_add_int(&t, 5, 0x41424344, 0x61626364, 4);
  uint8_t buf[8] = {'x', 'x', 0x44, 0x43, 0x42, 0x41, 'y', 'y'};
  CHECK(cfuzz_mutate_one(&rng, &t, CFUZZ_MUTATE_REPLACE_INT_OPERAND, buf, 8, 8) == 8);
  CHECK(memcmp(buf, "xxdcbayy", 8) == 0);
  static struct cfuzz_cmp_table s;
  cfuzz_cmp_table_add_str(&s, 9, "canyoufindme", 12);
  uint8_t sbuf[32] = "0123456789ab";
  size_t len = cfuzz_mutate_one(&rng, &s, CFUZZ_MUTATE_OVERWRITE_STRING, sbuf, 12, 32);
  CHECK(len == 12 && memcmp(sbuf, "canyoufindme", 12) == 0);
  len = cfuzz_mutate_one(&rng, &s, CFUZZ_MUTATE_INSERT_STRING, sbuf, 12, 32);
  CHECK(len == 24);
}

static void test_rng(void) {
  struct cfuzz_rng a, b, c;
  cfuzz_rng_seed(&a, 1234);
  cfuzz_rng_seed(&b, 1234);
  cfuzz_rng_seed(&c, 1235);
  int same = 1, differs = 0;
  for (int i = 0; i < 1000; i++) {
    uint64_t x = cfuzz_rng_next(&a), y = cfuzz_rng_next(&b), z = cfuzz_rng_next(&c);
    same &= x == y;
    differs |= x != z;
  }
  CHECK(same);
  CHECK(differs);
  for (int i = 0; i < 1000; i++)
    CHECK(cfuzz_rng_below(&a, 7) < 7);
  /* Same seed, same mutations: what makes -seed=N reproducible. */
  uint8_t m1[32] = "reproducible", m2[32];
  uint8_t src[12];
  memcpy(src, m1, 12);
  cfuzz_rng_seed(&a, 99);
  cfuzz_rng_seed(&b, 99);
  size_t l1 = cfuzz_mutate(&a, &table, src, 12, m1, 32);
  size_t l2 = cfuzz_mutate(&b, &table, src, 12, m2, 32);
  CHECK(l1 == l2 && memcmp(m1, m2, l1) == 0);
}

int main(void) {
  test_bounds();
  test_byte_mutations();
  test_guided();
  test_rng();
  return check_finish("mutate");
}
