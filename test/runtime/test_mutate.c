/* Unit tests: the mutation engine (mutate.c, mutations.c, cmp_mutations.c)
 * and rng.c. Every table entry keeps within capacity, repeats under a fixed
 * seed and changes its input; the specific ones do what their name says. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>

#include "check.h"
#include "cmp_table.h"
#include "mutate.h"
#include "mutations.h"
#include "rng.h"

static struct cfuzz_cmp_table table;

static void init(struct cfuzz_mutator *m, struct cfuzz_rng *rng, uint64_t seed,
                 const struct cfuzz_cmp_table *cmp) {
  cfuzz_rng_seed(rng, seed);
  cfuzz_mutator_init(m, rng, &(struct cfuzz_mutator_options){.cmp = cmp});
  cfuzz_dict_free(&m->manual_dict);
  cfuzz_dict_init(&m->manual_dict, 4);
  cfuzz_dict_add(&m->manual_dict, (const uint8_t *)"keyword", 7);
  cfuzz_dict_add(&m->auto_dict, (const uint8_t *)"\x01\x02", 2);
  static const uint8_t partner[] = "a crossover partner, 40 bytes long......";
  m->partner = partner;
  m->partner_len = sizeof partner - 1;
}

static size_t apply(struct cfuzz_mutator *m, const char *name, uint8_t *buf, size_t len, size_t cap) {
  int k = cfuzz_mutation_index(name);
  CHECK(k >= 0);
  if (k < 0)
    return len;
  return cfuzz_mutator_apply(m, (size_t)k, buf, len, cap);
}

static void fill_table(void) {
  cfuzz_cmp_table_add_float(&table, 4, 3.5, 1e10, 8);
  cfuzz_cmp_table_add_int(&table, 1, 0x11223344, 0x55667788, 4);
  cfuzz_cmp_table_add_int(&table, 3, 0x1234, 0x4321, 2);
  cfuzz_cmp_table_add_str(&table, 2, "a long recorded operand string", 30);
}

/* ChangeBinInt near the start sometimes writes a length: the input's size or
 * the bytes after the field, in either byte order; never in a field that
 * starts at offset 64 or later (an 8-byte field at 63 reaches byte 70). */
static void test_bin_int_lengths(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 7, &table);
  enum { LEN = 100 };
  uint8_t buf[LEN];
  int whole = 0, after_le = 0, after_be = 0, far = 0;
  for (int iter = 0; iter < 20000; iter++) {
    memset(buf, 0, LEN);
    CHECK(apply(&m, "ChangeBinInt", buf, LEN, LEN) == LEN);
    for (size_t off = 0; off + 4 <= LEN; off++) {
      uint32_t le = (uint32_t)buf[off] | (uint32_t)buf[off + 1] << 8 | (uint32_t)buf[off + 2] << 16 |
                    (uint32_t)buf[off + 3] << 24;
      uint32_t be = __builtin_bswap32(le);
      if (le == LEN || be == LEN)
        whole++;
      if (le == LEN - off - 4 && le > 10) {
        after_le++;
        far += off > 70;
      }
      if (be == LEN - off - 4 && be > 10) {
        after_be++;
        far += off > 70;
      }
    }
  }
  CHECK(whole > 0 && after_le > 0 && after_be > 0);
  CHECK(far == 0);
}

/* Every mutation, many random inputs and capacities: the result fits, and
 * nothing is written past the capacity. */
