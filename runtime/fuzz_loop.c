/* fuzz_loop.c - the fuzz loop: start -> mutate_and_run -> run_one,
 * following the reference design (lib/fuzzer.zig at d789f1e5cf).
 *
 * run_one runs the input, merges its PCs into the shared coverage file and
 * asks judge.c what the run is worth: a new entry (written to disk), a
 * replacement of its parent (strictly better ones are written to disk in
 * batches, new file first, at the periodic check and at the end; equal
 * ones stay in memory and cost a memcpy), or nothing. schedule.c picks each
 * parent.
 * Per execution the loop touches only the input and the counters: no
 * syscall, no allocation (the clock is read through the vDSO at most once
 * per run and usually once per 256, clock_pacing.h; the corpus directory is
 * rescanned every few seconds). fuzz_loop_setup.c builds the parts from
 * the flags and frees them; work_dir.c opens the files. */
#define _GNU_SOURCE
#include "fuzz_loop_state.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus_stats.h"
#include "instrumentation.h"
#include "report.h"
#include "run_coverage.h"
#include "run_target.h"
#include "stop_request.h"
#include "util.h"

/* Runs between two -len_control checks. */
#define LEN_CHECK_EVERY_RUNS 256
/* Rescan of the corpus directory and flush of improved entries. */
#define RESCAN_SECONDS 5.0
/* Runs between two -reduce_inputs passes (the first comes after loading). */
#define REDUCE_EVERY_RUNS (1u << 16)
/* Allocated bytes per unit of a run's work (run_work). */
#define ALLOCATED_BYTES_PER_WORK 1024
/* Most a mutation can grow an input (stacked string insertions). */
#define MUTATION_GROWTH (4 * CFUZZ_CMP_STR_MAX)


/* cov: the program's covered PCs, without libFuzzer's extra counters. A
 * shared library may register its module after them (a later native test's
 * loop), so their range is left out wherever it sits. */
static size_t program_pcs_covered(const struct fuzzer *f) {
  size_t all = cfuzz_corpus_pc_count(&f->corpus, 0, f->modules.n_pcs);
  if (!cfuzz_instr.n_extra_counters)
    return all;
  size_t first = f->modules.first_pc[cfuzz_instr.extra_counters_module];
  return all - cfuzz_corpus_pc_count(&f->corpus, first, first + cfuzz_instr.n_extra_counters);
}

static struct cfuzz_status status_of(const struct fuzzer *f) {
  struct cfuzz_status s = {
      .runs = f->runs,
      .cov = program_pcs_covered(f),
      .ft = f->corpus.n_features,
      .corpus_entries = f->corpus.n,
      .corpus_bytes = f->corpus.total_bytes,
      .len_limit = f->len.limit,
      .focus = cfuzz_focus_count(&f->focus, &f->corpus),
      .elapsed = cfuzz_now() - f->start,
  };
  return s;
}

static void grow_input_file(struct fuzzer *f, size_t capacity) {
  char err[4200];
  if (cfuzz_input_file_reserve(&f->input, capacity, err, sizeof err) != 0)
    cfuzz_fatal("%s", err);
}

/* -exit_on_item: stops the loop (through the run limit, which the loop
 * checks anyway) once an entry has this SHA-1. Only for runs that change the
 * corpus, so the hash is never taken per execution. libFuzzer exits on the
 * spot; cfuzz finishes normally, so improved entries are written first. */
static void check_exit_on_item(struct fuzzer *f, const char hex[CFUZZ_SHA1_HEX_LEN + 1]) {
  if (!f->exit_item[0] || strcmp(hex, f->exit_item) != 0)
    return;
  fprintf(cfuzz_err(), "INFO: found item with checksum '%s', exiting.\n", f->exit_item);
  f->run_limit = (int64_t)f->runs;
}

/* The records of an entry the run created or changed (entry_records.h) and
 * the -exit_on_item check, with one hash of its content. */
