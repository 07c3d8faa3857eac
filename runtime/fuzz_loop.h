/* fuzz_loop.h - the fuzzing loop, after the reference design: load the
 * corpus, then forever pick an entry, mutate it into the input file, run
 * it, and analyse the run (see fuzz_loop.c for the rules). */
#ifndef CFUZZ_FUZZ_LOOP_H
#define CFUZZ_FUZZ_LOOP_H

#include <stddef.h>
#include <stdint.h>

#include "cfuzz.h"
#include "flags.h"
#include "run_target.h"


struct cfuzz_loop_config {
  const struct cfuzz_flags *flags;  /* runs, time, max_len, seed, workdir, artifacts, stats */
  const char *test_name;            /* for reports: native test name or "LLVMFuzzerTestOneInput" */
  const char *corpus_dir;           /* loaded first; receives new entries (created if missing);
                                       NULL: the corpus lives in memory only */
  const char *const *extra_dirs;    /* loaded at start, never written */
  size_t n_extra_dirs;
  const char *keep_crash_dir;       /* native tests: reproducers also kept here; else NULL */
  const struct cfuzz_input *seeds;  /* in-memory seed inputs */
  size_t n_seeds;
  size_t max_len;                   /* 0: from flags */
  cfuzz_test_one_fn test_one;
  void *ctx;
};

/* Fuzzes until -runs or -max_total_time is reached (returns 0) or a crash
 * (reported; the process exits with -error_exitcode). Bad work directories
 * and coverage files are fatal with one error line. */
int cfuzz_loop_run(const struct cfuzz_loop_config *cfg);

#endif