static void test_bounds(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 42, &table);
  uint8_t buf[64 + 8];
  int failures_before = check_failures;
  for (size_t kind = 0; kind < cfuzz_mutation_count; kind++) {
    for (int iter = 0; iter < 2000; iter++) {
      size_t cap = 1 + cfuzz_rng_below(&rng, 64);
      size_t len = cfuzz_rng_below(&rng, cap + 1);
      memset(buf, 0xAA, sizeof buf);
      cfuzz_rng_bytes(&rng, buf, len);
      size_t out = cfuzz_mutator_apply(&m, kind, buf, len, cap);
      CHECK(out <= cap);
      CHECK(buf[cap] == 0xAA);
      if (check_failures > failures_before) {
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

/* The longest run of equal bytes in buf; of `only` bytes if only >= 0. */
static size_t longest_run(const uint8_t *buf, size_t len, int only) {
  size_t run = 0, best = 0;
  for (size_t i = 0; i < len; i++) {
    run = i > 0 && buf[i] == buf[i - 1] ? run + 1 : 1;
    if (only < 0 || buf[i] == only)
      best = run > best ? run : best;
  }
  return best;
}

/* InsertRepeatedBytes: runs of 3 to 128 bytes, and now and then a long one
 * (up to 1024), within the cap; 0xff runs longer than 256 among them (what
 * lz4's 64 KB match length takes in one step). */
static void test_repeated_bytes(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 7, &table);
  static uint8_t buf[2048];
  size_t long_runs = 0, long_ff_runs = 0, tries = 4000, shortest = SIZE_MAX, longest = 0;
  for (size_t i = 0; i < tries; i++) {
    memcpy(buf, "abcdefghijklmnop", 16);
    size_t len = apply(&m, "InsertRepeatedBytes", buf, 16, sizeof buf);
    size_t added = len - 16;
    shortest = added < shortest ? added : shortest;
    longest = added > longest ? added : longest;
    CHECK(longest_run(buf, len, -1) >= added);
    long_runs += added > 128;
    long_ff_runs += longest_run(buf, len, 0xff) >= 256;
  }
  CHECK(shortest == 3 && longest <= 1024 && longest > 900);
  /* One time in 8 the limit is 1024, and then 7 in 8 runs pass 128. */
  CHECK(long_runs > tries / 16 && long_runs < tries / 5);
  CHECK(long_ff_runs > 0);
  /* The cap holds for long runs too. */
  for (size_t i = 0; i < 200; i++) {
    memcpy(buf, "abcdefghijklmnop", 16);
    CHECK(apply(&m, "InsertRepeatedBytes", buf, 16, 200) <= 200);
  }
  memcpy(buf, "abcdefghijklmnop", 16);
  CHECK(cfuzz_mutation_insert_repeated_bytes(&m, buf, 16, 18) == CFUZZ_MUTATION_FAILED);
}

static void test_libfuzzer_set(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 5, &table);
  uint8_t buf[300] = "abcdefghijklmnop";
  /* Repeated bytes: a run of at least 3 equal bytes appears. */
  size_t len = apply(&m, "InsertRepeatedBytes", buf, 16, 300);
  CHECK(len >= 19 && len <= 300);
  CHECK(longest_run(buf, len, -1) >= 3);
  /* Shuffle: same bytes, other order. */
  memcpy(buf, "abcdefghijklmnop", 16);
  CHECK(apply(&m, "ShuffleBytes", buf, 16, 16) == 16);
  int counts[256] = {0};
  for (int i = 0; i < 16; i++)
    counts[buf[i]]++;
  int same_set = 1;
  for (int c = 'a'; c <= 'p'; c++)
    same_set &= counts[c] == 1;
  CHECK(same_set && memcmp(buf, "abcdefghijklmnop", 16) != 0);
  /* ASCII integer: the digits change, the text around them stays. */
  memcpy(buf, "len=1234;", 9);
  len = apply(&m, "ChangeASCIIInt", buf, 9, 32);
  CHECK(memcmp(buf, "len=", 4) == 0 && buf[len - 1] == ';' && (len != 9 || memcmp(buf, "len=1234;", 9)));
  /* Binary integer: only `size` consecutive bytes change. */
  memset(buf, 0, 16);
  CHECK(apply(&m, "ChangeBinInt", buf, 16, 16) == 16);
  int first = -1, last = -1;
  for (int i = 0; i < 16; i++)
    if (buf[i]) {
      last = i;
      if (first < 0)
        first = i;
    }
  CHECK(first >= 0 && last - first < 8);
  /* Copy part: length grows by the copy or stays. */
  memcpy(buf, "0123456789", 10);
  len = apply(&m, "CopyPart", buf, 10, 20);
  CHECK(len >= 10 && len <= 20);
  /* Every inserted or overwritten byte comes from the input itself. */
  for (size_t i = 0; i < len; i++)
    CHECK(buf[i] >= '0' && buf[i] <= '9');
  /* Crossover: bytes of the partner appear; none without a partner. */
  memcpy(buf, "xxxxxxxxxx", 10);
  len = apply(&m, "CrossOver", buf, 10, 64);
  int from_partner = 0;
  for (size_t i = 0; i < len; i++)
    from_partner += buf[i] != 'x';
  CHECK(from_partner > 0);
  m.partner = NULL;
  int k = cfuzz_mutation_index("CrossOver");
  CHECK(cfuzz_mutation_table[k].fn(&m, buf, 10, 64) == CFUZZ_MUTATION_FAILED);
}

/* Inserting a copy of an overlapping part, every geometry. */
static void test_copy_part_geometry(void) {
  for (uint64_t seed = 1; seed < 300; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, &table);
    static const char orig[] = "ABCDEFGHIJ";
    uint8_t buf[40] = "ABCDEFGHIJ";
    size_t len = apply(&m, "CopyPart", buf, 10, 20);
    if (len == 10)
      continue;
    /* The result is the original with some substring inserted somewhere. */
    size_t n = len - 10;
    int ok = 0;
    for (size_t at = 0; at <= 10 && !ok; at++) {
      if (memcmp(buf, "ABCDEFGHIJ", at) || memcmp(buf + at + n, orig + at, 10 - at))
        continue;
      for (size_t from = 0; from + n <= 10 && !ok; from++)
        ok = memcmp(buf + at, orig + from, n) == 0;
    }
    CHECK(ok);
  }
}