static void record_entry(struct fuzzer *f, enum cfuzz_verdict v, size_t entry, size_t parent) {
  const struct cfuzz_corpus_entry *e = &f->corpus.entries[entry];
  char hex[CFUZZ_SHA1_HEX_LEN + 1];
  cfuzz_sha1_hex(e->data, e->len, hex);
  if (v == CFUZZ_VERDICT_NEW || v == CFUZZ_VERDICT_REPLACE_BETTER)
    cfuzz_entry_records_features(&f->records, hex, e->features, e->n_features);
  if (v == CFUZZ_VERDICT_NEW && f->records.graph_file) {
    char parent_hex[CFUZZ_SHA1_HEX_LEN + 1], label[512] = "";
    if (parent != CFUZZ_NO_PARENT) {
      const struct cfuzz_corpus_entry *p = &f->corpus.entries[parent];
      cfuzz_sha1_hex(p->data, p->len, parent_hex);
      cfuzz_mutator_format_sequence(&f->mutator, label, sizeof label);
    }
    cfuzz_entry_records_edge(&f->records, parent != CFUZZ_NO_PARENT ? parent_hex : NULL, hex, label);
  }
  check_exit_on_item(f, hex);
}

/* What the run cost, in deterministic units (schedule.h): the comparisons it
 * traced, the loop iterations it ran, plus one per KB it allocated. An
 * iteration of a copy loop costs about as much as a traced comparison; an
 * allocation costs little unless touched, since malloc hands back memory
 * freed by earlier runs, and touching it mostly takes loops, which count
 * (lz4's untouched frame buffers at one unit per 64 bytes hid its slow
 * entries: benchmarks.md, 6 December). */
static uint64_t run_work(void) {
  return cfuzz_traced_values_calls(&cfuzz_instr.traced) + __cfuzz_loop_iterations +
         cfuzz_instr.allocated_bytes / ALLOCATED_BYTES_PER_WORK;
}

/* Runs the input already in the input file and analyses the run. A NEW
 * input is written to the corpus directory unless `on_disk` (it came from
 * there). */
static enum cfuzz_verdict run_one(struct fuzzer *f, size_t parent, bool on_disk) {
  const struct cfuzz_loop_config *cfg = f->cfg;
  size_t len = cfuzz_input_file_length(&f->input);
  cfuzz_traced_values_clear(&cfuzz_instr.traced);
  cfuzz_instr.allocated_bytes = 0;
  __cfuzz_loop_iterations = 0;
  int rc;
  struct cfuzz_target target = {cfg->test_one, cfg->ctx};
  enum cfuzz_run_status status = cfuzz_run_target(&f->crash, &target, f->input.data, len, &rc);
  f->runs++;
  if (status == CFUZZ_RUN_FAILED)
    cfuzz_crash_test_failed(&f->crash, cfg->test_name, rc);

  cfuzz_collect_run(&cfuzz_instr, &f->modules, f->run_bits, &f->run_features);
  bool fresh = cfuzz_merge_run_bits(f->cov.seen, f->run_bits, f->modules.n_words);
  f->run = (struct cfuzz_run_outcome){
      .bits = f->run_bits,
      .features = f->run_features.ids,
      .n_features = f->run_features.n,
      .len = len,
      .traced = cfuzz_traced_values_count(&cfuzz_instr.traced),
      .work = run_work(),
      .fresh = fresh,
  };
  cfuzz_scheduler_observe(&f->scheduler, &f->run, f->runs);
  if (rc == CFUZZ_SKIP)
    return CFUZZ_VERDICT_BORING;
  enum cfuzz_verdict v = cfuzz_judge_run(&f->judge, &f->corpus, &f->run, parent);
  size_t entry;
  switch (v) {
  case CFUZZ_VERDICT_BORING:
    return v;
  case CFUZZ_VERDICT_NEW:
    entry = cfuzz_corpus_add(&f->corpus, f->input.data, &f->run, !on_disk);
    f->corpus.entries[entry].seed = parent == CFUZZ_NO_PARENT;
    f->new_units++;
    cfuzz_len_control_progress(&f->len, f->runs);
    cfuzz_scheduler_corpus_changed(&f->scheduler);
    break;
  case CFUZZ_VERDICT_REPLACE:
    cfuzz_corpus_replace(&f->corpus, parent, f->input.data, &f->run, false);
    break;
  case CFUZZ_VERDICT_REPLACE_BETTER:
    cfuzz_corpus_replace(&f->corpus, parent, f->input.data, &f->run, true);
    /* Progress for -len_control, as libFuzzer counts its reductions: the
     * limit grows only once the search at this length has stalled. */
    cfuzz_len_control_progress(&f->len, f->runs);
    cfuzz_scheduler_corpus_changed(&f->scheduler);
    break;
  }
  if (f->exit_item[0] || f->records.features_dir || f->records.graph_file)
    record_entry(f, v, v == CFUZZ_VERDICT_NEW ? entry : parent, parent);
  __atomic_fetch_add(&f->cov.header->unique_runs, 1, __ATOMIC_RELAXED);
  return v;
}

