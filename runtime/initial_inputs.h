/* initial_inputs.h - the inputs a fuzzing loop starts from: the corpus
 * directory's files, the extra directories' and the in-memory seeds,
 * collected before any runs so that their order can follow -shuffle and
 * -prefer_small, and announced with libFuzzer's "seed corpus" line. */
#ifndef CFUZZ_INITIAL_INPUTS_H
#define CFUZZ_INITIAL_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cfuzz.h"
#include "corpus.h"
#include "rng.h"

struct cfuzz_initial_input {
  bool in_corpus_dir; /* already a file of the corpus directory */
  size_t order;       /* position after the shuffle: ties under -prefer_small keep it */
  uint8_t *data;      /* owned copy */
  size_t len;
};

struct cfuzz_initial_inputs {
  struct cfuzz_initial_input *items;
  size_t n, cap;
};

/* Where to collect from; directories may be NULL or absent (0 entries). */
struct cfuzz_initial_sources {
  const char *corpus_dir;
  const char *const *extra_dirs;
  size_t n_extra_dirs;
  const struct cfuzz_input *seeds;
  size_t n_seeds;
};

/* Collects, in this order, the corpus directory's files (marking them known
 * to c, so that later rescans skip them), the extra directories' files
 * (directory files are cut to max_len bytes) and the seeds (whole: the run
 * cuts them). Returns 0, or -1 with *bad_dir set to a directory that could
 * not be read (what was collected stays in l). */
int cfuzz_initial_inputs_collect(struct cfuzz_initial_inputs *l, struct cfuzz_corpus *c,
                                 const struct cfuzz_initial_sources *from, size_t max_len, const char **bad_dir);

/* Appends a copy of one input. */
void cfuzz_initial_inputs_add(struct cfuzz_initial_inputs *l, const uint8_t *data, size_t len, bool in_corpus_dir);

/* libFuzzer's line about the starting inputs, which scripts and libFuzzer's
 * tests read. */
void cfuzz_initial_inputs_report(const struct cfuzz_initial_inputs *l, FILE *out);

/* -shuffle: a random order from rng; -prefer_small: shortest first, ties in
 * the order before (so small inputs run first and larger ones enter only
 * with features the small ones lack, as with libFuzzer). */
void cfuzz_initial_inputs_order(struct cfuzz_initial_inputs *l, bool shuffle, bool prefer_small,
                                struct cfuzz_rng *rng);

void cfuzz_initial_inputs_free(struct cfuzz_initial_inputs *l);

/* libFuzzer's -max_len when none is given: the largest of the inputs (file
 * or seed), at least CFUZZ_DEFAULT_MAX_LEN and at most
 * CFUZZ_MAX_DEFAULT_MAX_LEN, so that every one is loaded whole. Reads only
 * the directories' file sizes. */
size_t cfuzz_initial_inputs_default_max_len(const struct cfuzz_initial_sources *from);

#endif