static void test_only_ascii(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  cfuzz_rng_seed(&rng, 9);
  cfuzz_mutator_init(&m, &rng, &(struct cfuzz_mutator_options){.cmp = &table, .only_ascii = true});
  uint8_t src[32], dst[64];
  for (int i = 0; i < 32; i++)
    src[i] = (uint8_t)(i * 37);
  for (int iter = 0; iter < 200; iter++) {
    size_t len = cfuzz_mutator_mutate(&m, src, 32, dst, 64, NULL, 0);
    for (size_t i = 0; i < len; i++)
      CHECK((dst[i] >= ' ' && dst[i] < 0x7f) || (dst[i] >= '\t' && dst[i] <= '\r'));
  }
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

/* CMP with -cmp_difference=1, on a compare of a value computed from a
 * field (an offset plus a length) with another, neither in the input: adding
 * the operands' difference to the field makes them equal, and a narrow field
 * takes a negative difference. Only an integer of the input changes. Without
 * the flag, never. */
static int cmp_difference_hits(const struct cfuzz_cmp_table *t, bool enabled, const uint8_t *input,
                               const uint8_t *want, size_t len) {
  int hits = 0;
  for (uint64_t seed = 1; seed <= 3000; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, t);
    m.cmp_difference = enabled;
    uint8_t buf[64];
    memcpy(buf, input, len);
    apply(&m, "CMP", buf, len, len);
    hits += memcmp(buf, want, len) == 0;
    /* Whatever it did, it changed one integer of at most 8 bytes. */
    size_t first = len, last = 0;
    for (size_t i = 0; i < len; i++)
      if (buf[i] != input[i]) {
        first = first < i ? first : i;
        last = i;
      }
    CHECK(first == len || last - first < 8);
    cfuzz_mutator_free(&m);
  }
  return hits;
}

static void test_cmp_difference(void) {
  static struct cfuzz_cmp_table t, n;
  /* computed 148 (the field 100, big endian at 4, plus 48) against 200 */
  cfuzz_cmp_table_add_int(&t, 7, 148, 200, 8);
  const uint8_t in[40] = {'h', 'd', 'r', '!', 0, 0, 0, 100}, want[40] = {'h', 'd', 'r', '!', 0, 0, 0, 152};
  CHECK(cmp_difference_hits(&t, true, in, want, 40) > 0);
  CHECK(cmp_difference_hits(&t, false, in, want, 40) == 0);
  /* 32-bit compare 300 against 295: a one-byte field of 10 becomes 5 */
  cfuzz_cmp_table_add_int(&n, 7, 300, 295, 4);
  const uint8_t narrow_in[16] = {10}, narrow_want[16] = {5};
  CHECK(cmp_difference_hits(&n, true, narrow_in, narrow_want, 16) > 0);
  CHECK(cmp_difference_hits(&n, false, narrow_in, narrow_want, 16) == 0);
}

static double load_double(const uint8_t *p, bool big_endian) {
  uint8_t b[8];
  for (int i = 0; i < 8; i++)
    b[i] = big_endian ? p[7 - i] : p[i];
  double d;
  memcpy(&d, b, 8);
  return d;
}

/* Float compares: the compared value found in the input as a little- or
 * big-endian double or as text becomes a value at or next to the other
 * operand, in the same encoding. */