static void report_new(struct fuzzer *f) {
  struct cfuzz_status s = status_of(f);
  char mutations[512];
  cfuzz_mutator_format_sequence(&f->mutator, mutations, sizeof mutations);
  cfuzz_report_status_with("NEW", &s, f->corpus.entries[f->corpus.n - 1].len, f->max_len, mutations);
}

/* SIGINT, SIGTERM, SIGUSR1 or SIGUSR2 came (stop_request.h): the improved
 * entries go to disk, then libFuzzer's line and final statistics. */
__attribute__((noreturn)) static void stop_now(struct fuzzer *f) {
  cfuzz_corpus_flush(&f->corpus, true);
  int code = cfuzz_stop_report();
  if (f->cfg->flags->print_final_stats) {
    struct cfuzz_status s = status_of(f);
    cfuzz_report_final_stats(&s, f->new_units, f->crash.slowest_run_seconds);
  }
  fflush(cfuzz_err());
  unlink(f->input_path);
  _exit(code);
}

/* Runs a loaded or seed input once. With -keep_seed=1 it stays an entry even
 * when it adds nothing (as the reference keeps its whole corpus); otherwise,
 * as with libFuzzer, only inputs with new features are kept. `name`: the
 * input already is the file of that name in the corpus directory; NULL
 * otherwise. */
static void load_input(struct fuzzer *f, const uint8_t *data, size_t len, const char *name) {
  if (cfuzz_stop_requested)
    stop_now(f);
  if (len > f->max_len)
    len = f->max_len;
  if (len > f->input.capacity)
    grow_input_file(f, len);
  memcpy(f->input.data, data, len);
  cfuzz_input_file_set_length(&f->input, len);
  f->mutator.sequence_len = 0; /* not mutated: "MS: 0" if it crashes */
  if (run_one(f, CFUZZ_NO_PARENT, name != NULL) == CFUZZ_VERDICT_BORING && f->cfg->flags->keep_seed) {
    size_t i = cfuzz_corpus_add(&f->corpus, data, &f->run, false);
    f->corpus.entries[i].seed = true;
    cfuzz_scheduler_corpus_changed(&f->scheduler);
  }
}

/* A file arriving in the corpus directory while fuzzing (another process's). */
static void visit_corpus_file(void *ctx, const char *name, const uint8_t *data, size_t len) {
  load_input(ctx, data, len, name);
}

