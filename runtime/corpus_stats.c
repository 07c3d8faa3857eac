/* corpus_stats.c - see corpus_stats.h. */
#include "corpus_stats.h"

#include "sha1.h"

/* The entry's chance to be picked as the next parent, in percent. */
static double pick_share(const struct cfuzz_scheduler *s, size_t n, size_t i) {
  if (!s->opt.entropic || s->n_weights != n || s->cumulative[n - 1] <= 0)
    return 100.0 / (double)n;
  double below = i ? s->cumulative[i - 1] : 0;
  return 100.0 * (s->cumulative[i] - below) / s->cumulative[n - 1];
}

void cfuzz_print_corpus_stats(FILE *out, const struct cfuzz_corpus *c, const struct cfuzz_scheduler *s) {
  for (size_t i = 0; i < c->n; i++) {
    const struct cfuzz_corpus_entry *e = &c->entries[i];
    char hex[CFUZZ_SHA1_HEX_LEN + 1];
    cfuzz_sha1_hex(e->data, e->len, hex);
    int focus = s->opt.has_focus && (e->bits[s->opt.focus_pc / 64] >> (s->opt.focus_pc % 64) & 1);
    fprintf(out, "  [%3zu %s] sz: %5zu runs: %5llu succ: %5u focus: %d ft: %u work: %llu pick: %.3f%%\n", i, hex,
            e->len, (unsigned long long)e->runs, e->successes, focus, e->n_features,
            (unsigned long long)e->work, pick_share(s, c->n, i));
  }
}
