/* report.h - coverage reports without a browser: an lcov tracefile and a
 * per-file summary table. */
#ifndef CFUZZ_VIEW_REPORT_H
#define CFUZZ_VIEW_REPORT_H

#include <stdio.h>

#include "coverage_file.h"
#include "srcmap.h"

/* lcov tracefile: per source file SF:, one DA:<line>,<hits> per line with
 * instrumented points (hits 1 if any point of the line was reached, else 0:
 * the coverage file keeps reached or not, not counts), LF:/LH:. */
int view_write_lcov(FILE *out, const struct srcmap *m, const struct cfuzz_coverage_reader *r);

/* "covered/total  percent  path" per file (points, not lines), then a total. */
void view_print_summary(FILE *out, const struct srcmap *m, const struct cfuzz_coverage_reader *r);

#endif
