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
