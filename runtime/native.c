/* native.c - native fuzz tests: the CFUZZ_TEST registry, the test runner
 * (smoke mode and --fuzz), and cfuzz_fuzz.
 *
 * Owns a second unavoidable global, `runner`: tests register from
 * constructors and cfuzz_fuzz is called from the user's test body, and
 * neither has a parameter through which to pass state. It holds the
 * registry and which test is running in which mode, so cfuzz_fuzz knows the
 * corpus directory f/<test>/ and whether to fuzz.
 *
 * Work directory layout for test T: f/T/ is its corpus, c/T/ holds saved
 * crash reproducers (outside the corpus: re-run in smoke mode, never
 * mutated). `--fuzz` without a name fuzzes every test in turn, each with
 * the full -runs / -max_total_time budget; it needs one of those limits
 * when there is more than one test (otherwise the first would never end). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cfuzz.h"
#include "corpus.h"
#include "crash.h"
#include "entry_points.h"
#include "flags.h"
#include "fuzz_loop.h"
#include "run_target.h"
#include "stop_request.h"
#include "supervisor.h"
#include "util.h"

static struct {
  struct cfuzz_test *first, *last;
  const struct cfuzz_flags *flags; /* NULL: cfuzz_fuzz called outside the runner */
  const struct cfuzz_test *current;
  bool fuzzing;      /* the current test is to be fuzzed */
  bool fuzz_called;  /* the current test called cfuzz_fuzz */
  size_t smoke_inputs;
  const char **files; /* reproduce mode: run only these inputs */
  size_t n_files;
} runner;

void cfuzz_register_test(struct cfuzz_test *test) {
  test->next = NULL;
  if (runner.last)
    runner.last->next = test;
  else
    runner.first = test;
  runner.last = test;
}

static char *test_dir(const char *workdir, const char *kind, const char *name) {
  char *kind_dir = cfuzz_path_join(workdir, kind);
  char *dir = cfuzz_path_join(kind_dir, name);
  free(kind_dir);
  return dir;
}

/* Runs one smoke input; reports a failure and remembers the first one. */
static void smoke_one(void *ctx, int (*test_one)(void *, const uint8_t *, size_t), const uint8_t *data,
                      size_t len, const char *source, int *first_failure) {
  struct cfuzz_crash_context *crash = cfuzz_instr_crash_context();
  if (crash) {
    crash->data = data;
    crash->len = len;
  }
  int rc;
  struct cfuzz_target target = {test_one, ctx};
  cfuzz_run_target(crash, &target, data, len, &rc);
  if (crash) {
    /* The bytes may be freed next: a later crash must not read them. */
    crash->data = NULL;
    crash->len = 0;
  }
  runner.smoke_inputs++;
  if (rc != 0 && rc != CFUZZ_SKIP) {
    fprintf(cfuzz_err(), "cfuzz: test '%s' failed on %s (%zu bytes): test_one returned %d\n",
            runner.current ? runner.current->name : "?", source, len, rc);
    if (*first_failure == 0)
      *first_failure = rc;
  }
}

struct smoke_dir_visit {
  void *ctx;
  int (*test_one)(void *, const uint8_t *, size_t);
  const char *dir;
  int *first_failure;
};

static void smoke_dir_one(void *arg, const char *name, const uint8_t *data, size_t len) {
  struct smoke_dir_visit *v = arg;
  char *path = cfuzz_path_join(v->dir, name);
  smoke_one(v->ctx, v->test_one, data, len, path, v->first_failure);
  free(path);
}

/* Runs every input file in dir (the same reading rules as the corpus). */
static void smoke_dir(void *ctx, int (*test_one)(void *, const uint8_t *, size_t), const char *dir,
                      size_t max_len, int *first_failure) {
  struct smoke_dir_visit v = {ctx, test_one, dir, first_failure};
  if (cfuzz_corpus_scan_dir(NULL, dir, max_len, smoke_dir_one, &v) != 0 && errno != ENOENT)
    cfuzz_warn("cannot read '%s': %s", dir, strerror(errno));
}

