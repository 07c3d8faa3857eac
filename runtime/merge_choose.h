/* merge_choose.h - which files a merge adds to the first directory, from
 * the features its children recorded (merge_control.h). */
#ifndef CFUZZ_MERGE_CHOOSE_H
#define CFUZZ_MERGE_CHOOSE_H

#include <stddef.h>

#include "merge_control.h"

struct cfuzz_merge_result {
  const char **files; /* names to add, in order; room for m->files.n */
  size_t n_files, n_features, n_cov;
};

/* New coverage edges: PCs first seen with a file outside the first
 * directory. */
size_t cfuzz_merge_count_new_cov(const struct cfuzz_merge_control *m);

/* libFuzzer's -merge=1: smallest files first (more features first among
 * equals); a file is added if it has a feature nothing before it had.
 * Reorders and trims the files' feature lists. */
void cfuzz_merge_choose_greedy(struct cfuzz_merge_control *m, struct cfuzz_merge_result *r);

/* libFuzzer's -set_cover_merge=1: repeatedly adds the file with the most
 * features not yet covered (the smaller one among equals). */
void cfuzz_merge_choose_set_cover(const struct cfuzz_merge_control *m, struct cfuzz_merge_result *r);

#endif
