/* modules.h - the instrumented modules seen as one PC space.
 *
 * Numbers every PC of every registered module consecutively (module by module,
 * in registration order), computes each PC's offset from its module's load
 * address (stable under address randomisation) and the coverage id: a hash of
 * those offsets that names the coverage file. */
#ifndef CFUZZ_MODULES_H
#define CFUZZ_MODULES_H

#include <stddef.h>
#include <stdint.h>

#include "instrumentation.h"

struct cfuzz_modules {
  size_t n_pcs;                         /* total counters = total PCs */
  size_t n_words;                       /* 64-bit words of a PC bitset */
  size_t first_pc[CFUZZ_MAX_MODULES];   /* number of each module's first PC */
  uint64_t *pc_offsets;                 /* n_pcs module-relative offsets */
  uint64_t coverage_id;
};

/* Fills m from the registered modules. A module registered without a PC table
 * (not the ABI cfuzz emits, but possible with foreign instrumentation) gets
 * its counter indexes as offsets. */
void cfuzz_modules_collect(const struct cfuzz_instrumentation *instr, struct cfuzz_modules *m);
void cfuzz_modules_free(struct cfuzz_modules *m);

/* The coverage id of a list of offsets (exposed for tests). */
uint64_t cfuzz_coverage_id_of(const uint64_t *offsets, size_t n);

#endif
