/* name_set.c - a set of file-name hashes (see name_set.h). */
#include "name_set.h"

#include <stdlib.h>

#include "util.h"

uint64_t cfuzz_name_hash(const char *s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; s++) {
    h ^= (uint8_t)*s;
    h *= 0x100000001b3ull;
  }
  return h ? h : 1; /* 0 marks an empty slot */
}

bool cfuzz_name_set_has(const struct cfuzz_name_set *set, uint64_t h) {
  if (!set->cap)
    return false;
  for (size_t i = h & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
    if (set->slots[i] == h)
      return true;
    if (set->slots[i] == 0)
      return false;
  }
}

bool cfuzz_name_set_add(struct cfuzz_name_set *set, uint64_t h) {
  if (cfuzz_name_set_has(set, h))
    return false;
  if ((set->n + 1) * 2 > set->cap) {
    struct cfuzz_name_set old = *set;
    set->cap = old.cap ? old.cap * 2 : 256;
    set->slots = cfuzz_xcalloc(set->cap, sizeof(uint64_t));
    set->n = 0;
    for (size_t i = 0; i < old.cap; i++)
      if (old.slots[i])
        cfuzz_name_set_add(set, old.slots[i]);
    free(old.slots);
  }
  size_t i = h & (set->cap - 1);
  while (set->slots[i])
    i = (i + 1) & (set->cap - 1);
  set->slots[i] = h;
  set->n++;
  return true;
}

void cfuzz_name_set_free(struct cfuzz_name_set *set) {
  free(set->slots);
  *set = (struct cfuzz_name_set){0};
}
