/* flags.c - the flag table and its parser (see flags.h). Adding a flag means
 * adding one row to `flag_table`; parsing and -help follow from it. */
#include "flags.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum flag_kind { FLAG_INT, FLAG_UINT, FLAG_STRING };

struct flag_def {
  const char *name;
  enum flag_kind kind;
  size_t offset; /* NO_FIELD: accepted and checked, not stored */
  const char *default_value;
  bool implemented;
  bool native_only;
  const char *help;
  /* For a flag not implemented: the value that asks for what cfuzz does
   * anyway (no warning then); NULL: every value warns. */
  const char *honored;
  bool internal; /* set by cfuzz for its child processes; not in -help */
};

#define F(field) offsetof(struct cfuzz_flags, field)
#define NO_FIELD SIZE_MAX
/* A flag cfuzz implements; one it does not implement yet (warned about when
 * set); one it does not implement but whose value HONORED asks for what cfuzz
 * does anyway; one only cfuzz's own child processes are given. */
#define FLAG(n, k, off, def, h)                                                                              \
  { .name = n, .kind = k, .offset = off, .default_value = def, .implemented = true, .help = h }
#define TODO_FLAG(n, k, off, def, h)                                                                         \
  { .name = n, .kind = k, .offset = off, .default_value = def, .help = h }
#define TODO_FLAG_HONORS(n, k, off, def, hon, h)                                                             \
  { .name = n, .kind = k, .offset = off, .default_value = def, .help = h, .honored = hon }
#define INTERNAL_FLAG(n, k, off)                                                                             \
  { .name = n, .kind = k, .offset = off, .implemented = true, .help = "internal flag", .internal = true }

/* Every flag of libFuzzer 14, grouped by concern. Implementing a TODO_FLAG
 * means giving it a field and making it a FLAG. */
