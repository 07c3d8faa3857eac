/* cmp_mutations.c - comparison-guided mutations (input-to-state): they
 * copy operands that the instrumentation recorded (cmp_table.h) into the
 * input. Where one operand of a comparison occurs in the input, in one of
 * the encodings a program reads numbers in, the other operand is written
 * there in the same encoding - libFuzzer's TORC ("table of recent
 * compares"), RedQueen's input-to-state. The written bytes are noted as a
 * word, so that the ones that help go into the automatic dictionary. */
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "mutation_util.h"
#include "mutations.h"

/* Picks a random non-empty slot, scanning from a random start. */
#define PICK(m, array, n, field)                                                                             \
  do {                                                                                                       \
    size_t start_ = mu_below(m, n);                                                                          \
    for (size_t k_ = 0; k_ < n; k_++)                                                                        \
      if ((array)[(start_ + k_) % n].field)                                                                  \
        return &(array)[(start_ + k_) % n];                                                                  \
    return NULL;                                                                                             \
  } while (0)

static const struct cfuzz_cmp_int *pick_int(struct cfuzz_mutator *m) {
  PICK(m, m->cmp->ints, CFUZZ_CMP_INT_ENTRIES, size);
}

/* A random filled slot: the first set bit at or after a random start. */
static const struct cfuzz_cmp_str *pick_str(struct cfuzz_mutator *m) {
  _Static_assert(CFUZZ_CMP_STR_ENTRIES == 64, "strs_filled is one 64-bit word");
  uint64_t filled = m->cmp->strs_filled;
  if (!filled)
    return NULL;
  unsigned start = (unsigned)mu_below(m, 64);
  uint64_t rotated = start ? (filled >> start) | (filled << (64 - start)) : filled;
  return &m->cmp->strs[(start + (unsigned)__builtin_ctzll(rotated)) % 64];
}

static const struct cfuzz_cmp_float *pick_float(struct cfuzz_mutator *m) {
  PICK(m, m->cmp->floats, CFUZZ_CMP_FLOAT_ENTRIES, size);
}

/* The value to write for operand y: itself most of the time, else y + 1 or
 * y - 1 (for "<" and ">" against a constant). */
static uint64_t int_variant(struct cfuzz_mutator *m, uint64_t y) {
  switch (mu_below(m, 4)) {
  case 2: return y + 1;
  case 3: return y - 1;
  default: return y;
  }
}

/* The first offset in [from, to) where `size` bytes, read little-endian,
 * equal one of want[0..3], or `to`. */
static inline __attribute__((always_inline)) size_t find_word_sized(const uint8_t *buf, size_t from, size_t to,
                                                                    size_t size, const uint64_t want[4]) {
  for (size_t at = from; at < to; at++) {
    uint64_t v = mu_load_le(buf + at, size);
    if (v == want[0] || v == want[1] || v == want[2] || v == want[3])
      return at;
  }
  return to;
}

/* find_word_sized with the width a constant in each loop: with it a
 * variable, the load's switch ran at every offset, and these scans cover
 * the whole input whenever neither operand occurs (most of the time). */
static size_t find_word(const uint8_t *buf, size_t from, size_t to, size_t size, const uint64_t want[4]) {
  switch (size) {
  case 1: return find_word_sized(buf, from, to, 1, want);
  case 2: return find_word_sized(buf, from, to, 2, want);
  case 4: return find_word_sized(buf, from, to, 4, want);
  case 8: return find_word_sized(buf, from, to, 8, want);
  default: return find_word_sized(buf, from, to, size, want);
  }
}

/* The first of `positions` offsets, in the order start, start + 1, ...,
 * wrapping to 0, where one of want occurs; `positions` if none. */
static size_t find_word_from(const uint8_t *buf, size_t positions, size_t start, size_t size,
                             const uint64_t want[4]) {
  size_t at = find_word(buf, start, positions, size, want);
  if (at < positions)
    return at;
  at = find_word(buf, 0, start, size, want);
  return at < start ? at : positions;
}

