/* traced_values.c - (re)initialisation of the traced-value set; the hot
 * operations are inline in traced_values.h. */
#include "traced_values.h"

#include <string.h>

void cfuzz_traced_values_init(struct cfuzz_traced_values *set) {
  memset(set->slots, 0, sizeof set->slots);
  set->generation = 0;
  set->count = 0;
}
