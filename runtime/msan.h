/* msan.h - running a target built with MemorySanitizer, as libFuzzer does.
 *
 * The runtime is not built with -fsanitize=memory, so it keeps no shadow
 * memory. Left alone, MSan's libc interceptors would check the runtime's own
 * calls against stale shadow (false reports), and the target would read
 * stale shadow for the bytes and the parameters the runtime hands it. So:
 * interceptor checks are off except while the target's callbacks run, and
 * the input and the call's parameters are marked initialised before each
 * call into the target. Without MSan linked each of these is one test of a
 * weak symbol. */
#ifndef CFUZZ_MSAN_H
#define CFUZZ_MSAN_H

#include <stdbool.h>
#include <stddef.h>

/* MSan's interface (defined by its runtime only). The checks switch is a
 * per-thread counter: each "off" must be matched by one "on". */
void __msan_scoped_disable_interceptor_checks(void) __attribute__((weak));
void __msan_scoped_enable_interceptor_checks(void) __attribute__((weak));
void __msan_unpoison(const volatile void *addr, size_t size) __attribute__((weak));
void __msan_unpoison_param(size_t n) __attribute__((weak));

static inline bool cfuzz_msan_linked(void) { return __msan_unpoison != NULL; }

static inline void cfuzz_msan_checks_off(void) {
  if (__msan_scoped_disable_interceptor_checks)
    __msan_scoped_disable_interceptor_checks();
}

static inline void cfuzz_msan_checks_on(void) {
  if (__msan_scoped_enable_interceptor_checks)
    __msan_scoped_enable_interceptor_checks();
}

/* The bytes the runtime wrote (uninstrumented stores leave shadow as it was). */
static inline void cfuzz_msan_initialized(const volatile void *addr, size_t size) {
  if (__msan_unpoison)
    __msan_unpoison(addr, size);
}

/* The next call's first n parameters: an uninstrumented caller leaves the
 * parameter shadow of whatever instrumented call came last. */
static inline void cfuzz_msan_params_initialized(size_t n) {
  if (__msan_unpoison_param)
    __msan_unpoison_param(n);
}

#endif
