/* Unit tests: the mutation engine (mutate.c, mutations.c, cmp_mutations.c)
 * and rng.c. Every table entry keeps within capacity, repeats under a fixed
 * seed and changes its input; the specific ones do what their name says. */
#include <stdint.h>

#include "check.h"
#include "cmp_table.h"
#include "mutate.h"
#include "rng.h"

static struct cfuzz_cmp_table table;

static void init(struct cfuzz_mutator *m, struct cfuzz_rng *rng, uint64_t seed,
                 const struct cfuzz_cmp_table *cmp) {
  cfuzz_rng_seed(rng, seed);
  cfuzz_mutator_init(m, rng, &(struct cfuzz_mutator_options){.cmp = cmp});
}

static size_t apply(struct cfuzz_mutator *m, const char *name, uint8_t *buf, size_t len, size_t cap) {
  int k = cfuzz_mutation_index(name);
  CHECK(k >= 0);
  if (k < 0)
    return len;
  return cfuzz_mutator_apply(m, (size_t)k, buf, len, cap);
}

static void fill_table(void) {
  cfuzz_cmp_table_add_int(&table, 1, 0x11223344, 0x55667788, 4);
  cfuzz_cmp_table_add_int(&table, 3, 0x1234, 0x4321, 2);
  cfuzz_cmp_table_add_str(&table, 2, "a long recorded operand string", 30);
}

/* Every mutation, many random inputs and capacities: the result fits, and
 * nothing is written past the capacity. */
static void test_bounds(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 42, &table);
  uint8_t buf[64 + 8];
  for (size_t kind = 0; kind < cfuzz_mutation_count; kind++) {
    for (int iter = 0; iter < 2000; iter++) {
      size_t cap = 1 + cfuzz_rng_below(&rng, 64);
      size_t len = cfuzz_rng_below(&rng, cap + 1);
      memset(buf, 0xAA, sizeof buf);
      cfuzz_rng_bytes(&rng, buf, len);
      size_t out = cfuzz_mutator_apply(&m, kind, buf, len, cap);
      CHECK(out <= cap);
      CHECK(buf[cap] == 0xAA);
      if (check_failures) {
        fprintf(stderr, "  mutation %s, len %zu, cap %zu\n", cfuzz_mutation_table[kind].name, len, cap);
        return;
      }
    }
  }
  /* Empty input, zero capacity: nothing to do, nothing written. */
  CHECK(apply(&m, "InsertByte", buf, 0, 0) == 0);
  cfuzz_mutator_free(&m);
}

/* Every mutation, same seed and input: same output; and the output differs
 * from the input for most seeds. */
static void test_determinism_and_effect(void) {
  for (size_t kind = 0; kind < cfuzz_mutation_count; kind++) {
    int changed = 0;
    for (uint64_t seed = 1; seed <= 50; seed++) {
      struct cfuzz_rng r1, r2;
      struct cfuzz_mutator m1, m2;
      init(&m1, &r1, seed, &table);
      init(&m2, &r2, seed, &table);
      uint8_t a[96] = "the input 0x11223344 \x44\x33\x22\x11 1234 3.5 of a test", b[96];
      memcpy(b, a, sizeof a);
      size_t len = 48;
      size_t la = cfuzz_mutator_apply(&m1, kind, a, len, 80);
      size_t lb = cfuzz_mutator_apply(&m2, kind, b, len, 80);
      CHECK(la == lb && memcmp(a, b, la) == 0);
      uint8_t orig[96] = "the input 0x11223344 \x44\x33\x22\x11 1234 3.5 of a test";
      changed += la != len || memcmp(a, orig, len) != 0;
    }
    if (changed < 40)
      fprintf(stderr, "mutation %s changed its input for only %d of 50 seeds\n",
              cfuzz_mutation_table[kind].name, changed);
    CHECK(changed >= 40);
  }
}

static void test_byte_mutations(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 7, &table);
  uint8_t buf[16] = "abcdefgh";
  CHECK(apply(&m, "InsertByte", buf, 8, 16) == 9);
  uint8_t before[9];
  memcpy(before, buf, 9);
  CHECK(apply(&m, "ChangeByte", buf, 9, 16) == 9);
  int changed = 0;
  for (int i = 0; i < 9; i++)
    changed += buf[i] != before[i];
  CHECK(changed == 1);
  memcpy(before, buf, 9);
  CHECK(apply(&m, "ChangeBit", buf, 9, 16) == 9);
  int bits = 0;
  for (int i = 0; i < 9; i++)
    bits += __builtin_popcount(buf[i] ^ before[i]);
  CHECK(bits == 1);
  /* Erasing from an empty input falls back to inserting. */
  CHECK(apply(&m, "EraseBytes", buf, 0, 16) == 1);
}

static void test_guided(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  static struct cfuzz_cmp_table t;
  init(&m, &rng, 3, &t);
  /* The input holds one operand (little endian): it becomes the other. */
  cfuzz_cmp_table_add_int(&t, 5, 0x41424344, 0x61626364, 4);
  uint8_t buf[8] = {'x', 'x', 0x44, 0x43, 0x42, 0x41, 'y', 'y'};
  CHECK(apply(&m, "CMP", buf, 8, 8) == 8);
  CHECK(memcmp(buf, "xxdcbayy", 8) == 0);
  static struct cfuzz_cmp_table s;
  init(&m, &rng, 3, &s);
  cfuzz_cmp_table_add_str(&s, 9, "canyoufindme", 12);
  uint8_t sbuf[32] = "0123456789ab";
  size_t len = apply(&m, "CMPStrOverwrite", sbuf, 12, 32);
  CHECK(len == 12 && memcmp(sbuf, "canyoufindme", 12) == 0);
  len = apply(&m, "CMPStrInsert", sbuf, 12, 32);
  CHECK(len == 24);
}

/* The sequence of applied mutations, its credit and its MS: line. */
static void test_sequence(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 11, &table);
  uint8_t src[16] = "0123456789", dst[64];
  cfuzz_mutator_mutate(&m, src, 10, dst, 64, NULL, 0);
  CHECK(m.sequence_len >= 1 && m.sequence_len <= m.depth);
  char ms[256];
  cfuzz_mutator_format_sequence(&m, ms, sizeof ms);
  CHECK(strncmp(ms, "MS: ", 4) == 0);
  CHECK_STR_CONTAINS(ms, cfuzz_mutation_table[m.sequence[0]].name);
  uint64_t useful = m.stats[m.sequence[0]].useful;
  cfuzz_mutator_credit(&m);
  CHECK(m.stats[m.sequence[0]].useful > useful);
  /* A short buffer truncates the line but terminates it. */
  char tiny[6];
  cfuzz_mutator_format_sequence(&m, tiny, sizeof tiny);
  CHECK(strlen(tiny) < sizeof tiny);
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
  uint8_t m1[64], m2[64], src[12] = "reproducible";
  struct cfuzz_mutator ma, mb;
  init(&ma, &a, 99, &table);
  init(&mb, &b, 99, &table);
  for (int i = 0; i < 100; i++) {
    size_t l1 = cfuzz_mutator_mutate(&ma, src, 12, m1, 64, src, 12);
    size_t l2 = cfuzz_mutator_mutate(&mb, src, 12, m2, 64, src, 12);
    CHECK(l1 == l2 && memcmp(m1, m2, l1) == 0);
  }
}

int main(void) {
  fill_table();
  test_bounds();
  test_determinism_and_effect();
  test_byte_mutations();
  test_guided();
  test_sequence();
  test_rng();
  return check_finish("mutate");
}
