/* For -print_pcs, -print_funcs and -exit_on_src_pos: each function is
 * reached only by inputs starting with its letter, so a run that first
 * starts with 'B' covers reached_by_b (its own function, PCs and line). */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

__attribute__((noinline)) static void reached_by_a(void) { sink = 1; }

/* Line 12 (new_pcs.sh names it). */
__attribute__((noinline)) static void reached_by_b(void) { sink = 2; }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  if (n > 0 && d[0] == 'A')
    reached_by_a();
  if (n > 0 && d[0] == 'B')
    reached_by_b();
  return 0;
}