static void test_float(void) {
  static struct cfuzz_cmp_table t;
  cfuzz_cmp_table_add_float(&t, 1, 2.718281, 0.25, 8);
  double before = 0.25;
  int le_hits = 0, be_hits = 0, text_hits = 0, whole_hits = 0;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, &t);
    uint8_t buf[64] = "ab";
    memcpy(buf + 2, &before, 8);
    CHECK(apply(&m, "CMPFloat", buf, 10, 64) == 10);
    double d = load_double(buf + 2, false);
    le_hits += d >= 2.7182809 && d <= 2.7182811;
    for (int i = 0; i < 8; i++)
      buf[2 + i] = ((const uint8_t *)&before)[7 - i];
    CHECK(apply(&m, "CMPFloat", buf, 10, 64) == 10);
    d = load_double(buf + 2, true);
    be_hits += d >= 2.7182809 && d <= 2.7182811;
    memcpy(buf, "x=0.25;", 7);
    size_t len = apply(&m, "CMPFloat", buf, 7, 64);
    buf[len] = 0;
    text_hits += strncmp((char *)buf, "x=2.71828", 9) == 0 && buf[len - 1] == ';';
    /* Only whole numbers count: ".25" inside "1.25" is not 0.25. */
    memcpy(buf, "n=1.25,0.25;", 12);
    len = apply(&m, "CMPFloat", buf, 12, 64);
    buf[len] = 0;
    CHECK(strncmp((char *)buf, "n=1.25,", 7) == 0);
    whole_hits += strncmp((char *)buf, "n=1.25,2.71828", 14) == 0 && buf[len - 1] == ';';
    cfuzz_mutator_free(&m);
  }
  CHECK(whole_hits >= 30);
  CHECK(le_hits >= 30);
  CHECK(be_hits >= 30);
  CHECK(text_hits >= 30);
  /* 2.718281 < d && d < 2.718282 from the exact constant: a strict
   * neighbour appears among the variants. */
  int strictly_above = 0;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, &t);
    uint8_t buf[8];
    memcpy(buf, &before, 8);
    apply(&m, "CMPFloat", buf, 8, 8);
    double d = load_double(buf, false);
    strictly_above += d > 2.718281 && d < 2.718282;
    cfuzz_mutator_free(&m);
  }
  CHECK(strictly_above > 0);
}

static bool is_number_char(uint8_t c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e'; }

/* The decimal scan goes sixteen bytes at a time where it can: a number is
 * found at every offset of a longer input, and a number that started in the
 * block before (here "10.25" across a block boundary) is never taken for
 * the compared one (0.25) from its second character. */
static void test_float_text_offsets(void) {
  static struct cfuzz_cmp_table t;
  cfuzz_cmp_table_add_float(&t, 1, 2.718281, 0.25, 8);
  int found = 0;
  for (size_t at = 0; at <= 60; at++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, at + 1, &t);
    uint8_t buf[128];
    memset(buf, 'x', 64);
    memcpy(buf + at, "0.25", 4);
    size_t len = apply(&m, "CMPFloat", buf, 64, sizeof buf);
    size_t tail = 64 - at - 4, end = len - tail, k = at;
    while (k < end && is_number_char(buf[k]))
      k++;
    bool prefix_kept = true, tail_kept = true;
    for (size_t i = 0; i < at; i++)
      prefix_kept &= buf[i] == 'x';
    for (size_t i = end; i < len; i++)
      tail_kept &= buf[i] == 'x';
    found += prefix_kept && tail_kept && k == end && end > at && memcmp(buf + at, "0.25", 4) != 0;
    cfuzz_mutator_free(&m);
  }
  CHECK(found == 61);
  int inside = 0;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, &t);
    uint8_t buf[128];
    memset(buf, 'x', 40);
    memcpy(buf + 15, "10.25", 5);
    size_t len = apply(&m, "CMPFloat", buf, 40, sizeof buf);
    buf[len] = 0;
    /* Replaced from "0.25" on: "1", number text not ending in "0.25" (an
     * insertion before it), then the 20 x's. */
    size_t k = 16;
    while (k < len && is_number_char(buf[k]))
      k++;
    bool rest_x = len - k == 20;
    for (size_t i = k; i < len; i++)
      rest_x &= buf[i] == 'x';
    inside += buf[15] == '1' && k > 16 && rest_x && memcmp(buf + k - 4, "0.25", 4) != 0;
    cfuzz_mutator_free(&m);
  }
  CHECK(inside == 0);
}

/* Integer compares: byte-swapped operands are found and answered in the
 * same order; neighbours (+-1) are written sometimes. */
