/* cmp_table.h - recently compared operands, kept for comparison-guided
 * mutation (libFuzzer calls its version "table of recent compares").
 *
 * Small fixed tables indexed by a hash of the call site (for string pairs, of
 * the site and the second operand's bytes): a newer comparison at a colliding
 * slot simply overwrites the older one, so recording is a few stores with no
 * branches on table state. The mutator reads entries back and
 * writes one operand into the input where the other was found. */
#ifndef CFUZZ_CMP_TABLE_H
#define CFUZZ_CMP_TABLE_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_CMP_INT_ENTRIES 64
#define CFUZZ_CMP_STR_ENTRIES 64
#define CFUZZ_CMP_STR_MAX 64
#define CFUZZ_CMP_FLOAT_ENTRIES 32

struct cfuzz_cmp_int {
  uint64_t arg1, arg2;
  uint8_t size; /* operand width in bytes (1, 2, 4, 8); 0 = empty entry */
};

struct cfuzz_cmp_str {
  uint8_t len; /* 0 = empty entry */
  uint8_t bytes[CFUZZ_CMP_STR_MAX];
};

/* Float compares keep both operands as doubles (a float converts exactly). */
struct cfuzz_cmp_float {
  double arg1, arg2;
  uint8_t size; /* 4 (float) or 8 (double); 0 = empty entry */
};

struct cfuzz_cmp_table {
  /* One more than is read: compares of equal operands (useless to the
   * mutator) go to the last, so recording needs no branch. */
  struct cfuzz_cmp_int ints[CFUZZ_CMP_INT_ENTRIES + 1];
  struct cfuzz_cmp_str strs[CFUZZ_CMP_STR_ENTRIES];
  /* Bit i set: strs[i] is filled. Sparse string tables are common (a few
   * memcmp sites), and picking by scanning 64 slots cost more than the run
   * of a small target; string compares are rare enough to afford the OR. */
  uint64_t strs_filled;
  struct cfuzz_cmp_float floats[CFUZZ_CMP_FLOAT_ENTRIES];
};

static inline void cfuzz_cmp_table_add_int(struct cfuzz_cmp_table *t, uint64_t key, uint64_t arg1,
                                           uint64_t arg2, uint8_t size) {
  uint64_t slot = (key * 0x9E3779B97F4A7C15ull) >> 58;
  struct cfuzz_cmp_int *e = &t->ints[arg1 == arg2 ? CFUZZ_CMP_INT_ENTRIES : slot];
  e->arg1 = arg1;
  e->arg2 = arg2;
  e->size = size;
}

static inline void cfuzz_cmp_table_add_float(struct cfuzz_cmp_table *t, uint64_t key, double arg1, double arg2,
                                             uint8_t size) {
  struct cfuzz_cmp_float *e = &t->floats[(key * 0x9E3779B97F4A7C15ull) >> 59];
  e->arg1 = arg1;
  e->arg2 = arg2;
  e->size = size;
}

/* Records up to CFUZZ_CMP_STR_MAX leading bytes of one string operand. */
void cfuzz_cmp_table_add_str(struct cfuzz_cmp_table *t, uint64_t key, const void *bytes, size_t len);

/* Records both operands of one string compare at `site`, in slots chosen by
 * the site and the second operand's bytes. One site often compares against
 * many constants (a keyword loop, std::string's == through one memcmp in
 * libstdc++): keyed by the site alone, each compare evicted the last. The
 * constant is usually second (memcmp(buf, "MAGIC", n), strcmp(tok, "kw")),
 * so the input's varying bytes do not spread over the table either. */
void cfuzz_cmp_table_add_str_pair(struct cfuzz_cmp_table *t, uint64_t site, const void *s1, size_t len1,
                                  const void *s2, size_t len2);

#endif
