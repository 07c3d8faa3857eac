/* flags.h - the command line: ONE table of flags (flags.c), libFuzzer syntax
 * `-name=value`, positional corpus directories / input files, and the native
 * runner's `--fuzz[=NAME]`. `-help=1` prints the table.
 *
 * The table lists every flag of libFuzzer 14, so that a command line written
 * for libFuzzer (OSS-Fuzz, ClusterFuzz, FuzzBench) is understood: a flag cfuzz
 * does not implement yet is accepted, marked so in -help, and warned about
 * once when set (unless its value asks for what cfuzz does anyway, e.g.
 * -cross_over=0 without crossover). */
#ifndef CFUZZ_FLAGS_H
#define CFUZZ_FLAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfuzz_flags {
  int64_t runs;              /* -1: unlimited */
  int64_t max_total_time;    /* seconds; 0: unlimited */
  int64_t max_len;           /* 0: default (initial_inputs.c: cfuzz_initial_inputs_default_max_len) */
  int64_t seed;              /* 0: derived from time and pid */
  int64_t print_final_stats;
  int64_t print_corpus_stats;
  int64_t help;
  int64_t error_exitcode;
  int64_t verbosity;
  const char *workdir;
  const char *artifact_prefix;
  const char *exact_artifact_path; /* NULL: unset */
  const char *fuzz;          /* native runner: NULL = smoke mode, "" = all tests */
  int64_t create_missing_dirs;
  int64_t close_fd_mask;     /* 1: stdout, 2: stderr of the target discarded */
  /* Feedback and scheduling (libFuzzer's meanings). */
  int64_t use_value_profile, len_control, keep_seed, entropic, entropic_feature_frequency_threshold,
      entropic_number_of_rarest_features, entropic_scale_per_exec_time, prefer_small, shuffle, reduce_inputs,
      cross_over_uniform_dist, shrink;
  /* Mutation engine (mutate.h). */
  int64_t mutate_depth, only_ascii, print_mutation_stats, cross_over, adapt_mutations, cmp_difference;
  /* Corpus and crash tools (merge.c, minimize.c). */
  int64_t merge, set_cover_merge, minimize_crash, cleanse_crash;
  const char *merge_control_file;
  const char *merge_inner;            /* internal: "1" or "2" in merge's child */
  int64_t minimize_crash_internal_step; /* internal: minimize's child */
  int64_t timeout;           /* seconds per run; 0: none */
  int64_t timeout_exitcode;
  int64_t rss_limit_mb;      /* 0: none */
  int64_t malloc_limit_mb;   /* 0: the RSS limit */
  int64_t detect_leaks;      /* with LeakSanitizer linked */
  int64_t trace_malloc;      /* 1, 2: malloc_limit.h */
  int64_t fork, jobs, workers, keep_going; /* supervisor.h */
  int64_t ignore_crashes, ignore_timeouts, ignore_ooms;
  int64_t handle_int, handle_term, handle_usr1, handle_usr2; /* stop_request.h */
  const char *dict;
  int64_t use_cmp;
  int64_t print_pcs, print_funcs;  /* pc_report.h */
  const char *exit_on_src_pos;
  const char *features_dir, *mutation_graph_file; /* entry_records.h */
  const char *exit_on_item;  /* SHA-1 in hex; NULL: unset */
  const char *focus_function; /* NULL: unset */
  const char *seed_inputs;   /* "a,b,c" or "@FILE"; NULL: unset */
  const char **positional;   /* corpus directories or input files, in order */
  size_t n_positional;
};

#define CFUZZ_DEFAULT_MAX_LEN 4096
/* Without -max_len, the largest input given at start raises the limit
 * (libFuzzer's rule), up to this. */
#define CFUZZ_MAX_DEFAULT_MAX_LEN ((size_t)1 << 20)

/* Parses argv (argv[0] is the program). Malformed values are fatal (one
 * error line, exit 1); unknown flags are warned about and ignored. `native`
 * enables --fuzz; otherwise, as in libFuzzer, arguments starting with "--"
 * are left to the target, and -ignore_remaining_args=1 stops parsing.
 * Prints the help and exits 0 for -help=1. */
void cfuzz_flags_parse(struct cfuzz_flags *flags, int argc, char **argv, bool native);
void cfuzz_flags_free(struct cfuzz_flags *flags);
void cfuzz_flags_print_help(const char *program, bool native);

/* Whether argument `arg` sets flag `name` ("-name=..." or "-name"), for
 * building a child's command line without some flags. */
bool cfuzz_flags_arg_is(const char *arg, const char *name);

#endif