int cfuzz_fuzz(void *ctx, int (*test_one)(void *ctx, const uint8_t *data, size_t len),
               const struct cfuzz_options *options) {
  static const struct cfuzz_options no_options;
  if (!options)
    options = &no_options;
  if (!test_one)
    cfuzz_fatal("cfuzz_fuzz: test_one is NULL");
  runner.fuzz_called = true;
  const struct cfuzz_flags *flags = runner.flags;
  const char *name = runner.current ? runner.current->name : NULL;

  if (runner.fuzzing && flags && name) {
    char *corpus = test_dir(flags->workdir, "f", name);
    char *crashes = test_dir(flags->workdir, "c", name);
    struct cfuzz_loop_config cfg = {
        .flags = flags,
        .test_name = name,
        .corpus_dir = corpus,
        .extra_dirs = flags->positional,
        .n_extra_dirs = flags->n_positional,
        .keep_crash_dir = crashes,
        .seeds = options->corpus,
        .n_seeds = options->corpus_len,
        .max_len = options->max_len,
        .test_one = test_one,
        .ctx = ctx,
    };
    int rc = cfuzz_loop_run(&cfg);
    free(corpus);
    free(crashes);
    return rc;
  }

  int first_failure = 0;
  if (runner.n_files > 0) {
    /* Reproduce mode: just the files named on the command line. */
    for (size_t i = 0; i < runner.n_files; i++) {
      uint8_t *data;
      size_t len;
      if (cfuzz_read_file(runner.files[i], SIZE_MAX / 2, &data, &len) != 0)
        cfuzz_fatal("cannot read input file '%s': %s", runner.files[i], strerror(errno));
      smoke_one(ctx, test_one, data, len, runner.files[i], &first_failure);
      free(data);
    }
    return first_failure;
  }

  /* Smoke mode: a regression test over everything known for this test. */
  /* Without a limit, files up to the largest default limit run whole, as
   * fuzzing would load them. */
  size_t max_len = options->max_len               ? options->max_len
                   : flags && flags->max_len > 0 ? (size_t)flags->max_len
                                                  : CFUZZ_MAX_DEFAULT_MAX_LEN;
  char source[64];
  for (size_t i = 0; i < options->corpus_len; i++) {
    snprintf(source, sizeof source, "seed input %zu", i);
    smoke_one(ctx, test_one, options->corpus[i].data, options->corpus[i].len, source, &first_failure);
  }
  if (flags && name) {
    char *corpus = test_dir(flags->workdir, "f", name);
    char *crashes = test_dir(flags->workdir, "c", name);
    smoke_dir(ctx, test_one, corpus, max_len, &first_failure);
    smoke_dir(ctx, test_one, crashes, SIZE_MAX / 2, &first_failure);
    free(corpus);
    free(crashes);
  }
  smoke_one(ctx, test_one, (const uint8_t *)"", 0, "the empty input", &first_failure);
  return first_failure;
}

static const struct cfuzz_test *find_test(const char *name) {
  for (const struct cfuzz_test *t = runner.first; t; t = t->next)
    if (strcmp(t->name, name) == 0)
      return t;
  return NULL;
}

static int run_test(const struct cfuzz_test *t, bool fuzz) {
  runner.current = t;
  runner.fuzzing = fuzz;
  runner.fuzz_called = false;
  runner.smoke_inputs = 0;
  int rc = t->run();
  if (fuzz && !runner.fuzz_called) {
    cfuzz_warn("test '%s' did not call cfuzz_fuzz; nothing was fuzzed", t->name);
    return 1;
  }
  return rc;
}

/* Runs the named test (or every test) on runner.files; a failure is a
 * crash, as when fuzzing: exit with -error_exitcode. */
static int reproduce_files(const char *only, int crash_exit_code) {
  int failed = 0;
  fprintf(cfuzz_err(), "INFO: running %zu input(s) once per test\n", runner.n_files);
  for (const struct cfuzz_test *t = runner.first; t; t = t->next) {
    if (only && only[0] != '\0' && strcmp(only, t->name) != 0)
      continue;
    int rc = run_test(t, false);
    if (rc != 0 && rc != CFUZZ_SKIP)
      failed = 1;
    printf("%s %s (%zu inputs)\n", failed ? "FAIL" : "PASS", t->name, runner.smoke_inputs);
  }
  return failed ? crash_exit_code : 0;
}

