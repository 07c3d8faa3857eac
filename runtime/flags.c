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

enum flag_kind { FLAG_INT, FLAG_STRING };

struct flag_def {
  const char *name;
  enum flag_kind kind;
  size_t offset;
  const char *default_value;
  bool implemented;
  bool native_only;
  const char *help;
};

#define F(field) offsetof(struct cfuzz_flags, field)

static const struct flag_def flag_table[] = {
    {"runs", FLAG_INT, F(runs), "-1", true, false, "number of executions; -1 runs until stopped"},
    {"max_total_time", FLAG_INT, F(max_total_time), "0", true, false,
     "stop after this many seconds; 0 means no limit"},
    {"max_len", FLAG_INT, F(max_len), "0", true, false, "maximum input length; 0 means 4096"},
    {"seed", FLAG_INT, F(seed), "0", true, false,
     "random seed; 0 picks one; the same seed and corpus repeat the same run"},
    {"workdir", FLAG_STRING, F(workdir), "./.cfuzz", true, false,
     "work directory: coverage file v/, input files i/, native corpora f/, native crashes c/"},
    {"artifact_prefix", FLAG_STRING, F(artifact_prefix), "./", true, false,
     "prefix of crash reproducer files (crash-<sha1>)"},
    {"exact_artifact_path", FLAG_STRING, F(exact_artifact_path), NULL, true, false,
     "write the crash reproducer to exactly this path"},
    {"error_exitcode", FLAG_INT, F(error_exitcode), "77", true, false, "exit status after a crash"},
    {"print_final_stats", FLAG_INT, F(print_final_stats), "0", true, false, "print statistics at exit"},
    {"mutate_depth", FLAG_INT, F(mutate_depth), "5", true, false,
     "most mutations stacked on one input (1 to 32); libFuzzer runs each step, cfuzz only the last"},
    {"only_ascii", FLAG_INT, F(only_ascii), "0", true, false,
     "1: generate only printable ASCII and whitespace (after every mutation)"},
    {"cross_over", FLAG_INT, F(cross_over), "1", true, false, "1: cross over inputs with other corpus entries"},
    {"print_mutation_stats", FLAG_INT, F(print_mutation_stats), "0", true, false,
     "1: print each mutation's uses and useful uses at exit"},
    {"help", FLAG_INT, F(help), "0", true, false, "print this help and exit"},
    {"use_value_profile", FLAG_INT, F(use_value_profile), "0", true, false,
     "1: comparison operands' distance (differing bits) per call site is a feature too"},
    {"len_control", FLAG_INT, F(len_control), "100", true, false,
     "inputs start short; the length limit grows after len_control*log2(limit) runs without progress; "
     "0: -max_len from the start"},
    {"keep_seed", FLAG_INT, F(keep_seed), "0", true, false,
     "1: keep every loaded input as an entry, even one without new features, and never drop it"},
    {"shuffle", FLAG_INT, F(shuffle), "1", true, false, "1: load the initial inputs in random order"},
    {"prefer_small", FLAG_INT, F(prefer_small), "1", true, false,
     "1: load the initial inputs smallest first (after -shuffle)"},
    {"reduce_inputs", FLAG_INT, F(reduce_inputs), "1", true, false,
     "1: drop entries whose features shorter entries also have (and files this process wrote for them)"},
    {"entropic", FLAG_INT, F(entropic), "1", true, false,
     "1: choose parents by the rarity of their features, recent finds first; 0: uniformly"},
    {"entropic_feature_frequency_threshold", FLAG_INT, F(entropic_feature_frequency_threshold), "255", true,
     false, "a feature hit more often than this (in sampled runs) is not rare"},
    {"entropic_number_of_rarest_features", FLAG_INT, F(entropic_number_of_rarest_features), "100", true, false,
     "at most this many of the rarest features count"},
    {"entropic_scale_per_exec_time", FLAG_INT, F(entropic_scale_per_exec_time), "0", true, false,
     "1: faster entries are chosen more, slow ones less (measured times: -seed runs may differ)"},
    {"cross_over_uniform_dist", FLAG_INT, F(cross_over_uniform_dist), "0", true, false,
     "1: crossover partners are chosen uniformly, not by the parent weights"},
    {"fuzz", FLAG_STRING, F(fuzz), NULL, true, true,
     "(native tests, as --fuzz=NAME) fuzz test NAME; --fuzz alone fuzzes every test in turn"},
    {"timeout", FLAG_INT, F(timeout), "1200", true, false,
     "a run taking longer than this many seconds is a bug (timeout-<sha1>); 0 means no limit"},
    {"timeout_exitcode", FLAG_INT, F(timeout_exitcode), "70", true, false, "exit status after a timeout"},
    {"rss_limit_mb", FLAG_INT, F(rss_limit_mb), "2048", true, false,
     "using more memory than this many MB is a bug (oom-<sha1>); 0 means no limit"},
    {"malloc_limit_mb", FLAG_INT, F(malloc_limit_mb), "0", true, false,
     "one allocation of this many MB is a bug (oom-<sha1>); 0 means the -rss_limit_mb value"},
    {"detect_leaks", FLAG_INT, F(detect_leaks), "1", true, false,
     "with LeakSanitizer linked, a run that leaks memory is a bug (leak-<sha1>)"},
    {"dict", FLAG_STRING, F(dict), NULL, true, false,
     "dictionary file (AFL/libFuzzer syntax: \"value\" or name=\"value\" per line, \\xNN escapes)"},
    {"fork", FLAG_INT, F(fork), "0", true, false,
     "run N worker processes under a supervisor that recovers every worker's death; a bug stops the run "
     "unless ignored"},
    {"ignore_crashes", FLAG_INT, F(ignore_crashes), "0", true, false,
     "with -fork: write each distinct crash once and keep fuzzing"},
    {"ignore_timeouts", FLAG_INT, F(ignore_timeouts), "0", true, false,
     "with -fork: write each distinct timeout once and keep fuzzing"},
    {"ignore_ooms", FLAG_INT, F(ignore_ooms), "0", true, false,
     "with -fork: write each distinct out-of-memory once and keep fuzzing"},
    {"jobs", FLAG_INT, F(jobs), "0", true, false,
     "run N fuzzing jobs in worker processes, -workers at a time; each ends at its first bug or its limits"},
    {"workers", FLAG_INT, F(workers), "0", true, false,
     "jobs run at a time with -jobs; 0 means min(jobs, cores/2)"},
    {"merge", FLAG_INT, F(merge), "0", false, false, "merge corpus directories"},
    {"minimize_crash", FLAG_INT, F(minimize_crash), "0", false, false, "minimize a crash input"},
    {"close_fd_mask", FLAG_INT, F(close_fd_mask), "0", false, false, "close stdout (1) / stderr (2)"},
    {"keep_going", FLAG_INT, F(keep_going), "0", true, false,
     "keep fuzzing after bugs, writing each distinct one once (-fork=1 with every -ignore_*)"},
    {"verbosity", FLAG_INT, F(verbosity), "1", false, false, "verbosity level"},
};

