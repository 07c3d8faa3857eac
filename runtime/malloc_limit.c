/* malloc_limit.c - the single-allocation limit and allocation counts (see
 * malloc_limit.h). */
#define _GNU_SOURCE
#include "malloc_limit.h"

#include <stddef.h>

#include "crash.h"
#include "instrumentation.h"

static struct {
  uint64_t limit_mb; /* 0: none */
  bool count;
  bool hooks_installed;
  uint64_t mallocs, frees;
} watch;

int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
                                              void (*free_hook)(const volatile void *)) __attribute__((weak));
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

/* An allocation of `size` bytes is about to happen (or happened). */
static void check_size(size_t size) {
  uint64_t limit = __atomic_load_n(&watch.limit_mb, __ATOMIC_RELAXED);
  if (!limit || (size >> 20) < limit)
    return;
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (ctx && __atomic_load_n(&ctx->progress->running, __ATOMIC_ACQUIRE))
    cfuzz_crash_malloc_limit(ctx, size);
}

static void on_malloc(const volatile void *ptr, size_t size) {
  (void)ptr;
  if (watch.count)
    __atomic_fetch_add(&watch.mallocs, 1, __ATOMIC_RELAXED);
  check_size(size);
}

static void on_free(const volatile void *ptr) {
  if (watch.count && ptr)
    __atomic_fetch_add(&watch.frees, 1, __ATOMIC_RELAXED);
}

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
