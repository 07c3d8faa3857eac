/* focus.h - libFuzzer's -focus_function=NAME: the function, found by name
 * among the PC table's function entries (through the sanitizer's
 * symbolizer, as libFuzzer), whose entry block marks the inputs that reach
 * it. The loop counts those entries ("INFO: N/M inputs touch the focus
 * function", " focus: N" in status lines) and the scheduler weighs them
 * FOCUS_BOOST times more. An input reaches the function when its run
 * covered the entry block, which the corpus keeps per entry, so nothing is
 * done per execution. -focus_function=auto needs libFuzzer's data-flow
 * traces, which cfuzz does not have: warned about and ignored. */
#ifndef CFUZZ_FOCUS_H
#define CFUZZ_FOCUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "corpus.h"
#include "instrumentation.h"
#include "modules.h"

struct cfuzz_focus {
  bool set;  /* a focus function was found */
  size_t pc; /* its entry block's global PC number (modules.h) */
};

/* Finds function `name` (NULL or "": no focus) and prints libFuzzer's
 * "INFO: Focus function is set to 'NAME'". A name not found (or no
 * symbolizer to find it with) is fatal, with libFuzzer's error, exit 1. */
void cfuzz_focus_init(struct cfuzz_focus *f, const struct cfuzz_instrumentation *instr,
                      const struct cfuzz_modules *modules, const char *name);

/* Whether a run that covered `bits` (a PC bitset) reached the function. */
static inline bool cfuzz_focus_reached(const struct cfuzz_focus *f, const uint64_t *bits) {
  return f->set && bits && (bits[f->pc / 64] >> (f->pc % 64) & 1);
}

/* Corpus entries that reach the function. */
size_t cfuzz_focus_count(const struct cfuzz_focus *f, const struct cfuzz_corpus *c);

#endif
