/* crash.h - a fuzzing process catching its own death: deadly signals (SEGV,
 * BUS, ILL, FPE, ABRT, TRAP; stack overflows too, on an alternate stack),
 * sanitizer reports (through the death callback), exit() inside the target,
 * timeouts and memory limits (watchdog.c, malloc_limit.c), leaks and failed
 * native tests.
 *
 * Each death prints libFuzzer's lines (`==PID== ERROR: libFuzzer: ...`, a
 * stack trace, `SUMMARY: libFuzzer: ...`), then either writes the
 * reproducer (artifact.h) or, in a worker, records the death in the input
 * file's header for the supervisor, which dedups and writes it. The input
 * is read from the memory-mapped input file (or the reproduce-mode buffer),
 * never from the target's heap; everything on these paths is
 * async-signal-safe. Exit codes: -error_exitcode (77) for crashes and leaks,
 * -timeout_exitcode (70) for timeouts, 71 (libFuzzer's) for out-of-memory. */
#ifndef CFUZZ_CRASH_H
#define CFUZZ_CRASH_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "artifact.h"
#include "input_file.h"

#define CFUZZ_EXIT_OOM 71
/* Set in a worker's environment by the supervisor. */
#define CFUZZ_WORKER_ENV "CFUZZ_WORKER"

struct cfuzz_crash_context {
  struct cfuzz_input_file *input;  /* when set, the current input is here */
  const uint8_t *data;             /* otherwise this one */
  size_t len;
  struct cfuzz_artifact_dest dest;
  bool save_artifacts;             /* false in reproduce mode: libFuzzer does not rewrite its inputs */
  bool supervised;                 /* a worker: record deaths in the input file, don't write artifacts */
  int exit_code;                   /* -error_exitcode */
  int timeout_exit_code;           /* -timeout_exitcode */
  int64_t timeout;                 /* seconds a run may take; 0: no limit */
  int64_t rss_limit_mb;            /* 0: no limit */
  int64_t malloc_limit_mb;         /* 0: no limit */
  bool detect_leaks;               /* -detect_leaks=1 and LeakSanitizer is linked */
  int trace_malloc;                /* -trace_malloc, when a sanitizer's malloc hooks exist; else 0 */
  const uint64_t *runs;            /* NULL, or executions so far, for the stats */
  const uint64_t *new_units;       /* NULL, or entries added so far: then all five stats are printed */
  double start;                    /* cfuzz_now() when fuzzing started, with new_units */
  const struct cfuzz_mutator *mutator; /* NULL, or the one that made the input: libFuzzer's MS: line */
  int print_final_stats;           /* -print_final_stats=1: print them after a crash too */
  bool loading_inputs;             /* running the initial corpus (a leak report says so) */
  /* Filled by cfuzz_crash_install: */
  volatile struct cfuzz_input_header *progress; /* input->header, or own_progress */
  struct cfuzz_input_header own_progress;
  pthread_t target_thread;
  unsigned leak_checks;            /* expensive LSan passes so far */
  uint64_t slowest_run_seconds;    /* longest run the watchdog saw, in whole seconds */
};

/* Fills a context from the command line (flags.h); the caller sets the
 * input and keep_dir. */
struct cfuzz_flags;
void cfuzz_crash_context_init(struct cfuzz_crash_context *ctx, const struct cfuzz_flags *flags);

/* Makes ctx current (for the handlers, the watchdog and the malloc hooks)
 * and installs everything once per process. Call from the thread that runs
 * the target. */
void cfuzz_crash_install(struct cfuzz_crash_context *ctx);
/* No context: deaths are no longer reported (before freeing ctx's input). */
void cfuzz_crash_uninstall(void);

/* The context the handlers currently use (NULL if none). */
struct cfuzz_crash_context *cfuzz_instr_crash_context(void);

/* A native test_one returned a failure for the current input. */
__attribute__((noreturn)) void cfuzz_crash_test_failed(struct cfuzz_crash_context *ctx, const char *test_name,
                                                       int rc);
/* The target wrote into its (const) input during the last run. */
__attribute__((noreturn)) void cfuzz_crash_overwritten_input(struct cfuzz_crash_context *ctx);
/* LeakSanitizer found a leak in the last run. */
__attribute__((noreturn)) void cfuzz_crash_leak(struct cfuzz_crash_context *ctx);
/* A single allocation over -malloc_limit_mb (from a malloc hook). */
__attribute__((noreturn)) void cfuzz_crash_malloc_limit(struct cfuzz_crash_context *ctx, size_t size);
/* The process uses more than -rss_limit_mb (from the watchdog thread). */
__attribute__((noreturn)) void cfuzz_crash_rss_limit(struct cfuzz_crash_context *ctx, size_t rss_mb);
/* The current run has taken `seconds` (from the watchdog thread when the
 * target thread did not answer SIGALRM). */
__attribute__((noreturn)) void cfuzz_crash_timeout(struct cfuzz_crash_context *ctx, uint64_t seconds,
                                                   uintptr_t pc);
/* Asks the target thread to report a timeout of `seconds` (SIGALRM), so
 * the report shows where it is stuck. */
void cfuzz_crash_request_timeout_report(struct cfuzz_crash_context *ctx, uint64_t seconds);

#endif