static void load_corpus(struct fuzzer *f) {
  const struct cfuzz_loop_config *cfg = f->cfg;
  struct cfuzz_initial_inputs l = {0};
  struct cfuzz_initial_sources from = cfuzz_loop_initial_sources(cfg);
  const char *bad_dir = NULL;
  if (cfuzz_initial_inputs_collect(&l, &f->corpus, &from, f->max_len, &bad_dir) != 0)
    cfuzz_fatal("cannot read corpus directory '%s'", bad_dir);
  cfuzz_initial_inputs_report(&l, cfuzz_err());
  cfuzz_initial_inputs_order(&l, cfg->flags->shuffle != 0, cfg->flags->prefer_small != 0, &f->rng);
  for (size_t i = 0; i < l.n; i++) {
    /* A corpus-directory file is already on disk; anything else that adds
     * features is written there. */
    load_input(f, l.items[i].data, l.items[i].len, l.items[i].in_corpus_dir ? "" : NULL);
  }
  cfuzz_initial_inputs_free(&l);
  if (f->corpus.n == 0) {
    /* Nothing to start from, or nothing with features: one random input,
     * as the reference does, kept whatever it covers; with length control
     * no longer than the limit starts (libFuzzer starts from "\n"). */
    uint8_t random_input[200];
    size_t len = cfuzz_rng_below(&f->rng, f->cfg->flags->len_control ? CFUZZ_LEN_LIMIT_START + 1 : sizeof random_input);
    if (len > f->max_len)
      len = f->max_len;
    cfuzz_rng_bytes(&f->rng, random_input, len);
    /* Kept in memory only (libFuzzer does not write its starting input
     * either): "" marks it as needing no file. */
    load_input(f, random_input, len, "");
    if (f->corpus.n == 0 && f->run_limit != 0) {
      /* No input shows any feature: the code is not instrumented (or not
       * reached). libFuzzer gives up here rather than fuzz blindly. */
      fprintf(cfuzz_err(), "ERROR: no interesting inputs were found. Is the code instrumented for coverage? Exiting.\n");
      cfuzz_crash_uninstall(); /* its exit hook reads the input file */
      cfuzz_input_file_close(&f->input);
      unlink(f->input_path);
      exit(1);
    }
    if (f->corpus.n == 0) {
      cfuzz_corpus_add(&f->corpus, random_input, &f->run, false);
      cfuzz_scheduler_corpus_changed(&f->scheduler);
    }
    /* Random bytes, not the user's: free to drift. Like libFuzzer's "\n",
     * never written, improved or not: it holds what the files do not. */
    f->corpus.entries[0].seed = false;
    f->corpus.entries[0].memory_only = true;
  }
  fprintf(cfuzz_err(), "INFO: loaded %zu corpus entries (%zu bytes)\n", f->corpus.n, f->corpus.total_bytes);
}

/* -reduce_inputs, -shrink: drops entries whose features better ones hold.
 * At fixed run counts, so a -seed run repeats. */
static void reduce_corpus(struct fuzzer *f) {
  const struct cfuzz_flags *flags = f->cfg->flags;
  if (!flags->reduce_inputs && !flags->shrink)
    return;
  if (cfuzz_corpus_drop_redundant(&f->corpus, flags->keep_seed != 0, flags->shrink != 0) > 0)
    cfuzz_scheduler_corpus_changed(&f->scheduler);
}

/* The crossover partner, drawn only when a mutation asks for one: by the
 * parents' weights, as libFuzzer does unless -cross_over_uniform_dist=1. */
static const uint8_t *pick_partner(void *ctx, size_t *len) {
  struct fuzzer *f = ctx;
  const struct cfuzz_corpus_entry *p = &f->corpus.entries[cfuzz_scheduler_pick_partner(
      &f->scheduler, &f->corpus, &f->rng, f->cfg->flags->cross_over_uniform_dist != 0)];
  *len = p->len;
  return p->data;
}

/* One parent's turn, after libFuzzer's: -mutate_depth runs, each adding
 * one mutation to the last input (stacking for the cost of one mutation
 * and one parent pick per turn), except that a step may start again from
 * the parent (below). A run that replaces the parent makes it the parent
 * the next steps are judged against. */