/* For a compare neither of whose operands is in the input: the compared
 * value is computed from it (an offset plus a length checked against the
 * input's size, a sum of table sizes against what a decoder produced). When
 * it follows a field of the input one for one, as offsets and lengths do,
 * adding the operands' difference to that field makes them equal. The field
 * is a random 1-, 2-, 4- or 8-byte integer in either byte order, half of
 * the time in the header (LENGTH_FIELD_REACH); the difference is added or
 * taken away (which operand the input drives is unknown), sometimes one more
 * or less (for "<" and ">"). Returns CFUZZ_MUTATION_FAILED, with the input
 * unchanged, when the step changes nothing. */
static size_t add_difference(struct cfuzz_mutator *m, const struct cfuzz_cmp_int *e, uint8_t *buf, size_t len) {
  /* The difference at the compare's width, sign-extended: a field narrower
   * than the compare still takes a small negative step. */
  unsigned shift = 64u - 8u * e->size;
  int64_t difference = (int64_t)((e->arg2 - e->arg1) << shift) >> shift;
  uint64_t step = int_variant(m, (uint64_t)difference);
  if (mu_below(m, 2))
    step = -step;
  struct mu_int_field f;
  if (!mu_pick_int_field(m, buf, len, true, &f))
    return CFUZZ_MUTATION_FAILED;
  uint64_t old = mu_field_raw(&f), v = mu_field_encode(&f, mu_field_value(&f) + step);
  if (v == old) /* a step of 0, or of a multiple of 2^(8 * size) */
    return CFUZZ_MUTATION_FAILED;
  mu_store_le(f.at, v, f.size);
  return len;
}

/* Integer compares, switch cases: one operand found in the input (at its
 * width, little or big endian) is replaced by the other or a neighbour of
 * it, in the same byte order. If neither occurs, one is written at a random
 * position in a random byte order; or, with -cmp_difference=1, half of the
 * time their difference is added to a field (add_difference). */
size_t cfuzz_mutation_cmp_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_int *e = pick_int(m);
  if (!e)
    return CFUZZ_MUTATION_FAILED;
  size_t size = e->size;
  uint64_t mask = mu_mask(size), a = e->arg1 & mask, b = e->arg2 & mask;
  /* A narrow field compared at a wider type (a uint16_t promoted to int)
   * occupies fewer bytes in the input: half of the time look for it at the
   * smallest width that holds both operands. */
  size_t narrow = 1;
  while (narrow < size && ((a | b) >> (8 * narrow)) != 0)
    narrow *= 2;
  if (narrow < size && (size > len || mu_below(m, 2))) {
    size = narrow;
    mask = mu_mask(size);
  }
  if (size > len)
    return CFUZZ_MUTATION_FAILED;
  size_t positions = len - size + 1, start = mu_below(m, positions);
  bool big_endian = false;
  uint64_t other = 0;
  /* Swapped once here, not per position. A single byte has one order. */
  uint64_t swapped_a = size > 1 ? mu_bswap(a, size) : a, swapped_b = size > 1 ? mu_bswap(b, size) : b;
  const uint64_t want[4] = {a, b, swapped_a, swapped_b};
  size_t at = find_word_from(buf, positions, start, size, want);
  bool found = at < positions;
  if (found) {
    uint64_t v = mu_load_le(buf + at, size);
    if (v == a || v == b) {
      other = v == a ? b : a;
    } else {
      big_endian = true;
      other = v == swapped_a ? b : a;
    }
  } else {
    /* -cmp_difference=1, off by default: it helped woff2 and cost libpng
     * (benchmarks.md, "Afternoon of 5 December"). */
    if (m->cmp_difference && mu_below(m, 2) && add_difference(m, e, buf, len) != CFUZZ_MUTATION_FAILED)
      return len;
    at = start;
    other = mu_below(m, 2) ? a : b;
    big_endian = size > 1 && mu_below(m, 4) == 0;
  }
  uint64_t value = int_variant(m, other) & mask;
  mu_store_le(buf + at, big_endian ? mu_bswap(value, size) : value, size);
  cfuzz_mutator_note_word(m, NULL, buf + at, size);
  return len;
}

/* Writes a recorded string operand over the input, mostly at the start
 * (magic strings are usually headers), else where the other operand of its
 * compare... is unknown here, so at a random offset. */
