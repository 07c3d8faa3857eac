/* stack_trace.c - stack traces and signature frames (see stack_trace.h).
 * After cfuzz_stack_init nothing here allocates or takes a lock: glibc's
 * backtrace() loads libgcc_s (allocating) only on its first call, which
 * init makes. */
#define _GNU_SOURCE
#include "stack_trace.h"
#include "util.h"

#include <execinfo.h>
#include <link.h>
#include <stdbool.h>
#include <unistd.h>

#define MAX_MODULES 64
#define WALK_MAX 256
#define PRINT_MAX 48

struct module_range {
  uintptr_t start, end;
};

static struct {
  struct module_range modules[MAX_MODULES];
  size_t n_modules;
  uintptr_t target_caller; /* return address in run_target.c after calling the target */
  void *walk[WALK_MAX];    /* static: the alternate signal stack is small */
} stacks;

void __sanitizer_print_stack_trace(void) __attribute__((weak));

static int add_module(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  (void)arg;
  if (stacks.n_modules == MAX_MODULES)
    return 1;
  uintptr_t lo = UINTPTR_MAX, hi = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD)
      continue;
    uintptr_t s = info->dlpi_addr + ph->p_vaddr, e = s + ph->p_memsz;
    if (s < lo)
      lo = s;
    if (e > hi)
      hi = e;
  }
  if (lo < hi)
    stacks.modules[stacks.n_modules++] = (struct module_range){lo, hi};
  return 0;
}

void cfuzz_stack_init(void) {
  static bool done;
  if (done)
    return;
  done = true;
  void *prime[2];
  backtrace(prime, 2);
  dl_iterate_phdr(add_module, NULL);
}

void cfuzz_stack_set_target_caller(uintptr_t return_address) { stacks.target_caller = return_address; }

static uint64_t relative(uintptr_t pc) {
  for (size_t i = 0; i < stacks.n_modules; i++)
    if (pc >= stacks.modules[i].start && pc < stacks.modules[i].end)
      return (uint64_t)i << 40 | (uint64_t)(pc - stacks.modules[i].start);
  return (uint64_t)pc; /* a module loaded later: absolute */
}

/* Index of the frame executing from_pc (0 if not found or from_pc is 0). */
static int first_frame(int n, uintptr_t from_pc) {
  if (from_pc)
    for (int i = 0; i < n; i++)
      if ((uintptr_t)stacks.walk[i] == from_pc)
        return i;
  return 0;
}

size_t cfuzz_stack_frames(uintptr_t from_pc, size_t skip_top, uint64_t frames[CFUZZ_STACK_MAX_FRAMES]) {
  int n = backtrace(stacks.walk, WALK_MAX);
  int i = first_frame(n, from_pc) + (int)skip_top;
  size_t count = 0;
  for (; i < n && count < CFUZZ_STACK_MAX_FRAMES; i++) {
    if ((uintptr_t)stacks.walk[i] == stacks.target_caller)
      break;
    frames[count++] = relative((uintptr_t)stacks.walk[i]);
  }
  return count;
}

void cfuzz_stack_print(uintptr_t from_pc) {
  if (__sanitizer_print_stack_trace) {
    __sanitizer_print_stack_trace();
    return;
  }
  int n = backtrace(stacks.walk, WALK_MAX);
  int i = first_frame(n, from_pc);
  /* A stack overflow has thousands of frames: the top ones tell the story. */
  if (n - i > PRINT_MAX)
    n = i + PRINT_MAX;
  backtrace_symbols_fd(stacks.walk + i, n - i, cfuzz_err_fd());
}
