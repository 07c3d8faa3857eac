/* malloc_limit.h - watching the target's allocations: -malloc_limit_mb (one
 * allocation that large is an out-of-memory bug) and the malloc/free counts
 * that tell when a leak check is worth running.
 *
 * With a sanitizer linked, its malloc hooks report every allocation
 * (__sanitizer_install_malloc_and_free_hooks). Without one, this module
 * defines malloc, calloc and realloc as weak symbols forwarding to glibc's
 * __libc_* functions: a sanitizer's own malloc, linked from its runtime,
 * takes precedence, and --whole-archive links of libcfuzz.a still link.
 * The malloc callbacks have no context argument, so the limit and counts
 * are module state (like cfuzz_instr for the coverage callbacks); the limit
 * applies only while the target runs. */
#ifndef CFUZZ_MALLOC_LIMIT_H
#define CFUZZ_MALLOC_LIMIT_H

#include <stdbool.h>
#include <stdint.h>

/* LeakSanitizer is linked: leaks can be detected after each run. */
bool cfuzz_leak_detection_available(void);
/* Runs LeakSanitizer's recoverable check; true if it found (and printed)
 * leaks. */
bool cfuzz_leak_check(void);

/* limit_mb: 0 for none; count: count allocations for leak detection. */
void cfuzz_malloc_limit_set(int64_t limit_mb, bool count);

/* -trace_malloc=1 or 2 (as libFuzzer, with a sanitizer's malloc hooks
 * only): between start and stop, every allocation and free prints a line
 * ("MALLOC[n] PTR SIZE", "FREE[n]   PTR"), at level 2 with its stack;
 * start prints "MallocFreeTracer: START", stop "MallocFreeTracer: STOP
 * MALLOCS FREES (same|DIFFERENT)". Counting (cfuzz_malloc_limit_set) must
 * be on. Level 0: nothing. */
bool cfuzz_malloc_trace_available(void);
void cfuzz_malloc_trace_start(int level);
void cfuzz_malloc_trace_stop(void);

void cfuzz_malloc_counts_reset(void);
/* More allocations than frees since the reset. */
bool cfuzz_malloc_counts_unbalanced(void);

#endif