static const struct flag_def flag_table[] = {
    /* How long to run. */
    FLAG("runs", FLAG_INT, F(runs), "-1",
         "number of executions; -1 runs until stopped; in reproduce mode, how often each file runs"),
    FLAG("max_total_time", FLAG_INT, F(max_total_time), "0",
         "stop after this many seconds; 0 means no limit"),
    FLAG("timeout", FLAG_INT, F(timeout), "1200",
         "a run taking longer than this many seconds is a bug (timeout-<sha1>); 0 means no limit"),
    FLAG("rss_limit_mb", FLAG_INT, F(rss_limit_mb), "2048",
         "using more memory than this many MB is a bug (oom-<sha1>); 0 means no limit"),
    FLAG("malloc_limit_mb", FLAG_INT, F(malloc_limit_mb), "0",
         "one allocation of this many MB is a bug (oom-<sha1>); 0 means the -rss_limit_mb value"),
    TODO_FLAG("stop_file", FLAG_STRING, NO_FIELD, NULL, "stop as soon as this file exists"),
    /* Inputs, corpus and mutation. */
    FLAG("max_len", FLAG_INT, F(max_len), "0",
         "maximum input length; 0: the largest corpus file or seed, 4096 to 1048576 (libFuzzer's rule)"),
    FLAG("seed", FLAG_UINT, F(seed), "0",
         "random seed; 0 picks one; the same seed and corpus repeat the same run"),
    FLAG("workdir", FLAG_STRING, F(workdir), "./.cfuzz",
         "work directory: coverage file v/, input files i/, native corpora f/, native crashes c/"),
    FLAG("create_missing_dirs", FLAG_INT, F(create_missing_dirs), "0",
         "create missing corpus and artifact directories instead of failing"),
    FLAG("seed_inputs", FLAG_STRING, F(seed_inputs), NULL,
         "comma-separated seed input files, or @FILE holding that list; loaded with the corpus"),
    FLAG("keep_seed", FLAG_INT, F(keep_seed), "0",
         "1: keep every loaded input as an entry, even one without new features, and never drop it"),
    TODO_FLAG_HONORS("reload", FLAG_INT, NO_FIELD, "1", "1",
                     "interval in seconds to reload the corpus (cfuzz reloads every 5 s)"),
    FLAG("shuffle", FLAG_INT, F(shuffle), "1", "1: load the initial inputs in random order"),
    FLAG("prefer_small", FLAG_INT, F(prefer_small), "1",
         "1: load the initial inputs smallest first (after -shuffle)"),
    FLAG("len_control", FLAG_INT, F(len_control), "100",
         "inputs start short; the length limit grows after len_control*log2(limit) runs without progress; 0: "
         "-max_len from the start"),
    FLAG("reduce_inputs", FLAG_INT, F(reduce_inputs), "1",
         "1: a shorter input with its parent's features replaces it, and entries whose features shorter entries "
         "also have are dropped (and files this process wrote for them); 0: neither"),
    FLAG("shrink", FLAG_INT, F(shrink), "0",
         "1: an input shorter than every entry with one of its features is a new entry; entries left with no "
         "such feature are dropped"),
    TODO_FLAG_HONORS("reduce_depth", FLAG_INT, NO_FIELD, "0", "0", "reduce inputs with a depth limit"),
    FLAG("mutate_depth", FLAG_INT, F(mutate_depth), "5",
         "most mutations stacked on one input (1 to 32); libFuzzer runs each step, cfuzz only the last"),
    FLAG("dict", FLAG_STRING, F(dict), NULL,
         "dictionary file (AFL/libFuzzer syntax: \"value\" or name=\"value\" per line, \\xNN escapes)"),
    FLAG("only_ascii", FLAG_INT, F(only_ascii), "0",
         "1: generate only printable ASCII and whitespace (after every mutation)"),
    FLAG("cross_over", FLAG_INT, F(cross_over), "1", "1: cross over inputs with other corpus entries"),
    FLAG("adapt_mutations", FLAG_INT, F(adapt_mutations), "0",
         "1: weigh each mutation by how often it recently made a new entry (cfuzz only); 0: fixed weights"),
    FLAG("cmp_difference", FLAG_INT, F(cmp_difference), "0",
         "1: for a compare neither of whose operands is in the input, CMP sometimes adds their difference "
         "to an integer of the input (cfuzz only); 0: it writes an operand at a random offset"),
    FLAG("print_mutation_stats", FLAG_INT, F(print_mutation_stats), "0",
         "1: at exit, each mutation's uses, useful uses, new entries it was the last mutation of, and weight"),
    FLAG("cross_over_uniform_dist", FLAG_INT, F(cross_over_uniform_dist), "0",
         "1: crossover partners are chosen uniformly, not by the parent weights"),
    TODO_FLAG_HONORS("use_counters", FLAG_INT, NO_FIELD, "1", "1", "use coverage counters"),
    FLAG("use_cmp", FLAG_INT, F(use_cmp), "1",
         "1: mutations insert the operands of the target's comparisons; 0: they do not"),
    TODO_FLAG("use_memmem", FLAG_INT, NO_FIELD, "1", "use memmem/strstr operands to mutate"),
    FLAG("use_value_profile", FLAG_INT, F(use_value_profile), "0",
         "1: comparison operands' distance (differing bits) per call site is a feature too"),
    FLAG("entropic", FLAG_INT, F(entropic), "1",
         "1: choose parents by the rarity of their features, recent finds first; 0: uniformly"),
    FLAG("entropic_feature_frequency_threshold", FLAG_INT, F(entropic_feature_frequency_threshold), "255",
         "a feature hit more often than this (in sampled runs) is not rare"),
    FLAG("entropic_number_of_rarest_features", FLAG_INT, F(entropic_number_of_rarest_features), "100",
         "at most this many of the rarest features count"),
    FLAG("entropic_scale_per_exec_time", FLAG_INT, F(entropic_scale_per_exec_time), "1",
         "1: faster entries are chosen more, slow ones less (cost counted deterministically, not timed)"),
    FLAG("focus_function", FLAG_STRING, F(focus_function), NULL,
         "favour inputs that reach this function (needs a sanitizer's symbolizer); \"auto\" is not supported"),
    TODO_FLAG("data_flow_trace", FLAG_STRING, NO_FIELD, NULL, "use this data-flow trace"),
    TODO_FLAG("collect_data_flow", FLAG_STRING, NO_FIELD, NULL, "collect a data-flow trace"),
    TODO_FLAG_HONORS("analyze_dict", FLAG_INT, NO_FIELD, "0", "0", "analyse the dictionary and exit"),
    /* Crashes and artifacts. */
    FLAG("artifact_prefix", FLAG_STRING, F(artifact_prefix), "./",
         "prefix of artifact files (crash-<sha1>, minimized-from-<sha1>...); a directory if it ends in /"),
    FLAG("exact_artifact_path", FLAG_STRING, F(exact_artifact_path), NULL,
         "write the artifact to exactly this path"),
    FLAG("error_exitcode", FLAG_INT, F(error_exitcode), "77", "exit status after a crash"),
    FLAG("timeout_exitcode", FLAG_INT, F(timeout_exitcode), "70", "exit status after a timeout"),
    FLAG("keep_going", FLAG_INT, F(keep_going), "0",
         "keep fuzzing after bugs, writing each distinct one once (-fork=1 with every -ignore_*)"),
    FLAG("detect_leaks", FLAG_INT, F(detect_leaks), "1",
         "with LeakSanitizer linked, a run that leaks memory is a bug (leak-<sha1>)"),
    FLAG("trace_malloc", FLAG_INT, F(trace_malloc), "0",
         "1: print each allocation and free during runs; 2: with its stack (needs a sanitizer, as libFuzzer)"),
    TODO_FLAG("purge_allocator_interval", FLAG_INT, NO_FIELD, "1",
              "seconds between purges of the allocator's caches"),
    TODO_FLAG_HONORS("handle_segv", FLAG_INT, NO_FIELD, "1", "1", "report SIGSEGV"),
    TODO_FLAG_HONORS("handle_bus", FLAG_INT, NO_FIELD, "1", "1", "report SIGBUS"),
    TODO_FLAG_HONORS("handle_abrt", FLAG_INT, NO_FIELD, "1", "1", "report SIGABRT"),
    TODO_FLAG_HONORS("handle_ill", FLAG_INT, NO_FIELD, "1", "1", "report SIGILL"),
    TODO_FLAG_HONORS("handle_fpe", FLAG_INT, NO_FIELD, "1", "1", "report SIGFPE"),
    FLAG("handle_int", FLAG_INT, F(handle_int), "1",
         "1: on SIGINT, stop after the current run (flushing the corpus), exit 72"),
    FLAG("handle_term", FLAG_INT, F(handle_term), "1",
         "1: on SIGTERM, stop after the current run (flushing the corpus), exit 72"),
    TODO_FLAG("handle_xfsz", FLAG_INT, NO_FIELD, "1", "report SIGXFSZ (file size limit)"),
    FLAG("handle_usr1", FLAG_INT, F(handle_usr1), "1", "1: on SIGUSR1, stop after the current run, exit 0"),
    FLAG("handle_usr2", FLAG_INT, F(handle_usr2), "1", "1: on SIGUSR2, stop after the current run, exit 0"),
    TODO_FLAG_HONORS("handle_winexcept", FLAG_INT, NO_FIELD, "1", "1", "(Windows only) report exceptions"),
    /* Processes. */
    FLAG("jobs", FLAG_INT, F(jobs), "0",
         "run N fuzzing jobs in worker processes, -workers at a time; each ends at its first bug or its "
         "limits"),
    FLAG("workers", FLAG_INT, F(workers), "0", "jobs run at a time with -jobs; 0 means min(jobs, cores/2)"),
    FLAG("fork", FLAG_INT, F(fork), "0",
         "run N worker processes under a supervisor that recovers every worker's death; a bug stops the run "
         "unless ignored"),
    TODO_FLAG_HONORS("fork_corpus_groups", FLAG_INT, NO_FIELD, "0", "0", "fork mode: corpus groups"),
    FLAG("ignore_crashes", FLAG_INT, F(ignore_crashes), "0",
         "with -fork: write each distinct crash once and keep fuzzing"),
    FLAG("ignore_timeouts", FLAG_INT, F(ignore_timeouts), "1",
         "with -fork: write each distinct timeout once and keep fuzzing"),
    FLAG("ignore_ooms", FLAG_INT, F(ignore_ooms), "1",
         "with -fork: write each distinct out-of-memory once and keep fuzzing"),
    /* Corpus and crash tools. */
    FLAG("merge", FLAG_INT, F(merge), "0",
         "merge the 2nd..Nth directories into the 1st: copy the inputs that add coverage"),
    FLAG("set_cover_merge", FLAG_INT, F(set_cover_merge), "0",
         "like -merge=1, choosing a small set of inputs that covers everything"),
    FLAG("merge_control_file", FLAG_STRING, F(merge_control_file), NULL,
         "merge's progress file; a killed merge given the same file resumes"),
    INTERNAL_FLAG("merge_inner", FLAG_STRING, F(merge_inner)),
    FLAG("minimize_crash", FLAG_INT, F(minimize_crash), "0",
         "shrink the crashing input given as a file while it crashes (with -runs or -max_total_time)"),
    INTERNAL_FLAG("minimize_crash_internal_step", FLAG_INT, F(minimize_crash_internal_step)),
    FLAG("cleanse_crash", FLAG_INT, F(cleanse_crash), "0",
         "replace bytes of the crashing input that do not matter (needs -exact_artifact_path)"),
    /* Output. */
    FLAG("verbosity", FLAG_INT, F(verbosity), "1",
         "2 or more: also print each flag as it is parsed (Flag: NAME VALUE) and whole mutation sequences (1 "
         "prints the first 10 names); 0 prints as 1 does"),
    FLAG("print_final_stats", FLAG_INT, F(print_final_stats), "0",
         "print statistics at exit (slowest_unit_time_sec: whole seconds, seen by the -timeout/-rss_limit_mb "
         "watchdog)"),
    FLAG("close_fd_mask", FLAG_INT, F(close_fd_mask), "0",
         "discard the target's output: 1 stdout, 2 stderr, 3 both"),
    FLAG("print_pcs", FLAG_INT, F(print_pcs), "0",
         "1: print each newly covered PC (NEW_PC: address, and with a sanitizer linked, function and "
         "FILE:LINE; without one, the address only)"),
    FLAG("print_funcs", FLAG_INT, F(print_funcs), "2",
         "print at most this many newly covered functions per new entry (NEW_FUNC; named only with a "
         "sanitizer linked); 0: none"),
    FLAG("print_corpus_stats", FLAG_INT, F(print_corpus_stats), "0",
         "print each corpus entry at exit: size, runs mutated from it and their successes (libFuzzer's "
         "columns), then cfuzz's own: features, work and share of the parent picks"),
    TODO_FLAG_HONORS("print_coverage", FLAG_INT, NO_FIELD, "0", "0", "print coverage at exit"),
    TODO_FLAG_HONORS("print_full_coverage", FLAG_INT, NO_FIELD, "0", "0", "print full coverage at exit"),
    TODO_FLAG_HONORS("dump_coverage", FLAG_INT, NO_FIELD, "0", "0", "deprecated in libFuzzer"),
    TODO_FLAG("report_slow_units", FLAG_INT, NO_FIELD, "10", "report inputs slower than this (s)"),
    FLAG("exit_on_src_pos", FLAG_STRING, F(exit_on_src_pos), NULL,
         "stop (exit 0) once code whose FILE:LINE or function contains this text is covered; needs a "
         "sanitizer linked (its symbolizer), otherwise warned about and ignored"),
    FLAG("exit_on_item", FLAG_STRING, F(exit_on_item), NULL,
         "stop (exit 0) once a corpus entry has this SHA-1 (the entry is written first)"),
    FLAG("mutation_graph_file", FLAG_STRING, F(mutation_graph_file), NULL,
         "append each new entry (by SHA-1) and the edge from its parent, labelled with the mutations, in "
         "Graphviz syntax"),
    FLAG("features_dir", FLAG_STRING, F(features_dir), NULL,
         "write each new or improved entry's feature ids (cfuzz's, 32-bit) to DIR/<sha1 of the entry>"),
    TODO_FLAG_HONORS("use_clang_coverage", FLAG_INT, NO_FIELD, "0", "0", "deprecated in libFuzzer"),
    /* The command line itself. */
    FLAG("ignore_remaining_args", FLAG_INT, NO_FIELD, "0",
         "with 1, the arguments after it are left to the target"),
    FLAG("help", FLAG_INT, F(help), "0", "print this help and exit"),
    {.name = "fuzz",
     .kind = FLAG_STRING,
     .offset = F(fuzz),
     .implemented = true,
     .native_only = true,
     .help = "(native tests, as --fuzz=NAME) fuzz test NAME; --fuzz alone fuzzes every test in turn"},
};