static void test_int_variants(void) {
  static struct cfuzz_cmp_table t;
  cfuzz_cmp_table_add_int(&t, 5, 0x41424344, 0x61626364, 4);
  int exact = 0, neighbour = 0;
  for (uint64_t seed = 1; seed <= 60; seed++) {
    struct cfuzz_rng rng;
    struct cfuzz_mutator m;
    init(&m, &rng, seed, &t);
    uint8_t buf[8] = {'x', 'x', 0x41, 0x42, 0x43, 0x44, 'y', 'y'};
    apply(&m, "CMP", buf, 8, 8);
    exact += memcmp(buf, "xxabcdyy", 8) == 0;
    neighbour += memcmp(buf, "xxabceyy", 8) == 0 || memcmp(buf, "xxabccyy", 8) == 0;
    cfuzz_mutator_free(&m);
  }
  CHECK(exact >= 20);
  CHECK(neighbour >= 5);
}

static void test_dict_parse(void) {
  struct cfuzz_dict d;
  cfuzz_dict_init(&d, 0);
  char err[128];
  const char *ok = "# comment\n"
                   "\n"
                   "  kw1=\"IHDR\"\n"
                   "\"plain\"\n"
                   "afl_level@3=\"\\x00\\xffA\\\\\\\"\"  \r\n"
                   "kw1=\"IHDR\"\n";
  CHECK(cfuzz_dict_parse(&d, ok, strlen(ok), err, sizeof err) == 0);
  CHECK(d.n == 3);
  CHECK(d.words[0].len == 4 && memcmp(d.words[0].bytes, "IHDR", 4) == 0);
  CHECK(d.words[1].len == 5 && memcmp(d.words[1].bytes, "plain", 5) == 0);
  CHECK(d.words[2].len == 5 && memcmp(d.words[2].bytes, "\x00\xff" "A\\\"", 5) == 0);
  struct {
    const char *text;
    size_t line;
    const char *message;
  } bad[] = {
      {"\"ok\"\nnoquote\n", 2, "expected"},
      {"\"unterminated\n", 1, "unterminated"},
      {"\"a\"\n\n\"\\q\"\n", 3, "unknown escape"},
      {"\"\\x4\"\n", 1, "hex digits"},
      {"\"a\" trailing\n", 1, "after the closing"},
      {"\"\"\n", 1, "empty value"},
      {"bad name=\"x\"\n", 1, "expected"},
      {"\"0123456789012345678901234567890123456789012345678901234567890123456789\"", 1, "longer than 64"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    err[0] = 0;
    size_t line = cfuzz_dict_parse(&d, bad[i].text, strlen(bad[i].text), err, sizeof err);
    CHECK(line == bad[i].line);
    CHECK_STR_CONTAINS(err, bad[i].message);
  }
  cfuzz_dict_free(&d);
}

/* Dictionary mutations write a word; credit puts the words that helped in
 * the automatic dictionary, which the recommended dictionary prints. */
static void test_dict_credit(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  static struct cfuzz_cmp_table t;
  init(&m, &rng, 21, &t);
  uint8_t buf[32] = "0123456789";
  size_t len = apply(&m, "ManualDict", buf, 10, 32);
  CHECK(len == 10 || len == 17);
  CHECK(memmem(buf, len, "keyword", 7) != NULL);
  CHECK(m.manual_dict.words[0].uses == 1);
  cfuzz_mutator_credit(&m, true);
  CHECK(m.manual_dict.words[0].useful == 1);
  CHECK(cfuzz_dict_find(&m.auto_dict, (const uint8_t *)"keyword", 7) == NULL); /* manual words stay out */
  /* An operand the input got from a compare: into the auto dictionary. */
  cfuzz_cmp_table_add_str(&t, 9, "MAGICWORD", 9);
  m.sequence_len = m.n_words = 0;
  apply(&m, "CMPStrInsert", buf, len, 32);
  cfuzz_mutator_credit(&m, true);
  CHECK(cfuzz_dict_find(&m.auto_dict, (const uint8_t *)"MAGICWORD", 9) != NULL);
  char ms[256];
  cfuzz_mutator_format_sequence(&m, ms, sizeof ms);
  CHECK_STR_CONTAINS(ms, "CMPStrInsert-");
  CHECK_STR_CONTAINS(ms, "DE: \"MAGICWORD\"-");
  char *text = NULL;
  size_t text_len = 0;
  FILE *out = open_memstream(&text, &text_len);
  cfuzz_mutator_print_recommended_dict(&m, out);
  fclose(out);
  CHECK_STR_CONTAINS(text, "###### Recommended dictionary. ######\n");
  CHECK_STR_CONTAINS(text, "\"MAGICWORD\" # Uses: ");
  CHECK_STR_CONTAINS(text, "\"\\x01\\x02\" # Uses: ");
  CHECK_STR_CONTAINS(text, "###### End of recommended dictionary. ######\n");
  free(text);
  cfuzz_mutator_free(&m);
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
  cfuzz_mutator_credit(&m, true);
  CHECK(m.stats[m.sequence[0]].useful > useful);
  /* -print_mutation_stats: one line per table entry, with the credit. */
  char *text = NULL;
  size_t text_len = 0;
  FILE *out = open_memstream(&text, &text_len);
  cfuzz_mutator_print_stats(&m, out);
  fclose(out);
  int lines = 0;
  for (size_t i = 0; i < text_len; i++)
    lines += text[i] == '\n';
  CHECK(lines == (int)cfuzz_mutation_count + 1);
  char expect[96];
  /* Name, uses and useful; then the adaptive columns. */
  snprintf(expect, sizeof expect, "stat::mutation: %-22s %llu %llu ", cfuzz_mutation_table[m.sequence[0]].name,
           (unsigned long long)m.stats[m.sequence[0]].uses, (unsigned long long)m.stats[m.sequence[0]].useful);
  CHECK_STR_CONTAINS(text, expect);
  free(text);
  /* A short buffer truncates the line but terminates it. */
  char tiny[6];
  cfuzz_mutator_format_sequence(&m, tiny, sizeof tiny);
  CHECK(strlen(tiny) < sizeof tiny);
}

/* Adaptive weights: a mutation that, applied last, made new-feature inputs
 * more often gets picked more, within bounds; without enough successes the
 * table's weights stay. */
static void test_adapt(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 5, &table);
  int good = cfuzz_mutation_index("CopyPart"), bad = cfuzz_mutation_index("ChangeByte"),
      bit = cfuzz_mutation_index("ChangeBit");
  /* Credit: only a new entry, and only its last mutation. */
  m.sequence_len = 2;
  m.sequence[0] = (uint8_t)bad;
  m.sequence[1] = (uint8_t)good;
  cfuzz_mutator_credit(&m, false);
  CHECK(m.adaptation->new_as_last[good] == 0);
  cfuzz_mutator_credit(&m, true);
  CHECK(m.adaptation->new_as_last[good] == 1 && m.adaptation->new_as_last[bad] == 0);
  /* Off (the default): nothing moves, however clear the rates. */
  m.stats[good].uses = m.stats[bad].uses = 1000;
  m.adaptation->new_as_last[good] = 100;
  cfuzz_mutator_adapt(&m);
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    CHECK(m.weights[i] == cfuzz_mutation_table[i].weight);
  m.adaptation->new_as_last[good] = 0;
  m.stats[good].uses = m.stats[bad].uses = 0;
  m.adaptive = true;
  /* Too few successes: weights in the table's proportions. */
  m.stats[good].uses = 1000;
  m.adaptation->new_as_last[good] = 2;
  cfuzz_mutator_adapt(&m);
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    CHECK(m.weights[i] == cfuzz_mutation_table[i].weight);
  /* Every mutation 10,000 uses; CopyPart 4x the usual success rate,
   * ChangeByte a tenth of it. */
  for (size_t i = 0; i < cfuzz_mutation_count; i++) {
    m.stats[i].uses += 10000;
    m.adaptation->new_as_last[i] += 50;
  }
  m.adaptation->new_as_last[good] += 150;
  m.adaptation->new_as_last[bad] -= 45;
  cfuzz_mutator_adapt(&m);
  uint64_t total = 0;
  for (size_t i = 0; i < cfuzz_mutation_count; i++) {
    CHECK((m.weights[i] == 0) == (cfuzz_mutation_table[i].weight == 0));
    total += m.weights[i];
  }
  CHECK(total == m.total_weight && total <= CFUZZ_PICK_SLOTS);
  CHECK(m.weights[good] > 2 * m.weights[bit]);
  CHECK(m.weights[good] <= 4 * m.weights[bit]); /* bounded: at most 3x, with rounding */
  CHECK(m.weights[bad] < m.weights[bit]);
  /* The pick tables follow: over many steps CopyPart is applied more often
   * than ChangeBit, which is applied more often than ChangeByte. */
  uint64_t before[CFUZZ_MAX_MUTATIONS];
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    before[i] = m.stats[i].uses;
  uint8_t buf[64] = "some input of a fair length";
  for (int i = 0; i < 20000; i++) {
    cfuzz_mutator_start(&m, (const uint8_t *)"some input of a fair length", 27, buf, 64);
    cfuzz_mutator_step(&m, buf, 27, 64);
  }
  uint64_t good_n = m.stats[good].uses - before[good], bit_n = m.stats[bit].uses - before[bit],
           bad_n = m.stats[bad].uses - before[bad];
  CHECK(good_n > 2 * bit_n && bit_n > bad_n);
  cfuzz_mutator_free(&m);
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
  uint8_t m1[64], m2[64], src[13] = "reproducible";
  struct cfuzz_mutator ma, mb;
  init(&ma, &a, 99, &table);
  init(&mb, &b, 99, &table);
  for (int i = 0; i < 100; i++) {
    size_t l1 = cfuzz_mutator_mutate(&ma, src, 12, m1, 64, src, 12);
    size_t l2 = cfuzz_mutator_mutate(&mb, src, 12, m2, 64, src, 12);
    CHECK(l1 == l2 && memcmp(m1, m2, l1) == 0);
  }
}

