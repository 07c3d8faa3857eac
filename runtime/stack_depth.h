/* stack_depth.h - how deep a run's stack went, as a feature (libFuzzer's
 * stack-depth feature, with clang's -fsanitize-coverage=stack-depth ABI).
 *
 * The pass (stack-depth option) makes every non-leaf function lower the
 * thread-local __sancov_lowest_stack to its frame address. run_target.c sets
 * it to the caller's frame before each run; the counter scan turns the
 * distance into one feature on a log scale with eight steps per doubling,
 * so that a recursion one level deeper than any before is new while it is
 * shallow, and a few percent deeper once it is deep. Hit-count buckets end
 * at 128+, so without this a parser recursing 200 and 2,000 levels looks
 * the same. Code built without the option never lowers the mark: no
 * feature. */
#ifndef CFUZZ_STACK_DEPTH_H
#define CFUZZ_STACK_DEPTH_H

#include <stdint.h>

/* Slots of the step function for any 64-bit depth (the largest is 495). */
#define CFUZZ_STACK_DEPTH_SLOTS 512

/* Defined weak in callbacks.c: a sanitizer runtime (or libFuzzer's) linked
 * into the same program defines it too, and theirs then wins. */
extern __thread uintptr_t __sancov_lowest_stack __attribute__((tls_model("initial-exec")));

/* The slot of a depth of `words` machine words: exact below 8, then eight
 * steps per power of two. */
static inline uint32_t cfuzz_stack_depth_slot(uint64_t words) {
  if (words < 8)
    return (uint32_t)words;
  uint32_t log2 = 63u - (uint32_t)__builtin_clzll(words); /* >= 3 */
  uint32_t below = (uint32_t)((words >> (log2 - 3)) & 7);  /* the 3 bits after the top one */
  return (log2 - 2) * 8 + below;
}

#endif