#define N_FLAGS (sizeof flag_table / sizeof flag_table[0])

/* Parses an integer value; malformed values are fatal. A FLAG_UINT takes
 * what libFuzzer's unsigned flags take: a negative value wraps (so -seed=-1
 * is seed 4294967295). */
static int64_t parse_int(const struct flag_def *def, const char *value) {
  errno = 0;
  char *end;
  long long v = strtoll(value, &end, 10);
  if (errno || end == value || *end != '\0')
    cfuzz_fatal("flag -%s: malformed value '%s' (expected an integer)", def->name, value);
  if (def->kind == FLAG_UINT) {
    if (v < -(long long)UINT32_MAX || v > (long long)UINT32_MAX)
      cfuzz_fatal("flag -%s: value '%s' out of range (0 to 4294967295)", def->name, value);
    v = (long long)(uint32_t)v;
  }
  return (int64_t)v;
}

static void set_value(struct cfuzz_flags *flags, const struct flag_def *def, const char *value) {
  if (def->kind == FLAG_STRING) {
    if (def->offset != NO_FIELD)
      *(const char **)((char *)flags + def->offset) = value;
    return;
  }
  int64_t v = parse_int(def, value);
  if (def->offset != NO_FIELD)
    *(int64_t *)((char *)flags + def->offset) = v;
}