static void mutate_and_run(struct fuzzer *f, size_t parent) {
  const struct cfuzz_corpus_entry *e = &f->corpus.entries[parent];
  size_t need = e->len + MUTATION_GROWTH;
  if (need > f->len.limit)
    need = f->len.limit;
  if (need > f->input.capacity)
    grow_input_file(f, need);
  size_t cap = f->input.capacity < f->len.limit ? f->input.capacity : f->len.limit;
  /* Only while some entry has bytes: a crossover with an empty partner
   * fails, and the empty target's corpus is one empty entry. */
  bool crossover = f->cfg->flags->cross_over && f->corpus.total_bytes > 0;
  cfuzz_mutator_set_partner_source(&f->mutator, crossover ? pick_partner : NULL, f);
  size_t len = 0;
  uint64_t runs_before = f->runs;
  for (size_t step = 0; step < f->mutator.depth; step++) {
    if ((f->run_limit >= 0 && f->runs >= (uint64_t)f->run_limit) || cfuzz_stop_requested)
      break;
    /* Re-read: a run of this turn may have replaced the parent. */
    e = &f->corpus.entries[parent];
    len = cfuzz_mutator_turn_step(&f->mutator, step, e->data, e->len, f->input.data, len, cap);
    cfuzz_input_file_set_length(&f->input, len);
    enum cfuzz_verdict v = run_one(f, parent, false);
    /* Progress only: a neutral swap (REPLACE) is no success of the
     * mutations or words, and on targets that ignore most bytes it comes
     * every few runs (woff2: the dictionary lookups took 8% of the time). */
    if (v == CFUZZ_VERDICT_NEW || v == CFUZZ_VERDICT_REPLACE_BETTER) {
      cfuzz_mutator_credit(&f->mutator, v == CFUZZ_VERDICT_NEW);
      f->corpus.entries[parent].successes++;
    }
    if (v == CFUZZ_VERDICT_NEW) {
      /* Through the run limit, as -exit_on_item (see check_exit_on_item). */
      if (cfuzz_pc_report_observe(&f->pcs, f->run_bits))
        f->run_limit = (int64_t)f->runs;
      report_new(f);
    }
  }
  /* Once per turn, not per run (-print_corpus_stats). */
  f->corpus.entries[parent].runs += f->runs - runs_before;
}

/* The shared run total is added to at clock checks, not per run: an atomic
 * add per run on a cache line every worker writes costs more than the empty
 * target's run. */
static void publish_runs(struct fuzzer *f) {
  __atomic_fetch_add(&f->cov.header->total_runs, f->runs - f->runs_published, __ATOMIC_RELAXED);
  f->runs_published = f->runs;
}

static bool limits_reached(const struct fuzzer *f, double now) {
  if (f->run_limit >= 0 && f->runs >= (uint64_t)f->run_limit)
    return true;
  return f->deadline > 0 && now >= f->deadline;
}

/* Picks up entries other processes added, and writes improved entries. */
static void rescan_corpus(struct fuzzer *f, double now) {
  if (f->cfg->corpus_dir && now >= f->next_rescan) {
    cfuzz_corpus_flush(&f->corpus, false);
    size_t before = f->corpus.n;
    cfuzz_corpus_scan_dir(&f->corpus, f->cfg->corpus_dir, f->max_len, visit_corpus_file, f);
    if (f->corpus.n > before) {
      struct cfuzz_status s = status_of(f);
      cfuzz_report_status("RELOAD", &s, 0, 0);
    }
    f->next_rescan = now + RESCAN_SECONDS;
  }
}

