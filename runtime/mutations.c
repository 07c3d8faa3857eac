/* mutations.c - the byte-level mutations and THE table of all mutations
 * (see mutate.h). */
#include "mutations.h"

#include <string.h>

#include "mutation_util.h"

const struct cfuzz_mutation cfuzz_mutation_table[] = {
    {"EraseBytes", cfuzz_mutation_erase_bytes, 1},
    {"ChangeByte", cfuzz_mutation_change_byte, 1},
    {"InsertByte", cfuzz_mutation_insert_byte, 1},
    {"ChangeBit", cfuzz_mutation_change_bit, 1},
    {"CMP", cfuzz_mutation_cmp_int, 1},
    {"CMPStrOverwrite", cfuzz_mutation_cmp_str_overwrite, 1},
    {"CMPStrInsert", cfuzz_mutation_cmp_str_insert, 1},
};
const size_t cfuzz_mutation_count = sizeof cfuzz_mutation_table / sizeof cfuzz_mutation_table[0];

size_t cfuzz_mutation_erase_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  (void)cap;
  if (len == 0)
    return CFUZZ_MUTATION_FAILED;
  size_t at = mu_below(m, len);
  memmove(buf + at, buf + at + 1, len - at - 1);
  return len - 1;
}

size_t cfuzz_mutation_insert_byte(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (len >= cap)
    return CFUZZ_MUTATION_FAILED;
  uint8_t byte = (uint8_t)cfuzz_rng_next(m->rng);
  return mu_insert(m, buf, len, cap, &byte, 1);
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
