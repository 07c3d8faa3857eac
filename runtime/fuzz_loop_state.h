/* fuzz_loop_state.h - what the fuzz loop holds, shared by its two files
 * only: fuzz_loop.c (the loop and its runs) and fuzz_loop_setup.c (building
 * the parts from the flags, and freeing them). */
#ifndef CFUZZ_FUZZ_LOOP_STATE_H
#define CFUZZ_FUZZ_LOOP_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "clock_pacing.h"
#include "corpus.h"
#include "coverage_file.h"
#include "crash.h"
#include "entry_records.h"
#include "focus.h"
#include "fuzz_loop.h"
#include "initial_inputs.h"
#include "input_file.h"
#include "judge.h"
#include "len_control.h"
#include "modules.h"
#include "mutate.h"
#include "pc_report.h"
#include "rng.h"
#include "run_features.h"
#include "schedule.h"
#include "sha1.h"

struct fuzzer {
  const struct cfuzz_loop_config *cfg;
  struct cfuzz_modules modules;
  struct cfuzz_coverage_file cov;
  struct cfuzz_input_file input;
  struct cfuzz_corpus corpus;
  struct cfuzz_crash_context crash;
  struct cfuzz_rng rng;
  struct cfuzz_mutator mutator;
  struct cfuzz_scheduler scheduler;
  struct cfuzz_judge judge;
  struct cfuzz_pc_report pcs; /* -print_pcs, -print_funcs, -exit_on_src_pos */
  struct cfuzz_focus focus;   /* -focus_function */
  struct cfuzz_entry_records records; /* -features_dir, -mutation_graph_file */
  uint64_t *run_bits;    /* PCs of the last run */
  struct cfuzz_run_features run_features; /* features of the last run */
  struct cfuzz_run_outcome run;           /* the last run, as judged */
  uint64_t next_reduce;                   /* run count of the next -reduce_inputs pass */
  uint64_t next_len_check;                /* run count of the next length-control check */
  size_t max_len;
  struct cfuzz_len_control len; /* -len_control */
  uint64_t runs, new_units, next_pulse;
  char exit_item[CFUZZ_SHA1_HEX_LEN + 1]; /* -exit_on_item, lowercase; "" if unset */
  struct cfuzz_clock_pacing clock; /* when the loop reads the clock */
  uint64_t runs_published; /* runs added to the coverage file's total so far */
  int64_t run_limit;
  double start, deadline, next_rescan;
  char *input_path;
};

/* Builds every part from cfg's flags, writes the start-up lines (seed,
 * modules), opens the work directory's files and installs the crash
 * handlers. Fatal on a bad work directory or coverage file. */
void cfuzz_fuzzer_setup(struct fuzzer *f, const struct cfuzz_loop_config *cfg);

/* Uninstalls the handlers, removes the input file and frees every part. */
void cfuzz_fuzzer_teardown(struct fuzzer *f);

/* Where the initial inputs come from (corpus and extra directories, seeds). */
struct cfuzz_initial_sources cfuzz_loop_initial_sources(const struct cfuzz_loop_config *cfg);

#endif
