/* Unit tests: judge.c (new / replace / boring) and the corpus's union of
 * covered PCs it reads. */
#include <stdint.h>

#include "check.h"
#include "corpus.h"
#include "judge.h"

#define WORDS 2

static const uint8_t bytes[16] = "0123456789abcdef";

static enum cfuzz_verdict judge(const struct cfuzz_corpus *c, uint64_t w0, uint64_t w1, size_t len,
                                uint32_t traced, bool fresh, size_t parent) {
  uint64_t bits[WORDS] = {w0, w1};
  struct cfuzz_run_outcome run = {.bits = bits, .len = len, .traced = traced, .fresh = fresh};
  return cfuzz_judge_run(c, &run, parent);
}

static void test_new(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS);
  /* An empty corpus covers nothing: any PC makes the run new. */
  CHECK(judge(&c, 1, 0, 4, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* No PC at all is covered by anything. */
  CHECK(judge(&c, 0, 0, 4, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  uint64_t a[WORDS] = {0x3, 0};
  uint64_t b[WORDS] = {0, 0x10};
  cfuzz_corpus_add(&c, bytes, 8, a, 5, false);
  cfuzz_corpus_add(&c, bytes, 8, b, 5, false);
  CHECK(c.covered[0] == 0x3 && c.covered[1] == 0x10);
  CHECK(cfuzz_corpus_pc_count(&c) == 3);
  /* Covered by the union though by no single entry: not new. */
  CHECK(judge(&c, 0x1, 0x10, 8, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  /* A PC no entry covers, in the second word: new. */
  CHECK(judge(&c, 0x1, 0x30, 8, 0, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_NEW);
  /* Fresh to the shared file: new even when the corpus covers it. */
  CHECK(judge(&c, 0x1, 0, 8, 0, true, 0) == CFUZZ_VERDICT_NEW);
  cfuzz_corpus_free(&c);
}

static void test_replace(void) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, NULL, WORDS);
  uint64_t parent_bits[WORDS] = {0x3, 0x1};
  uint64_t other_bits[WORDS] = {0x4, 0};
  cfuzz_corpus_add(&c, bytes, 8, parent_bits, 5, false);
  cfuzz_corpus_add(&c, bytes, 4, other_bits, 1, false);
  /* Same PCs, same traced values, same length: neutral drift. */
  CHECK(judge(&c, 0x3, 0x1, 8, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  /* More traced values, or fewer bytes: strictly better. */
  CHECK(judge(&c, 0x3, 0x1, 8, 6, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  CHECK(judge(&c, 0x3, 0x1, 7, 5, false, 0) == CFUZZ_VERDICT_REPLACE_BETTER);
  /* Covers more of the corpus's PCs than the parent: still a replacement. */
  CHECK(judge(&c, 0x7, 0x1, 8, 5, false, 0) == CFUZZ_VERDICT_REPLACE);
  /* Fewer traced values, longer, or a parent PC lost: boring. */
  CHECK(judge(&c, 0x3, 0x1, 4, 4, false, 0) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x3, 0x1, 9, 9, false, 0) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x3, 0x0, 4, 9, false, 0) == CFUZZ_VERDICT_BORING);
  /* Checked against the parent's own PCs, not the union. */
  CHECK(judge(&c, 0x3, 0x1, 4, 1, false, 1) == CFUZZ_VERDICT_BORING);
  CHECK(judge(&c, 0x4, 0x0, 4, 1, false, 1) == CFUZZ_VERDICT_REPLACE);
  /* No parent (a loaded input): never a replacement. */
  CHECK(judge(&c, 0x3, 0x1, 1, 99, false, CFUZZ_NO_PARENT) == CFUZZ_VERDICT_BORING);
  /* A replacement keeps the union whole. */
  uint64_t more[WORDS] = {0x7, 0x1};
  cfuzz_corpus_replace(&c, 0, bytes, 8, more, 5, false);
  CHECK(c.covered[0] == 0x7 && c.covered[1] == 0x1);
  cfuzz_corpus_free(&c);
}

int main(void) {
  test_new();
  test_replace();
  return check_finish("judge");
}
