/* mutations.c - the byte-level mutations (libFuzzer's set) and THE table of
 * all mutations (see mutate.h). */
#include "mutations.h"

#include <string.h>

#include "mutation_util.h"

/* name, function, weight, min_len, needs (mutate.h) */
const struct cfuzz_mutation cfuzz_mutation_table[] = {
    {"EraseBytes", cfuzz_mutation_erase_bytes, 1, 1, 0},
    {"InsertByte", cfuzz_mutation_insert_byte, 1, 0, 0},
    {"InsertRepeatedBytes", cfuzz_mutation_insert_repeated_bytes, 1, 0, 0},
    {"ChangeByte", cfuzz_mutation_change_byte, 1, 1, 0},
    {"ChangeBit", cfuzz_mutation_change_bit, 1, 1, 0},
    {"ShuffleBytes", cfuzz_mutation_shuffle_bytes, 1, 2, 0},
    {"ChangeASCIIInt", cfuzz_mutation_change_ascii_int, 1, 1, 0},
    {"ChangeBinInt", cfuzz_mutation_change_bin_int, 1, 1, 0},
    {"CopyPart", cfuzz_mutation_copy_part, 1, 2, 0},
    {"CrossOver", cfuzz_mutation_cross_over, 1, 0, CFUZZ_NEEDS_PARTNER},
    {"CMP", cfuzz_mutation_cmp_int, 2, 1, CFUZZ_NEEDS_CMP_INT},
    {"CMPStrOverwrite", cfuzz_mutation_cmp_str_overwrite, 1, 0, CFUZZ_NEEDS_CMP_STR},
    {"CMPStrInsert", cfuzz_mutation_cmp_str_insert, 1, 0, CFUZZ_NEEDS_CMP_STR},
    {"CMPFloat", cfuzz_mutation_cmp_float, 1, 0, CFUZZ_NEEDS_CMP_FLOAT},
    {"ManualDict", cfuzz_mutation_manual_dict, 1, 0, CFUZZ_NEEDS_MANUAL_DICT},
    {"PersAutoDict", cfuzz_mutation_auto_dict, 1, 0, CFUZZ_NEEDS_AUTO_DICT},
    /* Weight 0 here: enabled by cfuzz_mutator_init when the program
     * defines LLVMFuzzerCustomMutator / LLVMFuzzerCustomCrossOver. */
    {"Custom", cfuzz_mutation_custom, 0, 0, 0},
    {"CustomCrossOver", cfuzz_mutation_custom_cross_over, 0, 0, CFUZZ_NEEDS_PARTNER},
};
const size_t cfuzz_mutation_count = sizeof cfuzz_mutation_table / sizeof cfuzz_mutation_table[0];

/* Most bytes InsertRepeatedBytes inserts at once (libFuzzer's limit), and
 * in its long runs, one time in LONG_RUN_ODDS. */
#define MAX_REPEATED_BYTES 128
#define MAX_LONG_RUN_BYTES 1024
#define LONG_RUN_ODDS 8

/* Erases 1 to len/2 consecutive bytes (1 byte from short inputs). */
size_t cfuzz_mutation_erase_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (len == 0)
    return CFUZZ_MUTATION_FAILED;
  size_t n = 1 + mu_below(m, len / 2 > 1 ? len / 2 : 1);
  size_t at = mu_below(m, len - n + 1);
  memmove(buf + at, buf + at + n, len - at - n);
  return len - n;
}

size_t cfuzz_mutation_insert_byte(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (len >= cap)
    return CFUZZ_MUTATION_FAILED;
  uint8_t byte = (uint8_t)cfuzz_rng_next(m->rng);
  return mu_insert(m, buf, len, cap, &byte, 1);
}

/* Inserts a run of 3 to 128 equal bytes (one time in LONG_RUN_ODDS, up to
 * 1024): half of the time 0x00 or 0xff, else a random byte. Runs of equal
 * bytes are what length fields, padding and "N repeated" checks
 * (bench/targets/hitcount.c) need. The long runs are for lengths written as
 * a run of 0xff bytes that each add 255 (lz4's match lengths: 256 of them
 * reach the end of a 64 KB block), which two short runs must otherwise
 * meet to make. */
