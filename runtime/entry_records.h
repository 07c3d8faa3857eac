/* entry_records.h - what libFuzzer writes beside the corpus about each new
 * entry: -features_dir=DIR (one file per entry, named like its corpus file
 * by the SHA-1 of its content, holding its feature ids as 32-bit integers)
 * and -mutation_graph_file=F (appends a Graphviz node per new entry and an
 * edge from the entry it was mutated from, labelled with the mutations).
 * Called only when the corpus changes, never per execution. cfuzz's feature
 * ids are its own (run_features.h), not libFuzzer's numbers. */
#ifndef CFUZZ_ENTRY_RECORDS_H
#define CFUZZ_ENTRY_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "sha1.h"

struct cfuzz_entry_records {
  const char *features_dir;   /* NULL: off */
  const char *graph_file;     /* NULL: off */
};

/* Writes DIR/<sha1> with the features (a failure is warned about once). */
void cfuzz_entry_records_features(struct cfuzz_entry_records *r, const char sha1[CFUZZ_SHA1_HEX_LEN + 1],
                                  const uint32_t *features, size_t n);
/* Appends the node of a new entry and, when parent_sha1 is not NULL, the
 * edge from its parent labelled `label` (quotes escaped). */
void cfuzz_entry_records_edge(struct cfuzz_entry_records *r, const char *parent_sha1,
                              const char sha1[CFUZZ_SHA1_HEX_LEN + 1], const char *label);

#endif
