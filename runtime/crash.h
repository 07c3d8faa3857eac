/* crash.h - reporting a crash: a deadly signal or a failed native test.
 *
 * Prints libFuzzer's lines (`==PID== ERROR: libFuzzer: deadly signal`,
 * `SUMMARY:`, `Test unit written to <prefix>crash-<sha1>`), writes the
 * reproducer, and exits with -error_exitcode (77). For native tests the
 * reproducer is also kept in <workdir>/c/<test>/, outside the corpus, so
 * smoke mode re-runs it and it is never loaded as a corpus entry. The signal
 * handler reads the input from the memory-mapped input file, so it reports
 * the exact bytes even though the target may have corrupted the heap. */
#ifndef CFUZZ_CRASH_H
#define CFUZZ_CRASH_H

#include <stddef.h>
#include <stdint.h>

#include "input_file.h"

struct cfuzz_crash_context {
  struct cfuzz_input_file *input; /* when set, the current input is here */
  const uint8_t *data;            /* otherwise this one */
  size_t len;
  const char *artifact_prefix;
  const char *exact_artifact_path; /* NULL: <prefix>crash-<sha1> */
  const char *keep_dir;            /* NULL, or also write crash-<sha1> here */
  int exit_code;
  const uint64_t *runs;            /* NULL, or executions so far, for the stats */
  int print_final_stats;           /* -print_final_stats=1: print them after a crash too */
};

/* Makes ctx current and installs the signal handlers (once per process). */
void cfuzz_crash_install(struct cfuzz_crash_context *ctx);

/* The context the handlers currently use (NULL if none). */
struct cfuzz_crash_context *cfuzz_instr_crash_context(void);

/* A native test_one returned a failure for the current input. */
__attribute__((noreturn)) void cfuzz_crash_test_failed(const struct cfuzz_crash_context *ctx,
                                                       const char *test_name, int rc);

#endif