size_t cfuzz_mutation_insert_repeated_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  size_t room = cap - len;
  if (room < 3)
    return CFUZZ_MUTATION_FAILED;
  size_t limit = mu_below(m, LONG_RUN_ODDS) == 0 ? MAX_LONG_RUN_BYTES : MAX_REPEATED_BYTES;
  size_t most = room < limit ? room : limit;
  size_t n = 3 + mu_below(m, most - 2);
  uint8_t byte = mu_below(m, 2) ? (uint8_t)cfuzz_rng_next(m->rng) : mu_below(m, 2) ? 0xff : 0x00;
  size_t at = mu_below(m, len + 1);
  memmove(buf + at + n, buf + at, len - at);
  memset(buf + at, byte, n);
  return len + n;
}

size_t cfuzz_mutation_change_byte(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (len == 0)
    return CFUZZ_MUTATION_FAILED;
  size_t at = mu_below(m, len);
  /* XOR with 1..255: a "change" that writes the same byte is wasted. */
  buf[at] ^= (uint8_t)(1 + mu_below(m, 255));
  return len;
}

size_t cfuzz_mutation_change_bit(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (len == 0)
    return CFUZZ_MUTATION_FAILED;
  size_t at = mu_below(m, len);
  buf[at] ^= (uint8_t)(1u << mu_below(m, 8));
  return len;
}

/* Shuffles up to 8 consecutive bytes (Fisher-Yates). */
size_t cfuzz_mutation_shuffle_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (len < 2)
    return CFUZZ_MUTATION_FAILED;
  size_t n = 2 + mu_below(m, (len < 8 ? len : 8) - 1);
  uint8_t *p = buf + mu_below(m, len - n + 1);
  uint8_t before[8];
  memcpy(before, p, n);
  for (size_t i = n - 1; i > 0; i--) {
    size_t j = mu_below(m, i + 1);
    uint8_t t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  if (memcmp(before, p, n) == 0) {
    /* All equal bytes, or the identity permutation: rotate instead. */
    uint8_t first = p[0];
    memmove(p, p + 1, n - 1);
    p[n - 1] = first;
  }
  return len;
}

/* Finds a run of decimal digits, changes its value (+1, -1, /2, *2, or a
 * random one below it times ten) and writes it back in decimal, possibly
 * longer or shorter. */
static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* v in decimal, without snprintf (it costs more than a small target's run). */
static size_t format_decimal(char *out, uint64_t v) {
  char tmp[20];
  size_t n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  for (size_t i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];
  return n;
}

size_t cfuzz_mutation_change_ascii_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (len == 0)
    return CFUZZ_MUTATION_FAILED;
  /* The first digit at or after a random start, wrapping around (no
   * division per byte: this scan is most of the mutation's cost). */
  size_t start = mu_below(m, len), at = start;
  while (at < len && !is_digit(buf[at]))
    at++;
  if (at == len) {
    for (at = 0; at < start && !is_digit(buf[at]); at++)
      ;
    if (at == start)
      return CFUZZ_MUTATION_FAILED;
  }
  size_t begin = at, end = begin;
  while (begin > 0 && buf[begin - 1] >= '0' && buf[begin - 1] <= '9')
    begin--;
  uint64_t v = 0;
  while (end < len && buf[end] >= '0' && buf[end] <= '9' && end - begin < 19)
    v = v * 10 + (uint64_t)(buf[end++] - '0');
  uint64_t old = v;
  switch (mu_below(m, 5)) {
  case 0: v++; break;
  case 1: v--; break;
  case 2: v /= 2; break;
  case 3: v *= 2; break;
  default: v = cfuzz_rng_below(m->rng, v * 10 + 10); break;
  }
  if (v == old)
    v++;
  char digits[24];
  int n = (int)format_decimal(digits, v);
  size_t old_n = end - begin, new_len = len - old_n + (size_t)n;
  if (new_len > cap)
    return CFUZZ_MUTATION_FAILED;
  memmove(buf + begin + n, buf + end, len - end);
  memcpy(buf + begin, digits, (size_t)n);
  return new_len;
}

