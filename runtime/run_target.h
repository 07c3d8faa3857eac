/* run_target.h - the one seam that runs the target once and classifies the
 * outcome; the fuzz loop, the native smoke runner and libFuzzer's reproduce
 * mode all call it.
 *
 * Around the call it marks the run in the progress fields of the input
 * file's header (runs begun, "running"), which the watchdog thread and the
 * supervisor sample: two stores to mapped memory, no syscall. With leak
 * detection on it counts allocations during the run and asks LeakSanitizer
 * only when they do not balance (libFuzzer's approach). Deaths during the
 * run (signals, timeouts, memory limits, exit(), sanitizer reports, leaks)
 * are reported by crash.c and never return here. */
#ifndef CFUZZ_RUN_TARGET_H
#define CFUZZ_RUN_TARGET_H

#include <stddef.h>
#include <stdint.h>

struct cfuzz_crash_context;

/* Returns 0 (pass), CFUZZ_SKIP (don't keep this input) or anything else
 * (failure: reported as a crash). */
typedef int (*cfuzz_test_one_fn)(void *ctx, const uint8_t *data, size_t len);

struct cfuzz_target {
  cfuzz_test_one_fn test_one;
  void *ctx;
};

enum cfuzz_run_status {
  CFUZZ_RUN_PASSED,
  CFUZZ_RUN_SKIPPED, /* CFUZZ_SKIP: not a failure, not to be kept */
  CFUZZ_RUN_FAILED,  /* a native test returned a failure (*rc) */
};

/* Once, before the first run (cfuzz_crash_install calls it): lets stack
 * traces recognise the seam's frame. */
void cfuzz_run_target_init(void);

/* Runs the target on data; cc (installed) must already describe data as the
 * current input. *rc receives test_one's return value. */
enum cfuzz_run_status cfuzz_run_target(struct cfuzz_crash_context *cc, const struct cfuzz_target *target,
                                        const uint8_t *data, size_t len, int *rc);

#endif
