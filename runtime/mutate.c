/* mutate.c - input mutations (see mutate.h). Work is proportional to the
 * input length only. */
#include "mutate.h"

#include <string.h>

static size_t remove_byte(struct cfuzz_rng *rng, uint8_t *buf, size_t len) {
  size_t at = cfuzz_rng_below(rng, len);
  memmove(buf + at, buf + at + 1, len - at - 1);
  return len - 1;
}

static size_t insert_bytes(struct cfuzz_rng *rng, uint8_t *buf, size_t len, size_t cap, const uint8_t *bytes,
                           size_t n) {
  if (n > cap - len)
    n = cap - len;
  size_t at = cfuzz_rng_below(rng, len + 1);
  memmove(buf + at + n, buf + at, len - at);
  memcpy(buf + at, bytes, n);
  return len + n;
}

static size_t modify_byte(struct cfuzz_rng *rng, uint8_t *buf, size_t len) {
  size_t at = cfuzz_rng_below(rng, len);
  /* XOR with 1..255: a "modification" that writes the same byte is wasted. */
  buf[at] ^= (uint8_t)(1 + cfuzz_rng_below(rng, 255));
  return len;
}

static void store_le(uint8_t *p, uint64_t v, size_t size) {
  for (size_t i = 0; i < size; i++)
    p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t load_le(const uint8_t *p, size_t size) {
  uint64_t v = 0;
  for (size_t i = 0; i < size; i++)
    v |= (uint64_t)p[i] << (8 * i);
  return v;
}

/* Picks a random non-empty table slot, scanning from a random start. */
static const struct cfuzz_cmp_int *pick_int(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp) {
  size_t start = cfuzz_rng_below(rng, CFUZZ_CMP_INT_ENTRIES);
  for (size_t k = 0; k < CFUZZ_CMP_INT_ENTRIES; k++) {
    const struct cfuzz_cmp_int *e = &cmp->ints[(start + k) % CFUZZ_CMP_INT_ENTRIES];
    if (e->size)
      return e;
  }
  return NULL;
}

static const struct cfuzz_cmp_str *pick_str(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp) {
  size_t start = cfuzz_rng_below(rng, CFUZZ_CMP_STR_ENTRIES);
  for (size_t k = 0; k < CFUZZ_CMP_STR_ENTRIES; k++) {
    const struct cfuzz_cmp_str *e = &cmp->strs[(start + k) % CFUZZ_CMP_STR_ENTRIES];
    if (e->len)
      return e;
  }
  return NULL;
}

/* Where one operand of a recorded comparison appears in the input (little
 * endian, at its width), write the other; if it appears nowhere, write the
 * other operand at a random position. Returns (size_t)-1 if not applicable. */
static size_t replace_int_operand(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp, uint8_t *buf,
                                  size_t len) {
  const struct cfuzz_cmp_int *e = pick_int(rng, cmp);
  if (!e || e->size > len)
    return (size_t)-1;
  size_t size = e->size;
  uint64_t mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
  uint64_t a = e->arg1 & mask, b = e->arg2 & mask;
  size_t positions = len - size + 1, start = cfuzz_rng_below(rng, positions);
  for (size_t k = 0; k < positions; k++) {
    size_t at = (start + k) % positions;
    uint64_t v = load_le(buf + at, size);
    if (v == a || v == b) {
      store_le(buf + at, v == a ? b : a, size);
      return len;
    }
  }
  store_le(buf + start, cfuzz_rng_below(rng, 2) ? a : b, size);
  return len;
}

size_t cfuzz_mutate_one(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp, enum cfuzz_mutation kind,
                        uint8_t *buf, size_t len, size_t cap) {
  if (len > cap)
    len = cap;
  size_t result = (size_t)-1;
  switch (kind) {
  case CFUZZ_MUTATE_REMOVE_BYTE:
    if (len > 0)
      result = remove_byte(rng, buf, len);
    break;
  case CFUZZ_MUTATE_MODIFY_BYTE:
    if (len > 0)
      result = modify_byte(rng, buf, len);
    break;
  case CFUZZ_MUTATE_INSERT_BYTE:
    if (len < cap) {
      uint8_t byte = (uint8_t)cfuzz_rng_next(rng);
      result = insert_bytes(rng, buf, len, cap, &byte, 1);
    }
    break;
  case CFUZZ_MUTATE_FLIP_BIT:
    if (len > 0) {
      buf[cfuzz_rng_below(rng, len)] ^= (uint8_t)(1u << cfuzz_rng_below(rng, 8));
      result = len;
    }
    break;
  case CFUZZ_MUTATE_REPLACE_INT_OPERAND:
    result = replace_int_operand(rng, cmp, buf, len);
    break;
  case CFUZZ_MUTATE_OVERWRITE_STRING: {
    const struct cfuzz_cmp_str *s = pick_str(rng, cmp);
    if (s && s->len <= cap) {
      /* Mostly at the start: magic strings are usually headers. */
      size_t room = len >= s->len ? len - s->len : 0;
      size_t at = cfuzz_rng_below(rng, 4) == 0 ? 0 : cfuzz_rng_below(rng, room + 1);
      memcpy(buf + at, s->bytes, s->len);
      result = at + s->len > len ? at + s->len : len;
    }
    break;
  }
  case CFUZZ_MUTATE_INSERT_STRING: {
    const struct cfuzz_cmp_str *s = pick_str(rng, cmp);
    if (s && len < cap)
      result = insert_bytes(rng, buf, len, cap, s->bytes, s->len);
    break;
  }
  default:
    break;
  }
  if (result != (size_t)-1)
    return result;
  /* Fallback keeps the promise that the input changes when it can. */
  if (len < cap) {
    uint8_t byte = (uint8_t)cfuzz_rng_next(rng);
    return insert_bytes(rng, buf, len, cap, &byte, 1);
  }
  if (len > 0)
    return modify_byte(rng, buf, len);
  return len;
}

size_t cfuzz_mutate(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp, const uint8_t *src,
                    size_t src_len, uint8_t *dst, size_t cap) {
  size_t len = src_len < cap ? src_len : cap;
  memcpy(dst, src, len);
  /* 1 mutation half the time, else 2..4: single steps climb comparisons,
   * stacked ones jump further. */
  size_t count = cfuzz_rng_below(rng, 2) ? 1 : 2 + cfuzz_rng_below(rng, 3);
  for (size_t i = 0; i < count; i++) {
    enum cfuzz_mutation kind = (enum cfuzz_mutation)cfuzz_rng_below(rng, CFUZZ_MUTATION_COUNT);
    len = cfuzz_mutate_one(rng, cmp, kind, dst, len, cap);
  }
  return len;
}