size_t cfuzz_mutation_cmp_str_overwrite(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_str *s = pick_str(m);
  if (!s || s->len > cap)
    return CFUZZ_MUTATION_FAILED;
  size_t room = len >= s->len ? len - s->len : 0;
  size_t at = mu_below(m, 4) == 0 ? 0 : mu_below(m, room + 1);
  memcpy(buf + at, s->bytes, s->len);
  cfuzz_mutator_note_word(m, NULL, s->bytes, s->len);
  return at + s->len > len ? at + s->len : len;
}

size_t cfuzz_mutation_cmp_str_insert(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_str *s = pick_str(m);
  if (!s || len >= cap)
    return CFUZZ_MUTATION_FAILED;
  cfuzz_mutator_note_word(m, NULL, s->bytes, s->len);
  return mu_insert(m, buf, len, cap, s->bytes, s->len);
}

/* The next representable value of the operand's type above (dir > 0) or
 * below v; written out rather than taken from libm, which the runtime does
 * not link. */
static double next_value(double v, int dir, size_t size) {
  if (v != v || v == __builtin_inf() || v == -__builtin_inf())
    return v;
  if (size == 4) {
    float f = (float)v;
    uint32_t u;
    memcpy(&u, &f, 4);
    if (f == 0)
      u = dir > 0 ? 1u : 0x80000001u;
    else
      u = (f > 0) == (dir > 0) ? u + 1 : u - 1;
    memcpy(&f, &u, 4);
    return f;
  }
  uint64_t u;
  memcpy(&u, &v, 8);
  if (v == 0)
    u = dir > 0 ? 1u : 0x8000000000000001ull;
  else
    u = (v > 0) == (dir > 0) ? u + 1 : u - 1;
  memcpy(&v, &u, 8);
  return v;
}

/* Float compares. The value to write for operand y: y itself, or the next
 * representable value above or below it (so that strict "<" and ">" against
 * a constant hold), or the midpoint of both operands. */
static double float_variant(struct cfuzz_mutator *m, double y, double x, size_t size) {
  switch (mu_below(m, 5)) {
  case 0: return y;
  case 1: return next_value(y, 1, size);
  case 2: return next_value(y, -1, size);
  case 3: return x / 2 + y / 2;
  default: return next_value(y, mu_below(m, 2) ? 1 : -1, size);
  }
}

static uint64_t float_bits(double v, size_t size) {
  if (size == 4) {
    float f = (float)v;
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
  }
  uint64_t u;
  memcpy(&u, &v, 8);
  return u;
}

/* A decimal number starting at p (at most 40 characters): its length, 0 if
 * none. Accepts [-+]digits[.digits][e[-+]digits]. */
static size_t number_length(const uint8_t *p, size_t n) {
  size_t i = 0, digits = 0;
  if (n > 40)
    n = 40;
  if (i < n && (p[i] == '-' || p[i] == '+'))
    i++;
  while (i < n && p[i] >= '0' && p[i] <= '9')
    i++, digits++;
  if (i < n && p[i] == '.')
    for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
      digits++;
  if (digits == 0)
    return 0;
  if (i + 1 < n && (p[i] == 'e' || p[i] == 'E')) {
    size_t j = i + 1;
    if (j < n && (p[j] == '-' || p[j] == '+'))
      j++;
    if (j < n && p[j] >= '0' && p[j] <= '9') {
      while (j < n && p[j] >= '0' && p[j] <= '9')
        j++;
      i = j;
    }
  }
  return i;
}

static bool starts_number(uint8_t c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

#if defined(__SSE2__)
/* Bit i set: p[i] passes starts_number. */
static uint32_t number_chars16(const uint8_t *p) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  /* '+' to '9' (unsigned compares by min/max), less ',' and '/'. */
  __m128i in_range = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8('+')), v),
                                   _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('9')), v));
  __m128i excluded = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
  return (uint32_t)_mm_movemask_epi8(_mm_andnot_si128(excluded, in_range));
}
#endif

/* The first offset in [from, to) where a number starts (a number character
 * not right after another), or `to`. Sixteen bytes at a time where it can:
 * byte by byte, this scan cost more than a run of woff2, whose binary
 * inputs are a few hundred bytes with a digit every twenty. */