int cfuzz_loop_run(const struct cfuzz_loop_config *cfg) {
  struct fuzzer f;
  cfuzz_fuzzer_setup(&f, cfg);
  const struct cfuzz_flags *flags = cfg->flags;

  /* Counters hit before the loop (constructors, initialisation) are not
   * part of any run. */
  cfuzz_collect_run(&cfuzz_instr, &f.modules, f.run_bits, &f.run_features);
  f.start = cfuzz_now();
  f.crash.start = f.start;
  f.deadline = flags->max_total_time > 0 ? f.start + (double)flags->max_total_time : 0;
  f.next_rescan = f.start + RESCAN_SECONDS;

  /* The runtime's own string compares so far (flag names, mutation names)
   * went through the intercepted strcmp into the operand table: they are no
   * operands of the target. */
  memset(&cfuzz_instr.cmp, 0, sizeof cfuzz_instr.cmp);
  f.crash.loading_inputs = true;
  load_corpus(&f);
  f.crash.loading_inputs = false;
  /* Below the longest -dict word, that word could never be inserted. */
  size_t longest = 0;
  for (size_t i = 0; i < f.mutator.manual_dict.n; i++)
    if (f.mutator.manual_dict.words[i].len > longest)
      longest = f.mutator.manual_dict.words[i].len;
  for (size_t i = 0; i < f.corpus.n; i++)
    if (f.corpus.entries[i].len > longest)
      longest = f.corpus.entries[i].len;
  cfuzz_len_control_init(&f.len, f.max_len, (uint64_t)flags->len_control, longest, f.runs);
  struct cfuzz_status s = status_of(&f);
  cfuzz_report_status("INITED", &s, 0, 0);
  if (flags->focus_function && flags->focus_function[0])
    fprintf(cfuzz_err(), "INFO: %zu/%zu inputs touch the focus function\n", s.focus, f.corpus.n);
  cfuzz_pc_report_init(&f.pcs, &cfuzz_instr, &f.modules, flags);
  if (cfuzz_pc_report_start(&f.pcs, f.corpus.covered))
    f.run_limit = (int64_t)f.runs;

  f.next_pulse = 1;
  while (f.next_pulse <= f.runs)
    f.next_pulse *= 2;
  cfuzz_clock_pacing_init(&f.clock, cfuzz_now(), f.runs);
  for (;;) {
    bool pulse = f.runs >= f.next_pulse;
    /* A parent's turn is several runs: the next multiple of
     * LEN_CHECK_EVERY_RUNS is seen as passed, not hit. */
    if (f.runs >= f.next_len_check || pulse) {
      cfuzz_len_control_check(&f.len, f.runs);
      f.next_len_check = (f.runs / LEN_CHECK_EVERY_RUNS + 1) * LEN_CHECK_EVERY_RUNS;
    }
    if (cfuzz_clock_pacing_due(&f.clock, f.runs) || pulse) {
      publish_runs(&f);
      double now = cfuzz_now();
      if (limits_reached(&f, now))
        break;
      cfuzz_clock_pacing_read(&f.clock, now, f.runs);
      rescan_corpus(&f, now);
      if (pulse) {
        s = status_of(&f);
        if (f.runs >= 1024)
          cfuzz_report_status("pulse", &s, 0, 0);
        f.next_pulse *= 2;
      }
    } else if (f.run_limit >= 0 && f.runs >= (uint64_t)f.run_limit) {
      break;
    }
    if (f.runs >= f.next_reduce) {
      reduce_corpus(&f);
      cfuzz_mutator_adapt(&f.mutator); /* by run counts, so -seed repeats */
      f.next_reduce = f.runs + REDUCE_EVERY_RUNS;
    }
    if (cfuzz_stop_requested)
      stop_now(&f);
    mutate_and_run(&f, cfuzz_scheduler_pick(&f.scheduler, &f.corpus, &f.rng, f.runs));
  }

  publish_runs(&f);
  reduce_corpus(&f); /* the directory is left without redundant files */
  cfuzz_corpus_flush(&f.corpus, true);
  s = status_of(&f);
  cfuzz_report_status("DONE", &s, 0, 0);
  if (flags->print_final_stats)
    cfuzz_report_final_stats(&s, f.new_units, f.crash.slowest_run_seconds);
  if (flags->print_corpus_stats && f.corpus.n) {
    if (f.scheduler.opt.entropic)
      cfuzz_scheduler_refresh(&f.scheduler, &f.corpus, f.runs);
    cfuzz_print_corpus_stats(cfuzz_err(), &f.corpus, &f.scheduler);
  }
  if (flags->print_mutation_stats)
    cfuzz_mutator_print_stats(&f.mutator, cfuzz_err());
  cfuzz_mutator_print_recommended_dict(&f.mutator, cfuzz_err());
  cfuzz_report_done(f.runs, s.elapsed);

  cfuzz_fuzzer_teardown(&f);
  return 0;
}