static void set_defaults(struct cfuzz_flags *flags) {
  memset(flags, 0, sizeof *flags);
  for (size_t i = 0; i < N_FLAGS; i++)
    if (flag_table[i].default_value)
      set_value(flags, &flag_table[i], flag_table[i].default_value);
}

static const struct flag_def *find_flag(const char *name, size_t len) {
  for (size_t i = 0; i < N_FLAGS; i++)
    if (strlen(flag_table[i].name) == len && strncmp(flag_table[i].name, name, len) == 0)
      return &flag_table[i];
  return NULL;
}

bool cfuzz_flags_arg_is(const char *arg, const char *name) {
  size_t len = strlen(name);
  return arg[0] == '-' && strncmp(arg + 1, name, len) == 0 && (arg[len + 1] == '=' || arg[len + 1] == '\0');
}

static void check_range(const char *name, int64_t v, int64_t lo, int64_t hi) {
  if (v < lo || v > hi)
    cfuzz_fatal("flag -%s: value %" PRId64 " out of range (%" PRId64 " to %" PRId64 ")", name, v, lo, hi);
}

static void check_ranges(const struct cfuzz_flags *flags) {
  if (flags->runs < -1)
    cfuzz_fatal("flag -runs: value %" PRId64 " out of range (-1 or more)", flags->runs);
  if (flags->max_total_time < 0)
    cfuzz_fatal("flag -max_total_time: value %" PRId64 " out of range (0 or more)", flags->max_total_time);
  check_range("max_len", flags->max_len, 0, 1 << 30);
  check_range("error_exitcode", flags->error_exitcode, 0, 255);
  check_range("timeout_exitcode", flags->timeout_exitcode, 0, 255);
  check_range("timeout", flags->timeout, 0, INT64_MAX);
  check_range("rss_limit_mb", flags->rss_limit_mb, 0, INT64_MAX);
  check_range("malloc_limit_mb", flags->malloc_limit_mb, 0, INT64_MAX);
  check_range("close_fd_mask", flags->close_fd_mask, 0, 3);
  check_range("mutate_depth", flags->mutate_depth, 1, 32);
  check_range("entropic_feature_frequency_threshold", flags->entropic_feature_frequency_threshold, 0, 65535);
  check_range("entropic_number_of_rarest_features", flags->entropic_number_of_rarest_features, 0, UINT32_MAX);
  check_range("len_control", flags->len_control, 0, INT64_MAX);
  if (flags->fork < 0 || flags->jobs < 0 || flags->workers < 0)
    cfuzz_fatal("flags -fork, -jobs and -workers: negative value");
  if (flags->workdir[0] == '\0')
    cfuzz_fatal("flag -workdir: empty path");
  if (flags->artifact_prefix[0] == '\0')
    cfuzz_fatal("flag -artifact_prefix: empty path");
  if (flags->exact_artifact_path && flags->exact_artifact_path[0] == '\0')
    cfuzz_fatal("flag -exact_artifact_path: empty path");
  if (flags->merge_control_file && flags->merge_control_file[0] == '\0')
    cfuzz_fatal("flag -merge_control_file: empty path");
}

