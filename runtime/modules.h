/* modules.h - the instrumented modules seen as one PC space.
 *
 * Numbers every PC of every registered module consecutively (module by module,
 * in registration order), computes each PC's offset from its module's load
 * address (stable under address randomisation) and the coverage id: a hash of
 * those offsets that names the coverage file. Also describes each module for
 * the coverage file's module table (path, build ID, PC range), read from the
 * loaded program headers. */
#ifndef CFUZZ_MODULES_H
#define CFUZZ_MODULES_H

#include <stddef.h>
#include <stdint.h>

#include "coverage_file.h"
#include "instrumentation.h"

struct cfuzz_modules {
  size_t n_pcs;                         /* total counters = total PCs */
  size_t n_words;                       /* 64-bit words of a PC bitset */
  size_t first_pc[CFUZZ_MAX_MODULES];   /* number of each module's first PC */
  uint64_t *pc_offsets;                 /* n_pcs module-relative offsets */
  uint64_t coverage_id;
  struct cfuzz_coverage_module *info;   /* n_info entries, paths malloc'd */
  size_t n_info;
};

/* Fills m from the registered modules. A module registered without a PC table
 * (not the ABI cfuzz emits, but possible with foreign instrumentation) gets
 * its counter indexes as offsets, and an empty path and build ID. */
void cfuzz_modules_collect(const struct cfuzz_instrumentation *instr, struct cfuzz_modules *m);
void cfuzz_modules_free(struct cfuzz_modules *m);

/* What the coverage file must hold for these modules. */
struct cfuzz_coverage_layout cfuzz_modules_layout(const struct cfuzz_modules *m);

/* The coverage id of a list of offsets (exposed for tests). */
uint64_t cfuzz_coverage_id_of(const uint64_t *offsets, size_t n);

/* Describes the loaded object containing address pc: its path (the running
 * executable's real path for the main program), build ID and link base.
 * Returns 0, or -1 when no loaded object contains pc (exposed for tests). */
int cfuzz_module_describe(uintptr_t pc, struct cfuzz_coverage_module *out);

#endif
