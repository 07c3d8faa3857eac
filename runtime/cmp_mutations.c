/* cmp_mutations.c - comparison-guided mutations: they copy operands that
 * the instrumentation recorded (cmp_table.h) into the input. Replacing one
 * operand of an integer comparison by the other where it occurs in the
 * input is libFuzzer's TORC ("table of recent compares"), also known as
 * input-to-state replacement. */
#include <string.h>

#include "mutation_util.h"
#include "mutations.h"

/* Picks a random non-empty table slot, scanning from a random start. */
static const struct cfuzz_cmp_int *pick_int(struct cfuzz_mutator *m) {
  size_t start = mu_below(m, CFUZZ_CMP_INT_ENTRIES);
  for (size_t k = 0; k < CFUZZ_CMP_INT_ENTRIES; k++) {
    const struct cfuzz_cmp_int *e = &m->cmp->ints[(start + k) % CFUZZ_CMP_INT_ENTRIES];
    if (e->size)
      return e;
  }
  return NULL;
}

static const struct cfuzz_cmp_str *pick_str(struct cfuzz_mutator *m) {
  size_t start = mu_below(m, CFUZZ_CMP_STR_ENTRIES);
  for (size_t k = 0; k < CFUZZ_CMP_STR_ENTRIES; k++) {
    const struct cfuzz_cmp_str *e = &m->cmp->strs[(start + k) % CFUZZ_CMP_STR_ENTRIES];
    if (e->len)
      return e;
  }
  return NULL;
}

/* Where one operand of a recorded comparison appears in the input (little
 * endian, at its width), write the other; if it appears nowhere, write one
 * of them at a random position. */
size_t cfuzz_mutation_cmp_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_int *e = pick_int(m);
  if (!e || e->size > len)
    return CFUZZ_MUTATION_FAILED;
  size_t size = e->size;
  uint64_t a = e->arg1 & mu_mask(size), b = e->arg2 & mu_mask(size);
  size_t positions = len - size + 1, start = mu_below(m, positions);
  for (size_t k = 0; k < positions; k++) {
    size_t at = (start + k) % positions;
    uint64_t v = mu_load_le(buf + at, size);
    if (v == a || v == b) {
      mu_store_le(buf + at, v == a ? b : a, size);
      return len;
    }
  }
  mu_store_le(buf + start, mu_below(m, 2) ? a : b, size);
  return len;
}

/* Writes a recorded string operand over the input, mostly at the start:
 * magic strings are usually headers. */
size_t cfuzz_mutation_cmp_str_overwrite(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_str *s = pick_str(m);
  if (!s || s->len > cap)
    return CFUZZ_MUTATION_FAILED;
  size_t room = len >= s->len ? len - s->len : 0;
  size_t at = mu_below(m, 4) == 0 ? 0 : mu_below(m, room + 1);
  memcpy(buf + at, s->bytes, s->len);
  return at + s->len > len ? at + s->len : len;
}

size_t cfuzz_mutation_cmp_str_insert(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (!m->cmp)
    return CFUZZ_MUTATION_FAILED;
  const struct cfuzz_cmp_str *s = pick_str(m);
  if (!s || len >= cap)
    return CFUZZ_MUTATION_FAILED;
  return mu_insert(m, buf, len, cap, s->bytes, s->len);
}
