/* mutate.h - producing the next input from a corpus entry.
 *
 * The reference's three byte mutations (remove, modify, insert a byte) plus
 * a bit flip and comparison-guided ones that copy an operand recorded by the
 * instrumentation (cmp_table.h) into the input: replacing one operand of an
 * integer comparison by the other where it occurs in the input (libFuzzer's
 * TORC), and writing or inserting a recorded string. Every mutation keeps
 * the result within the output capacity. */
#ifndef CFUZZ_MUTATE_H
#define CFUZZ_MUTATE_H

#include <stddef.h>
#include <stdint.h>

#include "cmp_table.h"
#include "rng.h"

enum cfuzz_mutation {
  CFUZZ_MUTATE_REMOVE_BYTE,
  CFUZZ_MUTATE_MODIFY_BYTE,
  CFUZZ_MUTATE_INSERT_BYTE,
  CFUZZ_MUTATE_FLIP_BIT,
  CFUZZ_MUTATE_REPLACE_INT_OPERAND,
  CFUZZ_MUTATE_OVERWRITE_STRING,
  CFUZZ_MUTATE_INSERT_STRING,
  CFUZZ_MUTATION_COUNT
};

/* Applies one given mutation in place to buf[0..len) with room for cap
 * bytes; returns the new length (<= cap). A mutation that cannot apply (e.g.
 * removing from an empty input, an empty operand table) falls back to
 * inserting or modifying a byte, so the result differs from the input
 * whenever cap allows. */
size_t cfuzz_mutate_one(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp, enum cfuzz_mutation kind,
                        uint8_t *buf, size_t len, size_t cap);

/* Copies src to dst and applies 1 to 4 random mutations (most often 1).
 * Returns the new length, <= cap. src and dst must not overlap. */
size_t cfuzz_mutate(struct cfuzz_rng *rng, const struct cfuzz_cmp_table *cmp, const uint8_t *src,
                    size_t src_len, uint8_t *dst, size_t cap);

#endif
