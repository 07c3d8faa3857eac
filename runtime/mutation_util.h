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

#endif
