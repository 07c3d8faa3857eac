/* Unit tests: initial_inputs.c (what a fuzzing loop starts from: collected
 * from the corpus directory, extra directories and seeds; reported with
 * libFuzzer's line; ordered by -shuffle and -prefer_small). */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "temp_dir.h"
#include "flags.h"
#include "initial_inputs.h"
#include "util.h"

/* The report line as written to a memory stream. */
static void report_to(const struct cfuzz_initial_inputs *l, char *buf, size_t size) {
  FILE *out = fmemopen(buf, size, "w");
  cfuzz_initial_inputs_report(l, out);
  fclose(out);
}

static bool has(const struct cfuzz_initial_inputs *l, const char *content, bool in_corpus_dir) {
  for (size_t i = 0; i < l->n; i++)
    if (l->items[i].len == strlen(content) && memcmp(l->items[i].data, content, l->items[i].len) == 0)
      return l->items[i].in_corpus_dir == in_corpus_dir;
  return false;
}

/* Directory files are cut to max_len and marked by where they came from;
 * seeds are kept whole; a corpus directory's files become known to the
 * corpus, so its rescan skips them. */
static void test_collect(void) {
  char *corpus_dir = check_temp_dir("initial-corpus");
  char *extra_dir = check_temp_dir("initial-extra");
  check_write_file(corpus_dir, "a", "abcdefghij");
  check_write_file(extra_dir, "b", "xy");
  static const uint8_t seed[] = "0123456789";
  struct cfuzz_input seeds[] = {{seed, 10}};
  const char *extras[] = {extra_dir};
  struct cfuzz_initial_sources from = {
      .corpus_dir = corpus_dir, .extra_dirs = extras, .n_extra_dirs = 1, .seeds = seeds, .n_seeds = 1};
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, corpus_dir, 1, 64);
  struct cfuzz_initial_inputs l = {0};
  const char *bad = NULL;
  CHECK(cfuzz_initial_inputs_collect(&l, &c, &from, 4, &bad) == 0 && bad == NULL);
  CHECK(l.n == 3);
  CHECK(has(&l, "abcd", true));
  CHECK(has(&l, "xy", false));
  CHECK(has(&l, "0123456789", false));
  char report[256];
  report_to(&l, report, sizeof report);
  CHECK_STR_CONTAINS(report, "INFO: seed corpus: files: 3 min: 2b max: 10b total: 16b rss: ");
  /* Already known: a rescan of the corpus directory finds nothing new. */
  struct cfuzz_initial_inputs again = {0};
  struct cfuzz_initial_sources only_corpus = {.corpus_dir = corpus_dir};
  CHECK(cfuzz_initial_inputs_collect(&again, &c, &only_corpus, 4, &bad) == 0 && again.n == 0);
  cfuzz_initial_inputs_free(&again);
  cfuzz_initial_inputs_free(&l);
  CHECK(l.n == 0 && l.items == NULL);

  /* An unreadable directory is named. */
  char missing[4200];
  snprintf(missing, sizeof missing, "%s/missing", extra_dir);
  const char *bad_extras[] = {missing};
  struct cfuzz_initial_sources broken = {.extra_dirs = bad_extras, .n_extra_dirs = 1};
  CHECK(cfuzz_initial_inputs_collect(&l, &c, &broken, 4, &bad) == -1 && bad == missing);
  cfuzz_initial_inputs_free(&l);
  cfuzz_corpus_free(&c);
  check_temp_dir_done(corpus_dir);
  check_temp_dir_done(extra_dir);
}

static void test_report_empty(void) {
  struct cfuzz_initial_inputs l = {0};
  char report[256];
  report_to(&l, report, sizeof report);
  CHECK(strcmp(report, "INFO: A corpus is not provided, starting from an empty corpus\n") == 0);
}

/* Collected lengths 3, 1, 2, 1 (inputs "ccc", "a", "bb", "d"). */
static void add_four(struct cfuzz_initial_inputs *l) {
  cfuzz_initial_inputs_add(l, (const uint8_t *)"ccc", 3, false);
  cfuzz_initial_inputs_add(l, (const uint8_t *)"a", 1, false);
  cfuzz_initial_inputs_add(l, (const uint8_t *)"bb", 2, false);
  cfuzz_initial_inputs_add(l, (const uint8_t *)"d", 1, false);
}

