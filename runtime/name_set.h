/* name_set.h - a set of file-name hashes (64-bit FNV-1a): which corpus
 * files are loaded, which names live entries hold. Open addressing; 0 marks
 * an empty slot, so no name hashes to 0. A hash collision would make a file
 * look known; at 64 bits that is left to chance. */
#ifndef CFUZZ_NAME_SET_H
#define CFUZZ_NAME_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfuzz_name_set {
  uint64_t *slots;
  size_t n, cap; /* cap: 0 or a power of two */
};

uint64_t cfuzz_name_hash(const char *name);
bool cfuzz_name_set_has(const struct cfuzz_name_set *set, uint64_t h);
/* Returns false if h was already there. */
bool cfuzz_name_set_add(struct cfuzz_name_set *set, uint64_t h);
void cfuzz_name_set_free(struct cfuzz_name_set *set);

#endif
