/* libfuzzer_main.c - the program's behaviour for libFuzzer-style harnesses
 * (LLVMFuzzerTestOneInput): parse the libFuzzer command line, then either
 * run the given files once each (reproduce mode) or fuzz with the given
 * corpus directories (the first receives new entries). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfuzz.h"
#include "crash.h"
#include "entry_points.h"
#include "flags.h"
#include "fuzz_loop.h"
#include "instrumentation.h"
#include "report.h"
#include "merge.h"
#include "minimize.h"
#include "msan.h"
#include "mutations.h"
#include "run_target.h"
#include "stop_request.h"
#include "supervisor.h"
#include "util.h"

#pragma weak LLVMFuzzerTestOneInput
#pragma weak LLVMFuzzerInitialize
#pragma weak LLVMFuzzerCustomMutator

/* The call under MemorySanitizer (msan.h); kept out of the common path. */
__attribute__((noinline)) static int call_under_msan(const uint8_t *data, size_t len) {
  cfuzz_msan_initialized(data, len);
  cfuzz_msan_params_initialized(2);
  cfuzz_msan_checks_on();
  int rc = LLVMFuzzerTestOneInput(data, len);
  cfuzz_msan_checks_off();
  return rc;
}

static int run_libfuzzer_target(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  int rc = cfuzz_msan_linked() ? call_under_msan(data, len) : LLVMFuzzerTestOneInput(data, len);
  /* libFuzzer: -1 rejects the input (not kept); every other value is ok. */
  return rc == -1 ? CFUZZ_SKIP : 0;
}

static int reproduce(const struct cfuzz_flags *flags, const char *program, const char **files, size_t n) {
  /* -runs=N runs each file N times (a bug that needs state to build up). */
  int64_t times = flags->runs > 1 ? flags->runs : 1;
  uint64_t runs = 0, slowest = 0;
  double all_start = cfuzz_now();
  fprintf(cfuzz_err(), "%s: Running %zu inputs %" PRId64 " time(s) each.\n", program, n, times);
  static struct cfuzz_crash_context crash;
  struct cfuzz_target target = {run_libfuzzer_target, NULL};
  for (size_t i = 0; i < n; i++) {
    uint8_t *data;
    size_t len;
    if (cfuzz_read_file(files[i], SIZE_MAX / 2, &data, &len) != 0)
      cfuzz_fatal("cannot read input file '%s': %s", files[i], strerror(errno));
    if (flags->max_len > 0 && len > (size_t)flags->max_len)
      len = (size_t)flags->max_len;
    /* libFuzzer reports a crashing or slow input given as a file, but does
     * not write it again as an artifact. */
    cfuzz_crash_context_init(&crash, flags);
    crash.data = data;
    crash.len = len;
    crash.save_artifacts = false;
    cfuzz_crash_install(&crash);
    fprintf(cfuzz_err(), "Running: %s\n", files[i]);
    double start = cfuzz_now();
    int rc;
    for (int64_t t = 0; t < times; t++)
      cfuzz_run_target(&crash, &target, data, len, &rc);
    fprintf(cfuzz_err(), "Executed %s in %ld ms\n", files[i], (long)((cfuzz_now() - start) * 1000));
    cfuzz_crash_uninstall();
    free(data);
    slowest = crash.slowest_run_seconds > slowest ? crash.slowest_run_seconds : slowest;
    runs += (uint64_t)times;
  }
  fprintf(cfuzz_err(), "***\n*** NOTE: fuzzing was not performed, you have only\n"
                  "***       executed the target code on a fixed set of inputs.\n***\n");
  if (flags->print_final_stats)
    cfuzz_report_final_stats(&(struct cfuzz_status){.runs = runs, .elapsed = cfuzz_now() - all_start}, 0, slowest);
  return 0;
}

/* -seed_inputs: "a,b,c" or "@FILE" naming a file that holds that list. As
 * libFuzzer: an empty list (or an @FILE that cannot be read) is an error,
 * files that cannot be read are skipped (with a warning here), empty ones
 * too. Returns the inputs; their data and the array are the caller's. */