/* libFuzzer leaves "--name" arguments to the target; it says so once, and
 * points at a likely typo for a known flag. */
static void note_double_dash(const char *arg, bool *said) {
  if (!*said) {
    fprintf(cfuzz_err(), "INFO: cfuzz, like libFuzzer, ignores flags that start with '--'\n");
    *said = true;
  }
  const char *eq = strchr(arg + 2, '=');
  if (eq && find_flag(arg + 2, (size_t)(eq - (arg + 2))))
    fprintf(cfuzz_err(), "WARNING: did you mean '%s' (single dash)?\n", arg + 1);
}

void cfuzz_flags_parse(struct cfuzz_flags *flags, int argc, char **argv, bool native) {
  set_defaults(flags);
  flags->positional = cfuzz_xcalloc((size_t)argc, sizeof(char *));
  bool set[N_FLAGS] = {false};
  const char *set_value_of[N_FLAGS] = {NULL};
  bool said_double_dash = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (arg[0] != '-' || arg[1] == '\0') {
      flags->positional[flags->n_positional++] = arg;
      continue;
    }
    const char *name = arg + 1;
    if (*name == '-') {
      if (!native) {
        note_double_dash(arg, &said_double_dash);
        continue;
      }
      name++; /* the native runner takes --name=value too (--fuzz) */
    }
    const char *eq = strchr(name, '=');
    size_t name_len = eq ? (size_t)(eq - name) : strlen(name);
    const struct flag_def *def = find_flag(name, name_len);
    if (!def || (def->native_only && !native)) {
      fprintf(cfuzz_err(), "WARNING: unrecognized flag '%s'; use -help=1 to list all flags\n", arg);
      continue;
    }
    const char *value = eq ? eq + 1 : NULL;
    if (!value) {
      /* "-help" and "--fuzz" without a value: 1 and "all tests". */
      if (def->kind != FLAG_STRING)
        value = "1";
      else if (def->native_only)
        value = "";
      else
        cfuzz_fatal("flag -%s needs a value (-%s=VALUE)", def->name, def->name);
    }
    set_value(flags, def, value);
    if (flags->verbosity >= 2) { /* libFuzzer's echo, from the -verbosity flag on */
      if (def->kind == FLAG_STRING)
        fprintf(cfuzz_err(), "Flag: %s %s\n", def->name, value);
      else
        fprintf(cfuzz_err(), "Flag: %s %" PRId64 "\n", def->name, parse_int(def, value));
    }
    set[def - flag_table] = true;
    set_value_of[def - flag_table] = value;
    if (strcmp(def->name, "ignore_remaining_args") == 0 && parse_int(def, value) != 0)
      break;
  }
  if (flags->help) {
    cfuzz_flags_print_help(argv[0], native);
    exit(0);
  }
  check_ranges(flags);
  for (size_t i = 0; i < N_FLAGS; i++) {
    const struct flag_def *d = &flag_table[i];
    if (!set[i] || d->implemented || (d->honored && strcmp(d->honored, set_value_of[i]) == 0))
      continue;
    if (d->honored)
      cfuzz_warn("flag -%s is not implemented yet; ignored (cfuzz behaves as -%s=%s)", d->name, d->name,
                 d->honored);
    else
      cfuzz_warn("flag -%s is not implemented yet; ignored", d->name);
  }
}

