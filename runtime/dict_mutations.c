/* dict_mutations.c - mutations that write dictionary words (the manual -dict
 * one and the persistent automatic one) into the input: over existing bytes
 * or inserted, at a random position. */
#include <string.h>

#include "mutation_util.h"
#include "mutations.h"

static size_t use_word(struct cfuzz_mutator *m, struct cfuzz_dict *d, uint8_t *buf, size_t len, size_t cap) {
  if (d->n == 0)
    return CFUZZ_MUTATION_FAILED;
  struct cfuzz_dict_word *w = &d->words[mu_below(m, d->n)];
  if (w->len > cap)
    return CFUZZ_MUTATION_FAILED;
  size_t result;
  if (len + w->len <= cap && (len < w->len || mu_below(m, 2))) {
    result = mu_insert(m, buf, len, cap, w->bytes, w->len);
  } else if (w->len <= len) {
    size_t at = mu_below(m, len - w->len + 1);
    memcpy(buf + at, w->bytes, w->len);
    result = len;
  } else { /* longer than the input, too long to insert: becomes the input */
    memcpy(buf, w->bytes, w->len);
    result = w->len;
  }
  cfuzz_mutator_note_word(m, w, w->bytes, w->len);
  return result;
}

size_t cfuzz_mutation_manual_dict(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  return use_word(m, &m->manual_dict, buf, len, cap);
}

size_t cfuzz_mutation_auto_dict(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  return use_word(m, &m->auto_dict, buf, len, cap);
}
