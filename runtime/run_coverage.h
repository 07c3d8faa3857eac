/* run_coverage.h - turning one run's counters into a PC bitset, merging it
 * into the shared seen-PC bitset, and comparing bitsets. The per-execution
 * part of coverage analysis: work is proportional to the counters only, and
 * the scan skips all-zero chunks 64 counters at a time. */
#ifndef CFUZZ_RUN_COVERAGE_H
#define CFUZZ_RUN_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run_features.h"
#include "instrumentation.h"
#include "modules.h"

/* Sets run_bits (n_words words, first zeroed) to the PCs whose counters are
 * non-zero, and zeroes those counters for the next run. */
void cfuzz_collect_run_bits(const struct cfuzz_instrumentation *instr, const struct cfuzz_modules *m,
                            uint64_t *run_bits);

/* Like cfuzz_collect_run_bits, and also lists the run's features (run_features.h)
 * in ft: one per non-zero counter, then the value-profile slots the run
 * marked (which are cleared for the next run). Work proportional to the
 * non-zero counters and marked slots, beyond the all-zero chunk test. */
void cfuzz_collect_run(struct cfuzz_instrumentation *instr, const struct cfuzz_modules *m, uint64_t *run_bits,
                       struct cfuzz_run_features *ft);

/* ORs run_bits into the shared bitset. Words already containing all their
 * bits are only read, so processes don't bounce cache lines they don't
 * change. Returns true if some PC was new to the shared bitset ("fresh"). */
bool cfuzz_merge_run_bits(uint64_t *shared, const uint64_t *run_bits, size_t n_words);

/* True if every bit of `sub` is also set in `super`. */
bool cfuzz_bits_cover(const uint64_t *super, const uint64_t *sub, size_t n_words);

size_t cfuzz_bits_count(const uint64_t *bits, size_t n_words);

#endif
