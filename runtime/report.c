/* report.c - status lines and final statistics (see report.h). Only called
 * on events and at growing intervals, never on every execution. */
#include "report.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <sys/resource.h>

size_t cfuzz_peak_rss_mb(void) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0)
    return 0;
  return (size_t)ru.ru_maxrss / 1024; /* Linux reports KiB */
}

static uint64_t exec_per_sec(const struct cfuzz_status *s) {
  return s->elapsed > 0 ? (uint64_t)((double)s->runs / s->elapsed) : 0;
}

void cfuzz_report_status_with(const char *event, const struct cfuzz_status *s, size_t new_len, size_t max_len,
                              const char *extra) {
  char size[32];
  if (s->corpus_bytes < (1 << 14))
    snprintf(size, sizeof size, "%zub", s->corpus_bytes);
  else if (s->corpus_bytes < (1 << 24))
    snprintf(size, sizeof size, "%zuKb", s->corpus_bytes >> 10);
  else
    snprintf(size, sizeof size, "%zuMb", s->corpus_bytes >> 20);
  char focus[40] = "", lim[40] = "";
  if (s->focus)
    snprintf(focus, sizeof focus, " focus: %zu", s->focus);
  if (s->len_limit)
    snprintf(lim, sizeof lim, " lim: %zu", s->len_limit);
  fprintf(cfuzz_err(), "#%" PRIu64 "\t%-6s cov: %zu ft: %zu corp: %zu/%s%s%s exec/s: %" PRIu64 " rss: %zuMb",
          s->runs, event, s->cov, s->ft, s->corpus_entries, size, focus, lim, exec_per_sec(s), cfuzz_peak_rss_mb());
  if (max_len)
    fprintf(cfuzz_err(), " L: %zu/%zu", new_len, max_len);
  if (extra && *extra)
    fprintf(cfuzz_err(), " %s", extra);
  fputc('\n', cfuzz_err());
}

void cfuzz_report_status(const char *event, const struct cfuzz_status *s, size_t new_len, size_t max_len) {
  cfuzz_report_status_with(event, s, new_len, max_len, NULL);
}

void cfuzz_report_done(uint64_t runs, double elapsed) {
  fprintf(cfuzz_err(), "Done %" PRIu64 " runs in %" PRIu64 " second(s)\n", runs, (uint64_t)elapsed);
}

void cfuzz_report_final_stats(const struct cfuzz_status *s, uint64_t new_units, uint64_t slowest_seconds) {
  /* As libFuzzer: runs per whole second elapsed (0 within the first). */
  uint64_t seconds = (uint64_t)s->elapsed;
  fprintf(cfuzz_err(), "stat::number_of_executed_units: %" PRIu64 "\n", s->runs);
  fprintf(cfuzz_err(), "stat::average_exec_per_sec:     %" PRIu64 "\n", seconds ? s->runs / seconds : 0);
  fprintf(cfuzz_err(), "stat::new_units_added:          %" PRIu64 "\n", new_units);
  fprintf(cfuzz_err(), "stat::slowest_unit_time_sec:    %" PRIu64 "\n", slowest_seconds);
  fprintf(cfuzz_err(), "stat::peak_rss_mb:              %zu\n", cfuzz_peak_rss_mb());
}