static struct cfuzz_input *read_seed_inputs(const char *spec, size_t *n_out) {
  char *list = NULL;
  if (spec[0] == '@') {
    uint8_t *text;
    size_t len;
    if (cfuzz_read_file(spec + 1, SIZE_MAX / 2, &text, &len) == 0) {
      list = cfuzz_xmalloc(len + 1);
      memcpy(list, text, len);
      list[len] = '\0';
      free(text);
    }
  } else {
    list = cfuzz_xstrdup(spec);
  }
  if (!list || list[0] == '\0') {
    fprintf(cfuzz_err(), "seed_inputs is empty or @file does not exist.\n");
    exit(CFUZZ_EXIT_USAGE);
  }
  size_t n = 0, cap = 0;
  struct cfuzz_input *inputs = NULL;
  char *save = NULL;
  for (char *path = strtok_r(list, ",\n", &save); path; path = strtok_r(NULL, ",\n", &save)) {
    uint8_t *data;
    size_t len;
    if (cfuzz_read_file(path, SIZE_MAX / 2, &data, &len) != 0) {
      cfuzz_warn("-seed_inputs: skipping '%s': %s", path, strerror(errno));
      continue;
    }
    if (len == 0) {
      free(data);
      continue;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 8;
      inputs = cfuzz_xrealloc(inputs, cap * sizeof *inputs);
    }
    inputs[n++] = (struct cfuzz_input){data, len};
  }
  free(list);
  *n_out = n;
  return inputs;
}

/* libFuzzer's check of a directory the run needs: it must exist, or be
 * created with -create_missing_dirs=1. Exits 1 with libFuzzer's lines. */
static void require_dir(const char *dir, bool create) {
  struct stat st;
  if (dir[0] == '\0') {
    fprintf(cfuzz_err(), "ERROR: Provided directory path is an empty string\n");
    exit(CFUZZ_EXIT_USAGE);
  }
  if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
    return;
  if (create) {
    char what[4096];
    if (cfuzz_make_dirs(dir, what, sizeof what) != 0) {
      fprintf(cfuzz_err(), "ERROR: Failed to create directory \"%s\": %s\n", dir, strerror(errno));
      exit(CFUZZ_EXIT_USAGE);
    }
    return;
  }
  fprintf(cfuzz_err(), "ERROR: The required directory \"%s\" does not exist (-create_missing_dirs=1 creates it)\n",
          dir);
  exit(CFUZZ_EXIT_USAGE);
}

/* The directory part of a path ("." if none). */
static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return cfuzz_xstrdup(".");
  if (slash == path)
    return cfuzz_xstrdup("/");
  return strndup(path, (size_t)(slash - path));
}

static void require_output_dirs(const struct cfuzz_flags *flags, bool prefix_given) {
  bool create = flags->create_missing_dirs != 0;
  if (prefix_given) {
    /* A prefix ending in '/' is a directory; otherwise its last component
     * starts the file names. */
    size_t n = strlen(flags->artifact_prefix);
    char *dir = flags->artifact_prefix[n - 1] == '/' ? cfuzz_xstrdup(flags->artifact_prefix)
                                                       : dir_of(flags->artifact_prefix);
    require_dir(dir, create);
    free(dir);
  }
  if (flags->exact_artifact_path) {
    char *dir = dir_of(flags->exact_artifact_path);
    require_dir(dir, create);
    free(dir);
  }
  /* The other directories a run writes into, checked as libFuzzer does. */
  if (flags->features_dir)
    require_dir(flags->features_dir, create);
  if (flags->mutation_graph_file) {
    char *dir = dir_of(flags->mutation_graph_file);
    require_dir(dir, create);
    free(dir);
  }
}

/* -close_fd_mask: the target's stdout (1) and/or stderr (2) go to
 * /dev/null. cfuzz writes nothing to stdout in libFuzzer mode; its own
 * messages move to a duplicate of the original stderr. */
static void close_fds(int64_t mask) {
  if ((mask & 2) && cfuzz_discard_target_stderr() != 0)
    cfuzz_fatal("-close_fd_mask=2: cannot redirect stderr: %s", strerror(errno));
  if (mask & 1) {
    int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null_fd < 0)
      cfuzz_fatal("-close_fd_mask=1: cannot open /dev/null: %s", strerror(errno));
    fflush(stdout);
    dup2(null_fd, STDOUT_FILENO);
    close(null_fd);
  }
}

