/* cmp_table.c - recording of string operands (see cmp_table.h). */
#include "cmp_table.h"

#include <string.h>

void cfuzz_cmp_table_add_str(struct cfuzz_cmp_table *t, uint64_t key, const void *bytes, size_t len) {
  if (len == 0)
    return;
  if (len > CFUZZ_CMP_STR_MAX)
    len = CFUZZ_CMP_STR_MAX;
  size_t slot = (key * 0x9E3779B97F4A7C15ull) >> 58;
  struct cfuzz_cmp_str *e = &t->strs[slot];
  t->strs_filled |= 1ull << slot;
  e->len = (uint8_t)len;
  memcpy(e->bytes, bytes, len);
}

void cfuzz_cmp_table_add_str_pair(struct cfuzz_cmp_table *t, uint64_t site, const void *s1, size_t len1,
                                  const void *s2, size_t len2) {
  size_t n = len2 < CFUZZ_CMP_STR_MAX ? len2 : CFUZZ_CMP_STR_MAX;
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ ((const uint8_t *)s2)[i]) * 0x100000001b3ull;
  cfuzz_cmp_table_add_str(t, site ^ h, s1, len1);
  cfuzz_cmp_table_add_str(t, (site + 1) ^ h, s2, len2);
}
