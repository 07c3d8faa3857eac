/* initial_inputs.c - the inputs a fuzzing loop starts from (see
 * initial_inputs.h). Runs once, before the loop: allocations are fine. */
#include "initial_inputs.h"

#include <stdlib.h>
#include <string.h>

#include "flags.h"
#include "report.h"
#include "util.h"

void cfuzz_initial_inputs_add(struct cfuzz_initial_inputs *l, const uint8_t *data, size_t len, bool in_corpus_dir) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->items = cfuzz_xrealloc(l->items, l->cap * sizeof *l->items);
  }
  struct cfuzz_initial_input *in = &l->items[l->n++];
  in->in_corpus_dir = in_corpus_dir;
  in->order = l->n - 1;
  in->data = cfuzz_xmalloc(len ? len : 1);
  memcpy(in->data, data, len);
  in->len = len;
}

static void visit_corpus_dir_file(void *ctx, const char *name, const uint8_t *data, size_t len) {
  (void)name;
  cfuzz_initial_inputs_add(ctx, data, len, true);
}

static void visit_extra_dir_file(void *ctx, const char *name, const uint8_t *data, size_t len) {
  (void)name;
  cfuzz_initial_inputs_add(ctx, data, len, false);
}

int cfuzz_initial_inputs_collect(struct cfuzz_initial_inputs *l, struct cfuzz_corpus *c,
                                 const struct cfuzz_initial_sources *from, size_t max_len, const char **bad_dir) {
  if (from->corpus_dir && cfuzz_corpus_scan_dir(c, from->corpus_dir, max_len, visit_corpus_dir_file, l) != 0) {
    *bad_dir = from->corpus_dir;
    return -1;
  }
  for (size_t i = 0; i < from->n_extra_dirs; i++) {
    if (cfuzz_corpus_scan_dir(c, from->extra_dirs[i], max_len, visit_extra_dir_file, l) != 0) {
      *bad_dir = from->extra_dirs[i];
      return -1;
    }
  }
  for (size_t i = 0; i < from->n_seeds; i++)
    cfuzz_initial_inputs_add(l, from->seeds[i].data, from->seeds[i].len, false);
  return 0;
}

void cfuzz_initial_inputs_report(const struct cfuzz_initial_inputs *l, FILE *out) {
  if (l->n == 0) {
    fprintf(out, "INFO: A corpus is not provided, starting from an empty corpus\n");
    return;
  }
  size_t min = SIZE_MAX, max = 0, total = 0;
  for (size_t i = 0; i < l->n; i++) {
    size_t len = l->items[i].len;
    min = len < min ? len : min;
    max = len > max ? len : max;
    total += len;
  }
  fprintf(out, "INFO: seed corpus: files: %zu min: %zub max: %zub total: %zub rss: %zuMb\n", l->n, min, max,
          total, cfuzz_peak_rss_mb());
}

static int compare_length(const void *a, const void *b) {
  const struct cfuzz_initial_input *x = a, *y = b;
  if (x->len != y->len)
    return (x->len > y->len) - (x->len < y->len);
  return (x->order > y->order) - (x->order < y->order);
}

void cfuzz_initial_inputs_order(struct cfuzz_initial_inputs *l, bool shuffle, bool prefer_small,
                                struct cfuzz_rng *rng) {
  if (shuffle) {
    for (size_t i = l->n; i > 1; i--) {
      size_t j = (size_t)cfuzz_rng_below(rng, i);
      struct cfuzz_initial_input t = l->items[i - 1];
      l->items[i - 1] = l->items[j];
      l->items[j] = t;
    }
  }
  for (size_t i = 0; i < l->n; i++)
    l->items[i].order = i;
  if (prefer_small)
    qsort(l->items, l->n, sizeof *l->items, compare_length);
}

void cfuzz_initial_inputs_free(struct cfuzz_initial_inputs *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->items[i].data);
  free(l->items);
  memset(l, 0, sizeof *l);
}

size_t cfuzz_initial_inputs_default_max_len(const struct cfuzz_initial_sources *from) {
  uint64_t largest = from->corpus_dir ? cfuzz_corpus_census(from->corpus_dir).largest : 0;
  for (size_t i = 0; i < from->n_extra_dirs; i++) {
    uint64_t n = cfuzz_corpus_census(from->extra_dirs[i]).largest;
    largest = n > largest ? n : largest;
  }
  for (size_t i = 0; i < from->n_seeds; i++)
    largest = from->seeds[i].len > largest ? from->seeds[i].len : largest;
  if (largest < CFUZZ_DEFAULT_MAX_LEN)
    return CFUZZ_DEFAULT_MAX_LEN;
  return largest > CFUZZ_MAX_DEFAULT_MAX_LEN ? CFUZZ_MAX_DEFAULT_MAX_LEN : (size_t)largest;
}
