/* len_control.h - libFuzzer's -len_control: how long a mutated input may be.
 *
 * The limit starts at the longest loaded input or -dict word (at least
 * CFUZZ_LEN_LIMIT_START, libFuzzer's start) and grows by log2(limit) bytes
 * once -len_control * log2(limit) runs (100 by default) have passed without
 * progress: a new entry or a better replacement (libFuzzer counts its
 * reductions too). -len_control=0 makes it -max_len from the start. Short
 * inputs run faster, and the replace-the-parent rule would otherwise grow
 * inputs whenever more bytes trace more comparisons. The loop checks at
 * fixed run counts, so a -seed run repeats exactly. */
#ifndef CFUZZ_LEN_CONTROL_H
#define CFUZZ_LEN_CONTROL_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_LEN_LIMIT_START 4

struct cfuzz_len_control {
  size_t limit;   /* most bytes a mutation may produce now */
  size_t max_len; /* -max_len: the limit never passes it */
  uint64_t runs_per_log2; /* -len_control */
  uint64_t last_progress_run; /* last progress or limit increase */
};

/* longest: the longest loaded input or -dict word; runs: the run count now. */
void cfuzz_len_control_init(struct cfuzz_len_control *lc, size_t max_len, uint64_t len_control, size_t longest,
                            uint64_t runs);

/* A run found a new entry or a better replacement. */
static inline void cfuzz_len_control_progress(struct cfuzz_len_control *lc, uint64_t runs) {
  lc->last_progress_run = runs;
}

/* Grows the limit if the search has stalled at this length; returns the
 * limit. */
size_t cfuzz_len_control_check(struct cfuzz_len_control *lc, uint64_t runs);

#endif