#define N_FLAGS (sizeof flag_table / sizeof flag_table[0])

static void set_value(struct cfuzz_flags *flags, const struct flag_def *def, const char *value) {
  char *field = (char *)flags + def->offset;
  if (def->kind == FLAG_STRING) {
    *(const char **)field = value;
    return;
  }
  errno = 0;
  char *end;
  long long v = strtoll(value, &end, 10);
  if (errno || end == value || *end != '\0')
    cfuzz_fatal("flag -%s: malformed value '%s' (expected an integer)", def->name, value);
  *(int64_t *)field = (int64_t)v;
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

static void check_ranges(const struct cfuzz_flags *flags) {
  if (flags->runs < -1)
    cfuzz_fatal("flag -runs: value %" PRId64 " out of range (-1 or more)", flags->runs);
  if (flags->max_total_time < 0)
    cfuzz_fatal("flag -max_total_time: value %" PRId64 " out of range (0 or more)", flags->max_total_time);
  if (flags->max_len < 0 || flags->max_len > (1 << 30))
    cfuzz_fatal("flag -max_len: value %" PRId64 " out of range (0 to 1073741824)", flags->max_len);
  if (flags->seed < 0 || flags->seed > UINT32_MAX)
    cfuzz_fatal("flag -seed: value %" PRId64 " out of range (0 to 4294967295)", flags->seed);
  if (flags->error_exitcode < 0 || flags->error_exitcode > 255)
    cfuzz_fatal("flag -error_exitcode: value %" PRId64 " out of range (0 to 255)", flags->error_exitcode);
  if (flags->timeout_exitcode < 0 || flags->timeout_exitcode > 255)
    cfuzz_fatal("flag -timeout_exitcode: value %" PRId64 " out of range (0 to 255)", flags->timeout_exitcode);
  if (flags->timeout < 0)
    cfuzz_fatal("flag -timeout: value %" PRId64 " out of range (0 or more)", flags->timeout);
  if (flags->rss_limit_mb < 0)
    cfuzz_fatal("flag -rss_limit_mb: value %" PRId64 " out of range (0 or more)", flags->rss_limit_mb);
  if (flags->malloc_limit_mb < 0)
    cfuzz_fatal("flag -malloc_limit_mb: value %" PRId64 " out of range (0 or more)", flags->malloc_limit_mb);
  if (flags->fork < 0 || flags->jobs < 0 || flags->workers < 0)
    cfuzz_fatal("flags -fork, -jobs and -workers: negative value");
  if (flags->entropic_feature_frequency_threshold < 0 || flags->entropic_feature_frequency_threshold > 65535)
    cfuzz_fatal("flag -entropic_feature_frequency_threshold: value %" PRId64 " out of range (0 to 65535)",
                flags->entropic_feature_frequency_threshold);
  if (flags->entropic_number_of_rarest_features < 0 || flags->entropic_number_of_rarest_features > UINT32_MAX)
    cfuzz_fatal("flag -entropic_number_of_rarest_features: value %" PRId64 " out of range (0 to 4294967295)",
                flags->entropic_number_of_rarest_features);
  if (flags->len_control < 0)
    cfuzz_fatal("flag -len_control: value %" PRId64 " out of range (0 or more)", flags->len_control);
  if (flags->mutate_depth < 1 || flags->mutate_depth > 32)
    cfuzz_fatal("flag -mutate_depth: value %" PRId64 " out of range (1 to 32)", flags->mutate_depth);
  if (flags->workdir[0] == '\0')
    cfuzz_fatal("flag -workdir: empty path");
}

void cfuzz_flags_parse(struct cfuzz_flags *flags, int argc, char **argv, bool native) {
  set_defaults(flags);
  flags->positional = cfuzz_xcalloc((size_t)argc, sizeof(char *));
  bool set[N_FLAGS] = {false};
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (arg[0] != '-' || arg[1] == '\0') {
      flags->positional[flags->n_positional++] = arg;
      continue;
    }
    const char *name = arg + 1;
    if (*name == '-')
      name++; /* --name=value is accepted too (the native runner's --fuzz) */
    const char *eq = strchr(name, '=');
    size_t name_len = eq ? (size_t)(eq - name) : strlen(name);
    const struct flag_def *def = find_flag(name, name_len);
    if (!def || (def->native_only && !native)) {
      fprintf(stderr, "WARNING: unrecognized flag '%s'; use -help=1 to list all flags\n", arg);
      continue;
    }
    const char *value = eq ? eq + 1 : NULL;
    if (!value) {
      /* "-help" and "--fuzz" without a value: 1 and "all tests". */
      if (def->kind == FLAG_INT)
        value = "1";
      else if (def->native_only)
        value = "";
      else
        cfuzz_fatal("flag -%s needs a value (-%s=VALUE)", def->name, def->name);
    }
    set_value(flags, def, value);
    set[def - flag_table] = true;
  }
  if (flags->help) {
    cfuzz_flags_print_help(argv[0], native);
    exit(0);
  }
  check_ranges(flags);
  for (size_t i = 0; i < N_FLAGS; i++)
    if (set[i] && !flag_table[i].implemented)
      cfuzz_warn("flag -%s is not implemented yet; ignored", flag_table[i].name);
}

void cfuzz_flags_free(struct cfuzz_flags *flags) {
  free(flags->positional);
  flags->positional = NULL;
}

void cfuzz_flags_print_help(const char *program, bool native) {
  printf("Usage: %s [-flag=value ...] %s\n\nFlags:\n", program,
         native ? "[--fuzz[=NAME]]" : "[corpus_dir ...] [input_file ...]");
  for (size_t i = 0; i < N_FLAGS; i++) {
    const struct flag_def *d = &flag_table[i];
    if (d->native_only && !native)
      continue;
    printf(" %s%-22s %s (default: %s)%s\n", d->native_only ? "--" : " -", d->name, d->help,
           d->default_value ? d->default_value : "unset", d->implemented ? "" : " [not implemented yet]");
  }
  if (!native)
    printf("\nDirectories are corpus directories: all are loaded, the first receives new entries.\n"
           "Files are inputs to run once each (reproduce mode).\n");
}
