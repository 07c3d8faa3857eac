/* One tiny libFuzzer-style target per crash kind, chosen at compile time
 * with -DBUG_<KIND> (BUG_NONE: no bug). The bug fires on inputs whose first
 * byte is 'X' (and, with $CFUZZ_SECOND_BUG set, a different one on 'Y');
 * just before it fires the target writes the bytes it saw to
 * $CFUZZ_SEEN_DIR/<pid>, so the test can check that the reproducer is
 * byte-exact whichever worker found it. */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int __sanitizer_acquire_crash_state(void);

static void record(const uint8_t *data, size_t size) {
  const char *dir = getenv("CFUZZ_SEEN_DIR");
  if (!dir)
    return;
  char path[4096];
  snprintf(path, sizeof path, "%s/%ld", dir, (long)getpid());
  FILE *f = fopen(path, "wb");
  if (f) {
    fwrite(data, 1, size, f);
    fclose(f);
  }
}

volatile int sink;
static volatile int zero, one = 1;
/* Allocations escape through here, so the compiler cannot remove them. */
static void *volatile escape;

__attribute__((noinline)) static int recurse(int depth) {
  volatile char pad[256];
  pad[0] = (char)depth;
  return recurse(depth + 1) + pad[0];
}

__attribute__((noinline)) static void fire(const uint8_t *data, size_t size) {
  (void)data;
  (void)size;
#if defined(BUG_SEGV)
  *(volatile int *)(uintptr_t)zero = 1;
#elif defined(BUG_BUS)
  /* A mapping past the end of its (empty) file: SIGBUS. */
  FILE *f = tmpfile();
  void *p = f ? mmap(NULL, 4096, PROT_READ, MAP_SHARED, fileno(f), 0) : MAP_FAILED;
  sink = p != MAP_FAILED ? *(volatile char *)p : 0;
#elif defined(BUG_ILL)
  __builtin_trap();
#elif defined(BUG_FPE)
  sink = one / zero;
#elif defined(BUG_ABORT)
  abort();
#elif defined(BUG_TRAP)
  raise(SIGTRAP);
#elif defined(BUG_STACK)
  sink = recurse(0);
#elif defined(BUG_EXIT)
  exit(3);
#elif defined(BUG_ASAN)
  char *buf = malloc(8);
  escape = buf;
  buf[8 + zero] = 1;
  free(buf);
#elif defined(BUG_OVERREAD)
  /* One byte past the input: only AddressSanitizer sees it, and only if the
   * input ends where its allocation does. */
  sink = data[size];
#elif defined(BUG_OVERWRITE)
  /* libFuzzer reports a target that writes into its const input. */
  ((uint8_t *)(uintptr_t)data)[0] = 'Z';
#elif defined(BUG_ACQUIRE_EXIT)
  /* A target that took the sanitizers' crash state reports by itself: its
   * exit is not "fuzz target exited". */
  __sanitizer_acquire_crash_state();
  exit(0);
#elif defined(BUG_UBSAN)
  int big = 0x7fffffff;
  sink = big + (int)size;
#elif defined(BUG_LEAK)
  escape = malloc(64 + zero);
  escape = NULL;
#elif defined(BUG_LOOP)
  for (;;)
    sink++;
#elif defined(BUG_MALLOC)
  char *p = malloc((size_t)256 << 20);
  escape = p;
  free(p);
#elif defined(BUG_RSS)
  /* Slow growth: many small allocations, touched, never freed. */
  for (;;) {
    void **p = malloc(1 << 20);
    if (!p)
      break;
    memset(p, 1, 1 << 20);
    *p = escape;
    escape = p;
    usleep(1000);
  }
#elif defined(BUG_NONE)
  sink = (int)size;
#else
#error "define one BUG_<KIND>"
#endif
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
#if defined(BUG_NONE)
  /* Some work per run, so that a worker killed from outside is usually
   * in the middle of one. */
  for (volatile int i = 0; i < 20000; i++)
    sink += i;
#endif
  if (size > 0 && data[0] == 'X') {
    record(data, size);
    fire(data, size);
  }
  if (size > 0 && data[0] == 'Y' && getenv("CFUZZ_SECOND_BUG")) {
    record(data, size);
    abort();
  }
  return 0;
}