static void order_of(const struct cfuzz_initial_inputs *l, char *out) {
  for (size_t i = 0; i < l->n; i++)
    out[i] = (char)l->items[i].data[0];
  out[l->n] = 0;
}

static void test_order(void) {
  struct cfuzz_rng rng;
  cfuzz_rng_seed(&rng, 1);
  char order[8];

  /* Neither flag: collection order. */
  struct cfuzz_initial_inputs l = {0};
  add_four(&l);
  cfuzz_initial_inputs_order(&l, false, false, &rng);
  order_of(&l, order);
  CHECK(strcmp(order, "cabd") == 0);
  /* -prefer_small: shortest first, equal lengths in collection order. */
  cfuzz_initial_inputs_order(&l, false, true, &rng);
  order_of(&l, order);
  CHECK(strcmp(order, "adbc") == 0);
  cfuzz_initial_inputs_free(&l);

  /* -shuffle: the same seed gives the same order; over seeds, more than
   * one order comes out; every input stays. */
  char first[8], again[8];
  int differing = 0;
  for (uint64_t seed = 1; seed <= 20; seed++) {
    for (int pass = 0; pass < 2; pass++) {
      add_four(&l);
      cfuzz_rng_seed(&rng, seed);
      cfuzz_initial_inputs_order(&l, true, false, &rng);
      order_of(&l, pass ? again : first);
      cfuzz_initial_inputs_free(&l);
    }
    CHECK(strcmp(first, again) == 0);
    CHECK(strchr(first, 'a') && strchr(first, 'b') && strchr(first, 'c') && strchr(first, 'd'));
    differing += strcmp(first, "cabd") != 0;
  }
  CHECK(differing > 0);

  /* -shuffle with -prefer_small: lengths ascend; the two 1-byte inputs
   * come in their shuffled order. */
  add_four(&l);
  cfuzz_initial_inputs_order(&l, true, true, &rng);
  CHECK(l.items[0].len == 1 && l.items[1].len == 1 && l.items[2].len == 2 && l.items[3].len == 3);
  cfuzz_initial_inputs_free(&l);
}

/* Without -max_len: the largest input of any source, at least 4096 bytes,
 * at most 1 MB. */
static void test_default_max_len(void) {
  char *corpus_dir = check_temp_dir("maxlen-corpus");
  char *extra_dir = check_temp_dir("maxlen-extra");
  static char text[6001];
  memset(text, 'a', 6000);
  check_write_file(extra_dir, "big", text);
  text[5000] = 0;
  check_write_file(corpus_dir, "mid", text);
  check_write_file(corpus_dir, "small", "abc");
  struct cfuzz_initial_sources from = {.corpus_dir = corpus_dir};
  CHECK(cfuzz_initial_inputs_default_max_len(&from) == 5000);
  const char *extras[] = {extra_dir};
  from.extra_dirs = extras;
  from.n_extra_dirs = 1;
  CHECK(cfuzz_initial_inputs_default_max_len(&from) == 6000);
  static const uint8_t byte = 0;
  struct cfuzz_input seeds[] = {{&byte, 7000}}; /* only the length is read */
  from.seeds = seeds;
  from.n_seeds = 1;
  CHECK(cfuzz_initial_inputs_default_max_len(&from) == 7000);
  seeds[0].len = (size_t)3 << 20;
  CHECK(cfuzz_initial_inputs_default_max_len(&from) == CFUZZ_MAX_DEFAULT_MAX_LEN);
  struct cfuzz_initial_sources small = {.seeds = (struct cfuzz_input[]){{&byte, 1}}, .n_seeds = 1};
  CHECK(cfuzz_initial_inputs_default_max_len(&small) == CFUZZ_DEFAULT_MAX_LEN);
  struct cfuzz_initial_sources none = {0};
  CHECK(cfuzz_initial_inputs_default_max_len(&none) == CFUZZ_DEFAULT_MAX_LEN);
  check_temp_dir_done(corpus_dir);
  check_temp_dir_done(extra_dir);
}

int main(void) {
  test_collect();
  test_default_max_len();
  test_report_empty();
  test_order();
  return check_finish("initial_inputs");
}