int cfuzz_native_main(int argc, char **argv) {
  struct cfuzz_flags flags;
  cfuzz_flags_parse(&flags, argc, argv, true);
  cfuzz_stop_install(&flags);
  runner.flags = &flags;
  /* Directories are extra corpora for --fuzz; files switch to reproduce
   * mode (SPEC 4). The two don't mix: a file among corpora is a mistake. */
  const char **files = cfuzz_xcalloc(flags.n_positional + 1, sizeof(char *));
  size_t n_dirs = 0;
  for (size_t i = 0; i < flags.n_positional; i++) {
    struct stat st;
    if (stat(flags.positional[i], &st) != 0)
      cfuzz_fatal("cannot access '%s': %s", flags.positional[i], strerror(errno));
    if (S_ISDIR(st.st_mode))
      n_dirs++;
    else
      files[runner.n_files++] = flags.positional[i];
  }
  if (runner.n_files > 0 && n_dirs > 0)
    cfuzz_fatal("give either corpus directories or input files to reproduce, not both");
  if (runner.n_files > 0)
    runner.files = files;
  if (!runner.first)
    cfuzz_fatal("no fuzz tests: define LLVMFuzzerTestOneInput or use CFUZZ_TEST");

  /* The handler is in place for smoke runs too; cfuzz_fuzz points it at
   * each input in turn. */
  static struct cfuzz_crash_context smoke_crash;
  cfuzz_crash_context_init(&smoke_crash, &flags);
  /* libFuzzer does not rewrite the inputs it is given to run. */
  smoke_crash.save_artifacts = runner.n_files == 0;
  cfuzz_crash_install(&smoke_crash);

  if (runner.n_files > 0)
    return reproduce_files(flags.fuzz, (int)flags.error_exitcode);

  if (flags.fuzz == NULL) {
    size_t passed = 0, failed = 0;
    for (const struct cfuzz_test *t = runner.first; t; t = t->next) {
      cfuzz_crash_install(&smoke_crash);
      int rc = run_test(t, false);
      if (rc == 0 || rc == CFUZZ_SKIP) {
        printf("PASS %s (%zu inputs)\n", t->name, runner.smoke_inputs);
        passed++;
      } else {
        printf("FAIL %s (returned %d)\n", t->name, rc);
        failed++;
      }
      fflush(stdout);
    }
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
  }

  if (flags.fuzz[0] != '\0') {
    const struct cfuzz_test *t = find_test(flags.fuzz);
    if (!t) {
      fprintf(cfuzz_err(), "ERROR: cfuzz: no fuzz test named '%s'; the tests are:", flags.fuzz);
      for (t = runner.first; t; t = t->next)
        fprintf(cfuzz_err(), " %s", t->name);
      fputc('\n', cfuzz_err());
      return CFUZZ_EXIT_USAGE;
    }
    if (cfuzz_supervisor_wanted(&flags)) {
      char *corpus = test_dir(flags.workdir, "f", t->name);
      char *crashes = test_dir(flags.workdir, "c", t->name);
      cfuzz_make_dirs_or_die(crashes, "crash directory");
      int rc = cfuzz_supervise(&flags, argv, corpus, crashes);
      free(corpus);
      free(crashes);
      return rc;
    }
    return run_test(t, true) ? 1 : 0;
  }
  if (runner.first->next && flags.runs < 0 && flags.max_total_time == 0)
    cfuzz_fatal("--fuzz without a name fuzzes every test in turn; with several tests it needs -runs=N "
                "or -max_total_time=S (or use --fuzz=NAME)");
  for (const struct cfuzz_test *t = runner.first; t; t = t->next) {
    fprintf(cfuzz_err(), "INFO: fuzzing test '%s'\n", t->name);
    if (run_test(t, true) != 0)
      return 1;
  }
  return 0;
}
