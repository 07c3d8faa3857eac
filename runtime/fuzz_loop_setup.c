/* fuzz_loop_setup.c - the fuzz loop's parts built from the flags before the
 * first run, and freed after the last (fuzz_loop_state.h). Nothing here runs
 * per execution. */
#define _GNU_SOURCE
#include "fuzz_loop_state.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "instrumentation.h"
#include "stop_request.h"
#include "util.h"
#include "work_dir.h"

struct cfuzz_initial_sources cfuzz_loop_initial_sources(const struct cfuzz_loop_config *cfg) {
  return (struct cfuzz_initial_sources){
      .corpus_dir = cfg->corpus_dir,
      .extra_dirs = cfg->extra_dirs,
      .n_extra_dirs = cfg->n_extra_dirs,
      .seeds = cfg->seeds,
      .n_seeds = cfg->n_seeds,
  };
}

void cfuzz_fuzzer_setup(struct fuzzer *f, const struct cfuzz_loop_config *cfg) {
  memset(f, 0, sizeof *f);
  f->cfg = cfg;
  const struct cfuzz_flags *flags = cfg->flags;
  struct cfuzz_initial_sources from = cfuzz_loop_initial_sources(cfg);
  f->max_len = cfg->max_len     ? cfg->max_len
               : flags->max_len ? (size_t)flags->max_len
                                : cfuzz_initial_inputs_default_max_len(&from);
  f->run_limit = flags->runs;
  f->records = (struct cfuzz_entry_records){flags->features_dir, flags->mutation_graph_file};
  if (flags->exit_on_item) {
    if (strlen(flags->exit_on_item) != CFUZZ_SHA1_HEX_LEN)
      cfuzz_warn("-exit_on_item=%s is not a SHA-1 (40 hex digits): no input will match", flags->exit_on_item);
    else
      for (size_t i = 0; i < CFUZZ_SHA1_HEX_LEN; i++)
        f->exit_item[i] = (char)tolower((unsigned char)flags->exit_on_item[i]);
  }
  uint64_t seed = cfuzz_rng_seed_from_flag(flags->seed);
  cfuzz_rng_seed(&f->rng, seed);
  cfuzz_mutator_init(&f->mutator, &f->rng,
                     &(struct cfuzz_mutator_options){.cmp = flags->use_cmp ? &cfuzz_instr.cmp : NULL,
                                                     .depth = (size_t)flags->mutate_depth,
                                                     .only_ascii = flags->only_ascii != 0,
                                                     .dict_path = flags->dict,
                                                     .max_len = f->max_len,
                                                     .whole_sequence = flags->verbosity >= 2,
                                                     .adaptive = flags->adapt_mutations != 0,
                                                     .cmp_difference = flags->cmp_difference != 0});
  fprintf(cfuzz_err(), "INFO: Seed: %" PRIu64 "\n", seed);

  size_t extra = cfuzz_instr_add_extra_counters();
  cfuzz_modules_collect(&cfuzz_instr, &f->modules);
  fprintf(cfuzz_err(), "INFO: Loaded %zu modules (%zu inline 8-bit counters)\n",
          cfuzz_instr.n_modules - (extra ? 1 : 0), f->modules.n_pcs - extra);
  if (extra)
    fprintf(cfuzz_err(), "INFO: %zu Extra Counters\n", extra);
  if (cfuzz_instr.n_dropped_modules)
    cfuzz_warn("%zu instrumented modules beyond the first %d are ignored", cfuzz_instr.n_dropped_modules,
               CFUZZ_MAX_MODULES);
  if (!cfg->max_len && !flags->max_len)
    fprintf(cfuzz_err(), "INFO: -max_len is not provided; libFuzzer will not generate inputs larger than %zu bytes\n",
            f->max_len);
  cfuzz_focus_init(&f->focus, &cfuzz_instr, &f->modules, flags->focus_function);
  struct cfuzz_work_dir_spec files = {
      .workdir = flags->workdir,
      .corpus_dir = cfg->corpus_dir,
      .keep_crash_dir = cfg->keep_crash_dir,
      .artifact_prefix = flags->artifact_prefix,
      .modules = &f->modules,
      .input_capacity = f->max_len < 4096 ? f->max_len : 4096,
  };
  f->input_path = cfuzz_work_dir_open(&files, &f->cov, &f->input);
  f->run_bits = cfuzz_xcalloc(f->modules.n_words, sizeof(uint64_t));
  size_t feature_space = cfuzz_feature_space(f->modules.n_pcs);
  cfuzz_corpus_init(&f->corpus, cfg->corpus_dir, f->modules.n_words, feature_space);
  struct cfuzz_judge_options judge = {
      .reduce_inputs = flags->reduce_inputs != 0, .keep_seed = flags->keep_seed != 0, .shrink = flags->shrink != 0};
  if (judge.shrink)
    cfuzz_corpus_keep_smallest(&f->corpus);
  cfuzz_judge_init(&f->judge, &judge, feature_space);
  f->run_features.ids = cfuzz_xcalloc(f->modules.n_pcs + CFUZZ_VP_MAX_PER_RUN + 1, sizeof(uint32_t));
  cfuzz_instr.value_profile.enabled = flags->use_value_profile != 0;
  struct cfuzz_schedule_options schedule = {
      /* Weights are what favours the focus function's inputs (libFuzzer
       * turns entropic off instead, for its plain weights by position). */
      .entropic = flags->entropic != 0 || f->focus.set,
      .has_focus = f->focus.set,
      .focus_pc = f->focus.pc,
      .feature_frequency_threshold = (uint32_t)flags->entropic_feature_frequency_threshold,
      .rarest_features = (uint32_t)flags->entropic_number_of_rarest_features,
      .scale_per_exec_time = flags->entropic_scale_per_exec_time != 0,
  };
  cfuzz_scheduler_init(&f->scheduler, &schedule, feature_space);

  cfuzz_crash_context_init(&f->crash, flags);
  f->crash.input = &f->input;
  f->crash.dest.keep_dir = cfg->keep_crash_dir;
  f->crash.runs = &f->runs;
  f->crash.new_units = &f->new_units;
  f->crash.mutator = &f->mutator;
  cfuzz_crash_install(&f->crash);
  cfuzz_stop_defer(true);
}

void cfuzz_fuzzer_teardown(struct fuzzer *f) {
  cfuzz_stop_defer(false);
  cfuzz_crash_uninstall();
  cfuzz_input_file_close(&f->input);
  unlink(f->input_path);
  free(f->input_path);
  cfuzz_coverage_file_close(&f->cov);
  cfuzz_corpus_free(&f->corpus);
  cfuzz_mutator_free(&f->mutator);
  cfuzz_modules_free(&f->modules);
  free(f->run_bits);
  free(f->run_features.ids);
  cfuzz_scheduler_free(&f->scheduler);
  cfuzz_judge_free(&f->judge);
  cfuzz_pc_report_free(&f->pcs);
  cfuzz_instr.value_profile.enabled = false;
}