/* The pick tables leave a mutation out only when it must fail: below its
 * min_len, or without what it needs. Checks each claim against the
 * mutation itself, then that picks honour the claims and leave nothing
 * applicable out. */
static void test_pick_tables(void) {
  static struct cfuzz_cmp_table empty_table;
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  cfuzz_rng_seed(&rng, 7);
  cfuzz_mutator_init(&m, &rng, &(struct cfuzz_mutator_options){.cmp = &empty_table});
  uint8_t buf[64];
  int failures_before = check_failures; /* blame a mutation only for its own failures */
  for (size_t k = 0; k < cfuzz_mutation_count; k++) {
    const struct cfuzz_mutation *mu = &cfuzz_mutation_table[k];
    for (int iter = 0; iter < 200; iter++) {
      for (size_t len = 0; len < mu->min_len; len++) {
        memset(buf, 'x', sizeof buf);
        CHECK(mu->fn(&m, buf, len, 32) == CFUZZ_MUTATION_FAILED);
      }
      if (mu->needs && mu->weight) { /* needs unmet: no partner, empty dicts and table */
        memset(buf, 'x', sizeof buf);
        CHECK(mu->fn(&m, buf, 16, 32) == CFUZZ_MUTATION_FAILED);
      }
    }
    if (check_failures > failures_before) {
      fprintf(stderr, "  mutation %s claims more than it needs\n", mu->name);
      return;
    }
  }
  /* An empty input with nothing available: only mutations that need
   * nothing and apply to no bytes are picked. */
  for (int iter = 0; iter < 2000; iter++) {
    cfuzz_mutator_mutate(&m, buf, 0, buf + 32, 32, NULL, 0);
    const struct cfuzz_mutation *first = &cfuzz_mutation_table[m.sequence[0]];
    CHECK(m.sequence_len >= 1 && first->min_len == 0 && first->needs == 0);
  }
  cfuzz_mutator_free(&m);
  /* Everything available: every enabled mutation gets picked. */
  init(&m, &rng, 9, &table);
  uint64_t picked = 0;
  static const uint8_t src[] = "0123 some input with digits 42 and bytes";
  for (int iter = 0; iter < 20000; iter++) {
    cfuzz_mutator_mutate(&m, src, sizeof src - 1, buf, sizeof buf, m.partner, m.partner_len);
    for (size_t i = 0; i < m.sequence_len; i++)
      picked |= 1ull << m.sequence[i];
  }
  for (size_t k = 0; k < cfuzz_mutation_count; k++)
    if (m.weights[k] && !(picked >> k & 1)) {
      fprintf(stderr, "  mutation %s never picked\n", cfuzz_mutation_table[k].name);
      CHECK(false);
    }
  cfuzz_mutator_free(&m);
}

