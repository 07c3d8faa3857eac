/* mutation_util.h - small helpers shared by the mutation files
 * (mutations.c, cmp_mutations.c): positions, byte insertion, integer
 * encodings. Internal to the mutation engine. */
#ifndef CFUZZ_MUTATION_UTIL_H
#define CFUZZ_MUTATION_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mutate.h"
#include "rng.h"

/* How far into the input the length-writing mutations look for a length
 * field: headers, where formats declare their sizes, sit near the start. */
#define LENGTH_FIELD_REACH 64

static inline size_t mu_below(struct cfuzz_mutator *m, size_t bound) {
  return (size_t)cfuzz_rng_below(m->rng, bound);
}

/* Inserts n bytes (clipped to the room left) at `at`; returns the new length. */
static inline size_t mu_insert_at(uint8_t *buf, size_t len, size_t cap, size_t at, const uint8_t *bytes,
                                  size_t n) {
  if (n > cap - len)
    n = cap - len;
  memmove(buf + at + n, buf + at, len - at);
  memcpy(buf + at, bytes, n);
  return len + n;
}

/* Inserts at a random position. */
static inline size_t mu_insert(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap,
                               const uint8_t *bytes, size_t n) {
  size_t at = mu_below(m, len + 1);
  return mu_insert_at(buf, len, cap, at, bytes, n);
}

static inline void mu_store_le(uint8_t *p, uint64_t v, size_t size) {
  for (size_t i = 0; i < size; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

static inline uint64_t mu_load_le(const uint8_t *p, size_t size) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* One load for the usual widths: comparison-guided mutations call this at
   * every offset of the input. */
  switch (size) {
  case 1:
    return p[0];
  case 2: {
    uint16_t x;
    memcpy(&x, p, 2);
    return x;
  }
  case 4: {
    uint32_t x;
    memcpy(&x, p, 4);
    return x;
  }
  case 8: {
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
  }
  }
#endif
  uint64_t v = 0;
  for (size_t i = 0; i < size; i++)
    v |= (uint64_t)p[i] << (8 * i);
  return v;
}

/* The value's low `size` bytes in the opposite byte order. */
static inline uint64_t mu_bswap(uint64_t v, size_t size) {
  return __builtin_bswap64(v) >> (64 - 8 * size);
}

static inline uint64_t mu_mask(size_t size) { return size >= 8 ? ~0ull : (1ull << (8 * size)) - 1; }

/* An integer field of the input: `size` bytes (1, 2, 4 or 8) at `at`, read
 * little-endian or, with `swap`, big-endian. */
struct mu_int_field {
  uint8_t *at;
  size_t size;
  bool swap;
};

/* Picks a random field of 1, 2, 4 or 8 bytes (fewer if the input is
 * shorter) and a random byte order; with `header_half`, half of the time
 * within the first LENGTH_FIELD_REACH bytes. False for an empty input. */
static inline bool mu_pick_int_field(struct cfuzz_mutator *m, uint8_t *buf, size_t len, bool header_half,
                                     struct mu_int_field *f) {
  size_t size = (size_t)1 << mu_below(m, 4);
  while (size > len)
    size /= 2;
  if (size == 0)
    return false;
  size_t positions = len - size + 1;
  if (header_half && positions > LENGTH_FIELD_REACH && mu_below(m, 2))
    positions = LENGTH_FIELD_REACH;
  f->at = buf + mu_below(m, positions);
  f->size = size;
  f->swap = mu_below(m, 2);
  return true;
}

/* The field's bytes as stored (raw) and the value they hold. */
static inline uint64_t mu_field_raw(const struct mu_int_field *f) { return mu_load_le(f->at, f->size); }
static inline uint64_t mu_field_value(const struct mu_int_field *f) {
  uint64_t raw = mu_field_raw(f);
  return f->swap ? mu_bswap(raw, f->size) : raw;
}

/* The bytes that store `value` (cut to the field's width) in the field. */
static inline uint64_t mu_field_encode(const struct mu_int_field *f, uint64_t value) {
  value &= mu_mask(f->size);
  return f->swap ? mu_bswap(value, f->size) : value;
}

#endif