/* Adds -10..10 (never 0) to, or negates, an integer of 1, 2, 4 or 8 bytes at
 * a random offset, in a random byte order. Near the start of the input it
 * sometimes writes a length instead (as libFuzzer writes the input's size):
 * the input's size or the number of bytes after the field, so that a length
 * field can be made to cover what follows it. */
size_t cfuzz_mutation_change_bin_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  struct mu_int_field f;
  if (!mu_pick_int_field(m, buf, len, false, &f))
    return CFUZZ_MUTATION_FAILED;
  size_t off = (size_t)(f.at - buf), size = f.size;
  uint64_t orig = mu_field_raw(&f);
  uint64_t v = mu_field_value(&f);
  if (off < LENGTH_FIELD_REACH && mu_below(m, 4) == 0) {
    v = mu_below(m, 2) ? len : len - off - size;
  } else if (mu_below(m, 4) == 0) {
    v = -v;
  } else {
    uint64_t delta = 1 + mu_below(m, 10);
    v = mu_below(m, 2) ? v + delta : v - delta;
  }
  v = mu_field_encode(&f, v);
  if (v == orig)
    v ^= 1; /* 0 and the sign value negate to themselves; a length may be there already */
  mu_store_le(f.at, v, size);
  return len;
}

/* Copies bytes [from, from + n) to `to`, inserting them: the tail moves
 * first, and the part of the source that moved with it is read from its new
 * place. No scratch buffer is needed. */
static size_t insert_own_part(uint8_t *buf, size_t len, size_t from, size_t n, size_t to) {
  memmove(buf + to + n, buf + to, len - to);
  if (from + n <= to) {
    memmove(buf + to, buf + from, n);
  } else if (from >= to) {
    memmove(buf + to, buf + from + n, n);
  } else {
    size_t k = to - from;
    memmove(buf + to, buf + from, k);
    memmove(buf + to + k, buf + to + n, n - k);
  }
  return len + n;
}

/* Copies a part of the input over another part, or inserts a copy. */
size_t cfuzz_mutation_copy_part(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (len < 2)
    return CFUZZ_MUTATION_FAILED;
  if (len < cap && mu_below(m, 2)) {
    size_t room = cap - len;
    size_t n = 1 + mu_below(m, len < room ? len : room);
    size_t from = mu_below(m, len - n + 1), to = mu_below(m, len + 1);
    return insert_own_part(buf, len, from, n, to);
  }
  size_t n = 1 + mu_below(m, len - 1);
  size_t from = mu_below(m, len - n + 1), to = mu_below(m, len - n + 1);
  if (from == to)
    to = (to + 1) % (len - n + 1);
  memmove(buf + to, buf + from, n);
  return len;
}

/* Combines the input with the crossover partner (another corpus entry):
 * overwrites a part of the input with a part of the partner, inserts a part
 * of the partner, or keeps a prefix of the input and appends a suffix of the
 * partner. */
size_t cfuzz_mutation_cross_over(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (cap == 0 || !cfuzz_mutator_partner(m) || m->partner_len == 0)
    return CFUZZ_MUTATION_FAILED;
  const uint8_t *p = m->partner;
  size_t plen = m->partner_len;
  switch (mu_below(m, 3)) {
  case 0: { /* overwrite */
    if (len == 0)
      return CFUZZ_MUTATION_FAILED;
    size_t most = len < plen ? len : plen;
    size_t n = 1 + mu_below(m, most);
    memcpy(buf + mu_below(m, len - n + 1), p + mu_below(m, plen - n + 1), n);
    return len;
  }
  case 1: { /* insert */
    if (len >= cap)
      return CFUZZ_MUTATION_FAILED;
    size_t room = cap - len, most = plen < room ? plen : room;
    size_t n = 1 + mu_below(m, most);
    return mu_insert(m, buf, len, cap, p + mu_below(m, plen - n + 1), n);
  }
  default: { /* prefix of the input, suffix of the partner */
    size_t cut = mu_below(m, len + 1), from = mu_below(m, plen);
    size_t n = plen - from;
    if (n > cap - cut)
      n = cap - cut;
    memcpy(buf + cut, p + from, n);
    return cut + n;
  }
  }
}
