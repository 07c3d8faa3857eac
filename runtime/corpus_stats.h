/* corpus_stats.h - -print_corpus_stats=1: one line per corpus entry at exit,
 * libFuzzer's columns first so that its readers still parse them. */
#ifndef CFUZZ_CORPUS_STATS_H
#define CFUZZ_CORPUS_STATS_H

#include <stdio.h>

#include "corpus.h"
#include "schedule.h"

/* Prints every entry of c: index, SHA-1, size, runs mutated from it and how
 * many of those succeeded, whether it reaches the focus function, then its
 * features, its work and its share of the parent picks under the
 * scheduler's last refresh (s: refreshed for c, or not entropic). */
void cfuzz_print_corpus_stats(FILE *out, const struct cfuzz_corpus *c, const struct cfuzz_scheduler *s);

#endif
