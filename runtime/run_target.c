/* run_target.c - running the target once (see run_target.h). */
#include "run_target.h"

#include <stdbool.h>
#include <stdio.h>

#include "cfuzz.h"
#include "crash.h"
#include "instrumentation.h"
#include "malloc_limit.h"
#include "sanitizer_input.h"
#include "stack_depth.h"
#include "stack_trace.h"
#include "util.h"

/* Libfuzzer's limit: a target that keeps allocations in global state
 * would otherwise pay a full LeakSanitizer pass on every run. */
#define MAX_LEAK_CHECKS 1000

/* The target is always called from this one instruction, so a stack walk
 * can stop at its return address: frames below it differ between the
 * corpus loader and the mutation loop, not between bugs. It is called
 * through a volatile pointer so that the compiler keeps exactly one copy. */
int cfuzz_call_target(cfuzz_test_one_fn fn, void *ctx, const uint8_t *data, size_t len);
__attribute__((noinline)) int cfuzz_call_target(cfuzz_test_one_fn fn, void *ctx, const uint8_t *data,
                                                size_t len) {
  int rc = fn(ctx, data, len);
  __asm__ volatile("" ::: "memory"); /* not a tail call: keep this frame */
  return rc;
}
static int (*volatile call_target_)(cfuzz_test_one_fn, void *, const uint8_t *, size_t) = cfuzz_call_target;

static int call_target(cfuzz_test_one_fn fn, void *ctx, const uint8_t *data, size_t len) {
  uintptr_t top = (uintptr_t)__builtin_frame_address(0);
  cfuzz_instr.stack_top = top;
  __sancov_lowest_stack = top;
  cfuzz_instr.target_running = 1;
  int rc = call_target_(fn, ctx, data, len);
  cfuzz_instr.target_running = 0;
  return rc;
}

__attribute__((noinline)) static int learn_return_address(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  (void)data;
  (void)len;
  cfuzz_stack_set_target_caller((uintptr_t)__builtin_return_address(0));
  return 0;
}

void cfuzz_run_target_init(void) { call_target_(learn_return_address, NULL, NULL, 0); }

static void check_leaks(struct cfuzz_crash_context *cc) {
  if (!cfuzz_malloc_counts_unbalanced())
    return;
  if (++cc->leak_checks > MAX_LEAK_CHECKS) {
    fprintf(cfuzz_err(), "INFO: libFuzzer disabled leak detection after every mutation.\n"
                    "      Most likely the target function accumulates allocated\n"
                    "      memory in a global state w/o actually leaking it.\n"
                    "      If LeakSanitizer is enabled in this process it will still\n"
                    "      run on the process shutdown.\n");
    cc->detect_leaks = false;
    cfuzz_malloc_limit_set(cc->malloc_limit_mb, cc->trace_malloc != 0);
    return;
  }
  if (cfuzz_leak_check())
    cfuzz_crash_leak(cc);
}

enum cfuzz_run_status cfuzz_run_target(struct cfuzz_crash_context *cc, const struct cfuzz_target *target,
                                        const uint8_t *data, size_t len, int *rc) {
  if (!cc) { /* cfuzz_fuzz called outside the runner: nothing watches */
    *rc = call_target(target->test_one, target->ctx, data, len);
    return *rc == 0 ? CFUZZ_RUN_PASSED : *rc == CFUZZ_SKIP ? CFUZZ_RUN_SKIPPED : CFUZZ_RUN_FAILED;
  }
  const uint8_t *given = cfuzz_sanitizer_input(data, len);
  volatile struct cfuzz_input_header *progress = cc->progress;
  bool leaks = cc->detect_leaks;
  if (leaks || cc->trace_malloc) {
    cfuzz_malloc_counts_reset();
    cfuzz_malloc_trace_start(cc->trace_malloc);
  }
  progress->runs_started++;
  __atomic_store_n(&progress->running, 1, __ATOMIC_RELEASE);
  *rc = call_target(target->test_one, target->ctx, given, len);
  __atomic_store_n(&progress->running, 0, __ATOMIC_RELEASE);
  if (cfuzz_sanitizer_input_overwritten(given, data, len))
    cfuzz_crash_overwritten_input(cc);
  if (cc->trace_malloc)
    cfuzz_malloc_trace_stop();
  if (leaks)
    check_leaks(cc);
  if (*rc == 0)
    return CFUZZ_RUN_PASSED;
  return *rc == CFUZZ_SKIP ? CFUZZ_RUN_SKIPPED : CFUZZ_RUN_FAILED;
}