static int source_calls;
static const uint8_t source_bytes[] = "PPPPPPPP";
static const uint8_t *count_source(void *ctx, size_t *len) {
  source_calls++;
  *len = sizeof source_bytes - 1;
  return ctx ? source_bytes : NULL;
}

/* A call given no partner asks the source once at most, and only when it
 * picks a crossover; a source with none leaves crossover out. */
static void test_partner_source(void) {
  struct cfuzz_rng rng;
  struct cfuzz_mutator m;
  init(&m, &rng, 11, &table);
  cfuzz_mutator_set_partner_source(&m, count_source, (void *)1);
  int k = cfuzz_mutation_index("CrossOver");
  static const uint8_t src[] = "0123456789abcdef";
  uint8_t dst[64];
  int crossovers = 0, asked = 0;
  for (int iter = 0; iter < 4000; iter++) {
    source_calls = 0;
    cfuzz_mutator_mutate(&m, src, 16, dst, sizeof dst, NULL, 0);
    bool crossed = false;
    for (size_t i = 0; i < m.sequence_len; i++)
      crossed |= m.sequence[i] == k;
    /* Asked without a crossover in the end only if it then failed (an
     * earlier mutation of the stack had erased the whole input). */
    CHECK(source_calls <= 1 && (!crossed || source_calls == 1));
    asked += source_calls;
    crossovers += crossed;
  }
  CHECK(crossovers > 40 && asked < crossovers + crossovers / 4);
  /* A source without a partner: crossover fails, another mutation applies. */
  cfuzz_mutator_set_partner_source(&m, count_source, NULL);
  for (int iter = 0; iter < 2000; iter++) {
    size_t len = cfuzz_mutator_mutate(&m, src, 16, dst, sizeof dst, NULL, 0);
    CHECK(len <= sizeof dst && m.sequence_len >= 1);
    for (size_t i = 0; i < m.sequence_len; i++)
      CHECK(m.sequence[i] != k);
  }
  cfuzz_mutator_free(&m);
}