void cfuzz_flags_free(struct cfuzz_flags *flags) {
  free(flags->positional);
  flags->positional = NULL;
}

void cfuzz_flags_print_help(const char *program, bool native) {
  if (native)
    printf("Usage: %s [-flag=value ...] [--fuzz[=NAME]] [input_file ...]\n", program);
  else
    printf("Usage:\n\nTo fuzz, pass 0 or more corpus directories (the first receives new inputs):\n"
           "%s [-flag=value ...] [dir ...]\n\nTo run inputs once each without fuzzing, pass files:\n"
           "%s [-flag=value ...] file ...\n",
           program, program);
  printf("\nFlags (-name=value; [not implemented] ones are accepted and warned about):\n");
  for (size_t i = 0; i < N_FLAGS; i++) {
    const struct flag_def *d = &flag_table[i];
    if (d->internal || (d->native_only && !native))
      continue;
    printf(" %s%-28s %s (default: %s)", d->native_only ? "--" : " -", d->name, d->help,
           d->default_value ? d->default_value : "unset");
    if (!d->implemented && d->honored)
      printf(" [not implemented; cfuzz behaves as -%s=%s]", d->name, d->honored);
    else if (!d->implemented)
      printf(" [not implemented]");
    putchar('\n');
  }
  if (!native)
    printf("\nArguments starting with '--' are left to the target, as with libFuzzer.\n");
}
