/* malloc_limit.c - the single-allocation limit and allocation counts (see
 * malloc_limit.h). */
#define _GNU_SOURCE
#include "malloc_limit.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include <unistd.h>

#include "crash.h"
#include "instrumentation.h"
#include "sigsafe_text.h"
#include "stack_trace.h"
#include "util.h"

static struct {
  uint64_t limit_mb; /* 0: none */
  bool count;
  bool hooks_installed;
  int trace;         /* -trace_malloc while a run is traced; 0 otherwise */
  uint64_t mallocs, frees;
  pthread_mutex_t trace_lock; /* one thread's line and stack at a time */
} watch = {.trace_lock = PTHREAD_MUTEX_INITIALIZER};
/* Set while this thread prints a trace: what printing allocates is not traced. */
static __thread bool tracing_now;

int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *)) __attribute__((weak));
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

/* An allocation of `size` bytes is about to happen (or happened). */
static void check_size(size_t size) {
  if (cfuzz_instr.target_running)
    cfuzz_instr.allocated_bytes += size;
  uint64_t limit = __atomic_load_n(&watch.limit_mb, __ATOMIC_RELAXED);
  if (!limit || (size >> 20) < limit)
    return;
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (ctx && __atomic_load_n(&ctx->progress->running, __ATOMIC_ACQUIRE))
    cfuzz_crash_malloc_limit(ctx, size);
}

/* libFuzzer's -trace_malloc lines: "MALLOC[n] PTR SIZE" or "FREE[n]   PTR"
 * (n counts from 0 in each run), then the stack at level 2. */
static void trace(const char *what, uint64_t n, const volatile void *ptr, const size_t *size) {
  int level = __atomic_load_n(&watch.trace, __ATOMIC_RELAXED);
  if (!level || tracing_now)
    return;
  tracing_now = true;
  pthread_mutex_lock(&watch.trace_lock);
  struct cfuzz_text t;
  t.len = 0;
  cfuzz_text_str(&t, what);
  cfuzz_text_str(&t, "[");
  cfuzz_text_uint(&t, n);
  cfuzz_text_str(&t, size ? "] 0x" : "]   0x");
  cfuzz_text_hex(&t, (uint64_t)(uintptr_t)ptr);
  if (size) {
    cfuzz_text_str(&t, " ");
    cfuzz_text_uint(&t, *size);
  }
  cfuzz_text_str(&t, "\n");
  cfuzz_text_flush(&t, cfuzz_err_fd());
  if (level >= 2)
    cfuzz_stack_print(0);
  pthread_mutex_unlock(&watch.trace_lock);
  tracing_now = false;
}

static void on_malloc(const volatile void *ptr, size_t size) {
  if (watch.count) {
    uint64_t n = __atomic_fetch_add(&watch.mallocs, 1, __ATOMIC_RELAXED);
    trace("MALLOC", n, ptr, &size);
  }
  check_size(size);
}

static void on_free(const volatile void *ptr) {
  if (watch.count && ptr) {
    uint64_t n = __atomic_fetch_add(&watch.frees, 1, __ATOMIC_RELAXED);
    trace("FREE", n, ptr, NULL);
  }
}

static void print_line(const char *line) { cfuzz_write_all(cfuzz_err_fd(), line, strlen(line)); }

void cfuzz_malloc_trace_start(int level) {
  if (!level)
    return;
  fflush(cfuzz_err());
  print_line("MallocFreeTracer: START\n");
  __atomic_store_n(&watch.trace, level, __ATOMIC_RELAXED);
}

void cfuzz_malloc_trace_stop(void) {
  if (!__atomic_exchange_n(&watch.trace, 0, __ATOMIC_RELAXED))
    return;
  uint64_t mallocs = __atomic_load_n(&watch.mallocs, __ATOMIC_RELAXED);
  uint64_t frees = __atomic_load_n(&watch.frees, __ATOMIC_RELAXED);
  struct cfuzz_text t;
  t.len = 0;
  cfuzz_text_str(&t, "MallocFreeTracer: STOP ");
  cfuzz_text_uint(&t, mallocs);
  cfuzz_text_str(&t, " ");
  cfuzz_text_uint(&t, frees);
  cfuzz_text_str(&t, mallocs == frees ? " (same)\n" : " (DIFFERENT)\n");
  cfuzz_text_flush(&t, cfuzz_err_fd());
}

bool cfuzz_malloc_trace_available(void) { return __sanitizer_install_malloc_and_free_hooks != NULL; }

bool cfuzz_leak_detection_available(void) {
  return __lsan_do_recoverable_leak_check && __sanitizer_install_malloc_and_free_hooks;
}

bool cfuzz_leak_check(void) { return __lsan_do_recoverable_leak_check && __lsan_do_recoverable_leak_check(); }

void cfuzz_malloc_limit_set(int64_t limit_mb, bool count) {
  __atomic_store_n(&watch.limit_mb, limit_mb > 0 ? (uint64_t)limit_mb : 0, __ATOMIC_RELAXED);
  watch.count = count;
  if (!watch.hooks_installed && __sanitizer_install_malloc_and_free_hooks && (limit_mb > 0 || count)) {
    watch.hooks_installed = true;
    __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
  }
}

void cfuzz_malloc_counts_reset(void) {
  __atomic_store_n(&watch.mallocs, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&watch.frees, 0, __ATOMIC_RELAXED);
}

bool cfuzz_malloc_counts_unbalanced(void) {
  return __atomic_load_n(&watch.mallocs, __ATOMIC_RELAXED) > __atomic_load_n(&watch.frees, __ATOMIC_RELAXED);
}

/* Without a sanitizer: glibc's allocator, with the limit checked first. */
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *ptr, size_t size);

__attribute__((weak)) void *malloc(size_t size) {
  check_size(size);
  return __libc_malloc(size);
}

__attribute__((weak)) void *calloc(size_t count, size_t size) {
  size_t total;
  if (!__builtin_mul_overflow(count, size, &total))
    check_size(total);
  return __libc_calloc(count, size);
}

__attribute__((weak)) void *realloc(void *ptr, size_t size) {
  check_size(size);
  return __libc_realloc(ptr, size);
}