int cfuzz_libfuzzer_main(int argc, char **argv) {
  /* The workers of a supervisor get the arguments as given. */
  char **original_argv = argv;
  if (LLVMFuzzerInitialize) {
    /* Children (merge, minimization, workers) are this program again: an
     * LLVMFuzzerInitialize that rewrites argv[0] would break them; libFuzzer
     * refuses it too. */
    char *program = cfuzz_xstrdup(argv[0]);
    LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 1 || strcmp(argv[0], program) != 0) {
      fprintf(cfuzz_err(), "ERROR: argv[0] has been modified in LLVMFuzzerInitialize\n");
      exit(CFUZZ_EXIT_USAGE);
    }
    free(program);
  }
  /* From here on MSan checks only the target's own calls (msan.h). */
  cfuzz_msan_checks_off();
  struct cfuzz_flags flags;
  cfuzz_flags_parse(&flags, argc, argv, false);
  if (flags.close_fd_mask)
    close_fds(flags.close_fd_mask);
  cfuzz_stop_install(&flags);

  /* The children of -merge and -minimize_crash. */
  /* (flags are freed first: LeakSanitizer at exit would make a finished
   * step look like a crash to the parent.) */
  if (flags.merge_inner || flags.minimize_crash_internal_step) {
    int step_rc;
    if (flags.merge_inner)
      step_rc = cfuzz_merge_inner(&flags, run_libfuzzer_target, NULL);
    else if (flags.n_positional != 1)
      cfuzz_fatal("-minimize_crash_internal_step needs one input file");
    else
      step_rc = cfuzz_minimize_inner(&flags, flags.positional[0], run_libfuzzer_target, NULL);
    cfuzz_flags_free(&flags);
    return step_rc;
  }

  bool prefix_given = false, len_control_given = false;
  for (int i = 1; i < argc; i++) {
    prefix_given |= cfuzz_flags_arg_is(argv[i], "artifact_prefix");
    len_control_given |= cfuzz_flags_arg_is(argv[i], "len_control");
  }
  /* As libFuzzer: a custom mutator makes its own lengths, so the length
   * limit starts at -max_len unless -len_control is given (libFuzzer says
   * so either way). */
  if (cfuzz_custom_mutator_defined()) {
    if (!len_control_given)
      flags.len_control = 0;
    fprintf(cfuzz_err(), "INFO: found LLVMFuzzerCustomMutator (%p). Disabling -len_control by default.\n",
            (void *)(uintptr_t)LLVMFuzzerCustomMutator);
  }
  require_output_dirs(&flags, prefix_given);

  /* Positional arguments: directories are corpora, files are inputs. A
   * path that does not exist is a corpus directory to be (with
   * -create_missing_dirs=1), or a typo (an error). */
  const char **dirs = cfuzz_xcalloc(flags.n_positional + 1, sizeof(char *));
  const char **files = cfuzz_xcalloc(flags.n_positional + 1, sizeof(char *));
  size_t n_dirs = 0, n_files = 0;
  for (size_t i = 0; i < flags.n_positional; i++) {
    struct stat st;
    const char *path = flags.positional[i];
    if (path[0] == '\0' || (stat(path, &st) != 0 && errno == ENOENT)) {
      require_dir(path, flags.create_missing_dirs != 0);
      dirs[n_dirs++] = path;
      continue;
    }
    if (stat(path, &st) != 0)
      cfuzz_fatal("'%s': %s (expected a corpus directory or an input file)", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
      dirs[n_dirs++] = path;
    else
      files[n_files++] = path;
  }
  int rc;
  if (flags.minimize_crash) {
    rc = cfuzz_minimize_crash(&flags, argc, argv, files, n_files);
  } else if (flags.cleanse_crash) {
    rc = cfuzz_cleanse_crash(&flags, argc, argv, files, n_files);
  } else if (flags.merge || flags.set_cover_merge) {
    rc = cfuzz_merge_run(&flags, argc, argv, dirs, n_dirs);
  } else if (n_files) {
    if (n_dirs)
      cfuzz_warn("input files given: running them only; corpus directories are ignored");
    rc = reproduce(&flags, argv[0], files, n_files);
  } else if (cfuzz_supervisor_wanted(&flags)) {
    rc = cfuzz_supervise(&flags, original_argv, n_dirs ? dirs[0] : NULL, NULL);
  } else {
    size_t n_seeds = 0;
    struct cfuzz_input *seeds = flags.seed_inputs ? read_seed_inputs(flags.seed_inputs, &n_seeds) : NULL;
    struct cfuzz_loop_config cfg = {
        .flags = &flags,
        .test_name = "LLVMFuzzerTestOneInput",
        .corpus_dir = n_dirs ? dirs[0] : NULL,
        .extra_dirs = n_dirs > 1 ? dirs + 1 : NULL,
        .n_extra_dirs = n_dirs > 1 ? n_dirs - 1 : 0,
        .seeds = seeds,
        .n_seeds = n_seeds,
        .test_one = run_libfuzzer_target,
    };
    rc = cfuzz_loop_run(&cfg);
    for (size_t i = 0; i < n_seeds; i++)
      free((void *)seeds[i].data);
    free(seeds);
  }
  free(dirs);
  free(files);
  cfuzz_flags_free(&flags);
  return rc;
}

bool cfuzz_has_libfuzzer_target(void) { return LLVMFuzzerTestOneInput != NULL; }
