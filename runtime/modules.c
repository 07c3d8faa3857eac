/* modules.c - PC numbering, module-relative offsets and coverage id (see
 * modules.h). Runs once at start, never per execution. */
#define _GNU_SOURCE
#include "modules.h"

#include <dlfcn.h>
#include <stdlib.h>

#include "util.h"

uint64_t cfuzz_coverage_id_of(const uint64_t *offsets, size_t n) {
  /* FNV-1a over the offsets' bytes, then a final mix: cheap and stable. */
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    uint64_t v = offsets[i];
    for (int b = 0; b < 8; b++) {
      h ^= (uint8_t)(v >> (8 * b));
      h *= 0x100000001b3ull;
    }
  }
  h ^= (uint64_t)n;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

static uintptr_t module_base(const void *pc) {
  Dl_info info;
  if (pc && dladdr(pc, &info) != 0 && info.dli_fbase)
    return (uintptr_t)info.dli_fbase;
  return 0;
}

void cfuzz_modules_collect(const struct cfuzz_instrumentation *instr, struct cfuzz_modules *m) {
  m->n_pcs = cfuzz_instr_counter_count(instr);
  m->n_words = (m->n_pcs + 63) / 64;
  m->pc_offsets = cfuzz_xcalloc(m->n_pcs, sizeof(uint64_t));
  size_t next = 0;
  for (size_t i = 0; i < instr->n_modules; i++) {
    const struct cfuzz_module *mod = &instr->modules[i];
    m->first_pc[i] = next;
    if (mod->pcs) {
      uintptr_t base = module_base((const void *)mod->pcs[0]);
      for (size_t k = 0; k < mod->n_counters; k++)
        m->pc_offsets[next + k] = (uint64_t)(mod->pcs[2 * k] - base);
    } else {
      for (size_t k = 0; k < mod->n_counters; k++)
        m->pc_offsets[next + k] = k;
    }
    next += mod->n_counters;
  }
  m->coverage_id = cfuzz_coverage_id_of(m->pc_offsets, m->n_pcs);
}

void cfuzz_modules_free(struct cfuzz_modules *m) {
  free(m->pc_offsets);
  m->pc_offsets = NULL;
}
