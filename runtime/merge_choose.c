/* merge_choose.c - choosing the files a merge adds (see merge_choose.h). */
#include "merge_choose.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A set of features as a growable bitmap. */
struct feature_set {
  uint64_t *bits;
  size_t n_words, count;
};

static bool fs_has(const struct feature_set *s, uint32_t f) {
  return f / 64 < s->n_words && (s->bits[f / 64] >> (f % 64) & 1);
}

static bool fs_add(struct feature_set *s, uint32_t f) {
  if (f / 64 >= s->n_words) {
    size_t n = (f / 64 + 1) * 2;
    s->bits = cfuzz_xrealloc(s->bits, n * sizeof *s->bits);
    memset(s->bits + s->n_words, 0, (n - s->n_words) * sizeof *s->bits);
    s->n_words = n;
  }
  if (fs_has(s, f))
    return false;
  s->bits[f / 64] |= 1ull << (f % 64);
  s->count++;
  return true;
}

static int by_size_then_more_features(const void *a, const void *b) {
  const struct cfuzz_merge_file *x = a, *y = b;
  if (x->size != y->size)
    return x->size < y->size ? -1 : 1;
  if (x->n_ft != y->n_ft)
    return x->n_ft > y->n_ft ? -1 : 1;
  return strcmp(x->name, y->name);
}

size_t cfuzz_merge_count_new_cov(const struct cfuzz_merge_control *m) {
  struct feature_set old = {0}, new = {0};
  for (size_t i = 0; i < m->files.n; i++)
    for (size_t j = 0; j < m->files.v[i].n_cov; j++)
      fs_add(i < m->n_first ? &old : &new, m->files.v[i].cov[j]);
  size_t n = 0;
  for (size_t w = 0; w < new.n_words; w++)
    n += (size_t)__builtin_popcountll(new.bits[w] & ~(w < old.n_words ? old.bits[w] : 0));
  free(old.bits);
  free(new.bits);
  return n;
}

void cfuzz_merge_choose_greedy(struct cfuzz_merge_control *m, struct cfuzz_merge_result *r) {
  struct feature_set all = {0};
  for (size_t i = 0; i < m->n_first; i++)
    for (size_t j = 0; j < m->files.v[i].n_ft; j++)
      fs_add(&all, m->files.v[i].ft[j]);
  for (size_t i = m->n_first; i < m->files.n; i++) {
    struct cfuzz_merge_file *f = &m->files.v[i];
    size_t kept = 0;
    for (size_t j = 0; j < f->n_ft; j++)
      if (!fs_has(&all, f->ft[j]))
        f->ft[kept++] = f->ft[j];
    f->n_ft = kept;
  }
  qsort(m->files.v + m->n_first, m->files.n - m->n_first, sizeof *m->files.v, by_size_then_more_features);
  size_t before = all.count;
  for (size_t i = m->n_first; i < m->files.n; i++) {
    const struct cfuzz_merge_file *f = &m->files.v[i];
    bool added = false;
    for (size_t j = 0; j < f->n_ft; j++)
      added |= fs_add(&all, f->ft[j]);
    if (added)
      r->files[r->n_files++] = f->name;
  }
  r->n_features = all.count - before;
  free(all.bits);
}

void cfuzz_merge_choose_set_cover(const struct cfuzz_merge_control *m, struct cfuzz_merge_result *r) {
  struct feature_set covered = {0};
  for (size_t i = 0; i < m->n_first; i++)
    for (size_t j = 0; j < m->files.v[i].n_ft; j++)
      fs_add(&covered, m->files.v[i].ft[j]);
  size_t before = covered.count;
  size_t n_rest = m->files.n - m->n_first;
  bool *used = cfuzz_xcalloc(n_rest + 1, sizeof *used);
  for (;;) {
    size_t best = SIZE_MAX, best_new = 0;
    for (size_t k = 0; k < n_rest; k++) {
      if (used[k])
        continue;
      const struct cfuzz_merge_file *f = &m->files.v[m->n_first + k];
      size_t fresh = 0;
      for (size_t j = 0; j < f->n_ft; j++)
        fresh += !fs_has(&covered, f->ft[j]);
      if (fresh == 0)
        used[k] = true;
      else if (fresh > best_new || (fresh == best_new && f->size < m->files.v[m->n_first + best].size))
        best = k, best_new = fresh;
    }
    if (best == SIZE_MAX)
      break;
    used[best] = true;
    const struct cfuzz_merge_file *f = &m->files.v[m->n_first + best];
    for (size_t j = 0; j < f->n_ft; j++)
      fs_add(&covered, f->ft[j]);
    r->files[r->n_files++] = f->name;
  }
  r->n_features = covered.count - before;
  free(used);
  free(covered.bits);
}
