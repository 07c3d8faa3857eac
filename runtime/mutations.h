/* mutations.h - the mutation functions the table in mutations.c lists
 * (internal to the mutation engine; see mutate.h for the contract: mutate
 * in place within cap, or return CFUZZ_MUTATION_FAILED and leave the input
 * alone). */
#ifndef CFUZZ_MUTATIONS_H
#define CFUZZ_MUTATIONS_H

#include "mutate.h"

/* Byte-level (mutations.c). */
size_t cfuzz_mutation_erase_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_insert_byte(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_change_byte(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_change_bit(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_insert_repeated_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_shuffle_bytes(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_change_ascii_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_change_bin_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_copy_part(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_cross_over(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* Comparison-guided (cmp_mutations.c). */
size_t cfuzz_mutation_cmp_int(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_cmp_str_overwrite(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_cmp_str_insert(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_cmp_float(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* Dictionaries (dict_mutations.c). */
size_t cfuzz_mutation_manual_dict(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_auto_dict(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* The user's (custom_mutator.c). */
size_t cfuzz_mutation_custom(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
size_t cfuzz_mutation_custom_cross_over(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);
bool cfuzz_custom_mutator_defined(void);
bool cfuzz_custom_cross_over_defined(void);
void cfuzz_custom_mutators_bind(struct cfuzz_mutator *m);

#endif
