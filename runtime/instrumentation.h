/* instrumentation.h - what the compiler-inserted callbacks record.
 *
 * This is the runtime's one global (cfuzz_instr, defined in callbacks.c): the
 * SanitizerCoverage ABI gives the callbacks no context argument, so they need
 * a fixed place to write. Everything else in the runtime receives its state
 * explicitly; the fuzz loop reads this struct after each run. */
#ifndef CFUZZ_INSTRUMENTATION_H
#define CFUZZ_INSTRUMENTATION_H

#include <stddef.h>
#include <stdint.h>

#include "cmp_table.h"
#include "traced_values.h"
#include "value_profile.h"

#define CFUZZ_MAX_MODULES 256

/* One instrumented module (executable or shared object): its inline 8-bit
 * counters and its PC table of {pc, flags} pairs, one pair per counter. */
struct cfuzz_module {
  uint8_t *counters;
  size_t n_counters;
  const uintptr_t *pcs; /* NULL until __sanitizer_cov_pcs_init registers it */
  size_t n_pcs;
};

struct cfuzz_crash_context; /* crash.h */

struct cfuzz_instrumentation {
  struct cfuzz_module modules[CFUZZ_MAX_MODULES];
  size_t n_modules;
  size_t n_dropped_modules; /* registered beyond CFUZZ_MAX_MODULES: ignored */
  struct cfuzz_traced_values traced;
  struct cfuzz_cmp_table cmp;
  struct cfuzz_value_profile value_profile; /* -use_value_profile=1 */
  /* What a deadly-signal handler needs to save the input being run; set by
   * the loop, read by crash.c (a handler has no other way to get context). */
  struct cfuzz_crash_context *volatile crash;
  /* Nonzero while the target runs (run_target.c). The libc compare
   * interceptors report only then, as libFuzzer's do: the runtime's own
   * strcmp calls (flag names, mutation names) must not become operands. */
  volatile int target_running;
  /* Bytes the target allocated in this run (malloc_limit.c; reset by the
   * loop): big allocations are work the comparison callbacks do not see,
   * the memset of a large image row, the constructors of a huge vector. */
  uint64_t allocated_bytes;
  /* The frame the target is called from (run_target.c): the run's stack
   * depth is measured from here down to __sancov_lowest_stack
   * (stack_depth.h). */
  uintptr_t stack_top;
  /* How many counters libFuzzer's extra counters add (as one module without
   * PC table, modules[extra_counters_module]; cov: leaves them out), 0 if
   * the program has none. Last fields: one here must not move the tables
   * above, which the callbacks write on every compare. */
  size_t n_extra_counters;
  size_t extra_counters_module;
};

extern struct cfuzz_instrumentation cfuzz_instr;

/* How many times instrumented code entered a loop header, in all threads
 * (the pass's loop-work option; racy by design). Named by the pass, so it
 * cannot live in cfuzz_instr. With allocated_bytes it is what the traced
 * comparisons do not see of a run's cost: a byte-copy loop compares
 * nothing. The loop resets it before each run. */
extern uint64_t __cfuzz_loop_iterations;

/* Total counters over all modules. */
size_t cfuzz_instr_counter_count(const struct cfuzz_instrumentation *instr);

/* Registers the program's __libfuzzer_extra_counters section, once, as one
 * more module without a PC table: its counters then give features (hit-count
 * buckets) and are cleared after each run like the others. Returns how many
 * there are. Called before the modules are collected. */
size_t cfuzz_instr_add_extra_counters(void);

#endif
