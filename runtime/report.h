/* report.h - progress output in libFuzzer's formats, which ClusterFuzz and
 * people parse: `#N <EVENT> cov: .. ft: .. corp: N/Sb exec/s: .. rss: ..Mb`,
 * `Done N runs in S second(s)` and the -print_final_stats=1 block. */
#ifndef CFUZZ_REPORT_H
#define CFUZZ_REPORT_H

#include <stddef.h>
#include <stdint.h>

struct cfuzz_status {
  uint64_t runs;
  size_t cov;          /* PCs covered by this process's corpus */
  size_t ft;           /* PCs seen by all processes sharing the coverage file */
  size_t corpus_entries;
  size_t corpus_bytes;
  size_t len_limit;    /* current input length limit ("lim:"), 0: not shown */
  size_t focus;        /* entries that reach the -focus_function ("focus:"), 0: not shown */
  double elapsed;      /* seconds since the loop started */
};

/* event: "INITED", "NEW", "pulse", "DONE"... ; new_len: length of the new
 * entry, printed as " L: len/max_len" when max_len is non-zero. */
void cfuzz_report_status(const char *event, const struct cfuzz_status *s, size_t new_len, size_t max_len);
/* The same with `extra` appended (libFuzzer's "MS: 2 ChangeBit-CMP-"). */
void cfuzz_report_status_with(const char *event, const struct cfuzz_status *s, size_t new_len, size_t max_len,
                              const char *extra);
void cfuzz_report_done(uint64_t runs, double elapsed);
/* The -print_final_stats=1 block; slowest_seconds: the longest run, in whole
 * seconds (the watchdog's measure, see crash.h). */
void cfuzz_report_final_stats(const struct cfuzz_status *s, uint64_t new_units, uint64_t slowest_seconds);
size_t cfuzz_peak_rss_mb(void);

#endif