/* Start copies the parent and clears the sequence; each step stacks
 * exactly one mutation on the input, within the capacity, the same under
 * the same seed. */
static void test_steps(void) {
  static const uint8_t src[] = "0123 some input with digits 42";
  uint8_t a[48], b[48];
  for (uint64_t seed = 1; seed <= 50; seed++) {
    struct cfuzz_rng ra, rb;
    struct cfuzz_mutator ma, mb;
    init(&ma, &ra, seed, &table);
    init(&mb, &rb, seed, &table);
    size_t la = cfuzz_mutator_start(&ma, src, sizeof src - 1, a, sizeof a);
    size_t lb = cfuzz_mutator_start(&mb, src, sizeof src - 1, b, sizeof b);
    CHECK(la == sizeof src - 1 && memcmp(a, src, la) == 0 && ma.sequence_len == 0);
    for (size_t k = 1; k <= 8; k++) {
      la = cfuzz_mutator_step(&ma, a, la, sizeof a);
      lb = cfuzz_mutator_step(&mb, b, lb, sizeof b);
      CHECK(ma.sequence_len == k && la <= sizeof a);
      CHECK(la == lb && memcmp(a, b, la) == 0);
    }
    cfuzz_mutator_free(&ma);
    cfuzz_mutator_free(&mb);
  }
}

/* A turn: step 0 always starts from the parent; about half of the later
 * steps start again (one mutation on the parent), the others stack one more;
 * the same seed gives the same inputs. */
static void test_turn_steps(void) {
  static const uint8_t parent[] = "0123 some input with digits 42";
  const size_t depth = 5, turns = 2000;
  size_t restarts = 0, later = 0;
  struct cfuzz_rng ra, rb;
  struct cfuzz_mutator ma, mb;
  init(&ma, &ra, 7, &table);
  init(&mb, &rb, 7, &table);
  uint8_t a[64], b[64];
  size_t la = 0, lb = 0;
  for (size_t t = 0; t < turns; t++) {
    for (size_t step = 0; step < depth; step++) {
      size_t before = ma.sequence_len;
      la = cfuzz_mutator_turn_step(&ma, step, parent, sizeof parent - 1, a, la, sizeof a);
      lb = cfuzz_mutator_turn_step(&mb, step, parent, sizeof parent - 1, b, lb, sizeof b);
      CHECK(la == lb && memcmp(a, b, la) == 0 && la <= sizeof a);
      if (step == 0) {
        CHECK(ma.sequence_len == 1);
        continue;
      }
      CHECK(ma.sequence_len == 1 || ma.sequence_len == before + 1);
      later++;
      restarts += ma.sequence_len == 1;
    }
  }
  /* 8,000 fair coin flips: 0.45..0.55 holds but for a 1e-19 chance. */
  CHECK(restarts * 100 >= later * 45 && restarts * 100 <= later * 55);
  cfuzz_mutator_free(&ma);
  cfuzz_mutator_free(&mb);
}

int main(void) {
  fill_table();
  test_bounds();
  test_determinism_and_effect();
  test_byte_mutations();
  test_libfuzzer_set();
  test_repeated_bytes();
  test_bin_int_lengths();
  test_copy_part_geometry();
  test_only_ascii();
  test_guided();
  test_cmp_difference();
  test_float();
  test_float_text_offsets();
  test_int_variants();
  test_dict_parse();
  test_dict_credit();
  test_sequence();
  test_adapt();
  test_rng();
  test_pick_tables();
  test_partner_source();
  test_steps();
  test_turn_steps();
  return check_finish("mutate");
}
