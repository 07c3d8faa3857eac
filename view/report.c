/* report.c - see report.h. */
#include "report.h"

#include <inttypes.h>
#include <stdlib.h>

struct point {
  uint32_t file, line;
  bool seen;
};

static int by_file_line(const void *a, const void *b) {
  const struct point *x = a, *y = b;
  if (x->file != y->file)
    return x->file < y->file ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* The mapped points sorted by file and line; returns their number. */
static size_t sorted_points(const struct srcmap *m, const struct cfuzz_coverage_reader *r, struct point **out) {
  struct point *p = calloc(m->n_pcs ? m->n_pcs : 1, sizeof *p);
  if (!p) {
    fprintf(stderr, "cfuzz-view: out of memory\n");
    exit(1);
  }
  size_t n = 0;
  for (size_t i = 0; i < m->n_pcs; i++)
    if (m->pc_file[i] != SRCMAP_NO_FILE)
      p[n++] = (struct point){m->pc_file[i], m->pc_line[i], cfuzz_coverage_reader_seen(r, i)};
  qsort(p, n, sizeof *p, by_file_line);
  *out = p;
  return n;
}

int view_write_lcov(FILE *out, const struct srcmap *m, const struct cfuzz_coverage_reader *r) {
  struct point *p;
  size_t n = sorted_points(m, r, &p);
  fprintf(out, "TN:cfuzz\n");
  for (size_t i = 0; i < n;) {
    uint32_t file = p[i].file;
    size_t lines = 0, hit = 0;
    fprintf(out, "SF:%s\n", m->files[file].path);
    while (i < n && p[i].file == file) {
      uint32_t line = p[i].line;
      bool seen = false;
      for (; i < n && p[i].file == file && p[i].line == line; i++)
        seen = seen || p[i].seen;
      fprintf(out, "DA:%" PRIu32 ",%d\n", line, seen ? 1 : 0);
      lines++;
      hit += seen;
    }
    fprintf(out, "LF:%zu\nLH:%zu\nend_of_record\n", lines, hit);
  }
  free(p);
  return ferror(out) ? -1 : 0;
}

void view_print_summary(FILE *out, const struct srcmap *m, const struct cfuzz_coverage_reader *r) {
  size_t *covered = calloc(m->n_files ? m->n_files : 1, sizeof *covered);
  size_t all = 0, all_covered = 0;
  for (size_t i = 0; i < m->n_pcs; i++)
    if (m->pc_file[i] != SRCMAP_NO_FILE && cfuzz_coverage_reader_seen(r, i))
      covered[m->pc_file[i]]++;
  fprintf(out, "%9s %9s %7s  %s\n", "covered", "points", "percent", "file");
  for (size_t f = 0; f < m->n_files; f++) {
    size_t total = m->files[f].n_points;
    fprintf(out, "%9zu %9zu %6.1f%%  %s\n", covered[f], total, total ? 100.0 * (double)covered[f] / (double)total : 0,
            m->files[f].path);
    all += total;
    all_covered += covered[f];
  }
  fprintf(out, "%9zu %9zu %6.1f%%  total (%zu files; %zu points without a source line, %zu of them covered)\n",
          all_covered, all, all ? 100.0 * (double)all_covered / (double)all : 0, m->n_files, m->n_unmapped,
          cfuzz_coverage_reader_count_seen(r) - all_covered);
  free(covered);
}