static size_t next_number_start(const uint8_t *buf, size_t from, size_t to) {
  size_t at = from;
#if defined(__SSE2__)
  for (; at + 16 <= to; at += 16) {
    uint32_t chars = number_chars16(buf + at);
    uint32_t after_char = (chars << 1) | (at > 0 && starts_number(buf[at - 1]));
    uint32_t starts = chars & ~after_char;
    if (starts)
      return at + (size_t)__builtin_ctz(starts);
  }
#endif
  for (; at < to; at++)
    if (starts_number(buf[at]) && !(at > 0 && starts_number(buf[at - 1])))
      return at;
  return to;
}

/* Replaces [at, at + old) by the decimal text of v; CFUZZ_MUTATION_FAILED
 * if it does not fit. */
static size_t write_decimal(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap, size_t at, size_t old,
                            double v, size_t size) {
  char text[40];
  int n = snprintf(text, sizeof text, "%.*g", size == 4 ? 9 : 17, v);
  if (n <= 0 || len - old + (size_t)n > cap)
    return CFUZZ_MUTATION_FAILED;
  memmove(buf + at + n, buf + at + old, len - at - old);
  memcpy(buf + at, text, (size_t)n);
  cfuzz_mutator_note_word(m, NULL, (const uint8_t *)text, (size_t)n);
  return len - old + (size_t)n;
}

/* Float and double compares: finds one operand in the input as a float or
 * double (little or big endian) or as decimal text and writes a value at or
 * next to the other operand in the same encoding; failing that, writes one
 * at a random position in a random encoding. */
size_t cfuzz_mutation_cmp_float(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_float *e = pick_float(m);
  if (!e)
    return CFUZZ_MUTATION_FAILED;
  size_t size = e->size;
  double a = e->arg1, b = e->arg2;
  uint64_t bits_a = float_bits(a, size), bits_b = float_bits(b, size);
  /* Binary encodings. */
  if (len >= size) {
    size_t positions = len - size + 1, start = mu_below(m, positions);
    const uint64_t want[4] = {bits_a, bits_b, mu_bswap(bits_a, size), mu_bswap(bits_b, size)};
    size_t at = find_word_from(buf, positions, start, size, want);
    if (at < positions) {
      uint64_t v = mu_load_le(buf + at, size), swapped = mu_bswap(v, size);
      bool le = v == bits_a || v == bits_b;
      uint64_t seen = le ? v : swapped;
      double x = seen == bits_a ? a : b, y = seen == bits_a ? b : a;
      uint64_t out = float_bits(float_variant(m, y, x, size), size);
      mu_store_le(buf + at, le ? out : mu_bswap(out, size), size);
      cfuzz_mutator_note_word(m, NULL, buf + at, size);
      return len;
    }
  }
  /* Decimal text: from a random offset to the end, then from the start. A
   * number starts with a digit, a sign or a point, and not right after one
   * (then it started earlier). */
  size_t start = len ? mu_below(m, len) : 0;
  for (int pass = 0; pass < 2; pass++) {
    size_t from = pass ? 0 : start, to = pass ? start : len;
    for (size_t at = next_number_start(buf, from, to); at < to; at = next_number_start(buf, at + 1, to)) {
      size_t n = number_length(buf + at, len - at);
      if (n == 0)
        continue;
      char text[41];
      memcpy(text, buf + at, n);
      text[n] = '\0';
      double v = strtod(text, NULL);
      if (size == 4)
        v = (float)v;
      if (v != a && v != b)
        continue;
      double x = v == a ? a : b, y = v == a ? b : a;
      return write_decimal(m, buf, len, cap, at, n, float_variant(m, y, x, size), size);
    }
  }
  /* Neither: somewhere, somehow. */
  double y = float_variant(m, mu_below(m, 2) ? a : b, mu_below(m, 2) ? a : b, size);
  if (len >= size && mu_below(m, 3)) {
    size_t at = mu_below(m, len - size + 1);
    uint64_t out = float_bits(y, size);
    mu_store_le(buf + at, mu_below(m, 4) ? out : mu_bswap(out, size), size);
    cfuzz_mutator_note_word(m, NULL, buf + at, size);
    return len;
  }
  return write_decimal(m, buf, len, cap, mu_below(m, len + 1), 0, y, size);
}
