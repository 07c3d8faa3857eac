/* libfuzzer_main.c - the program's behaviour for libFuzzer-style harnesses
 * (LLVMFuzzerTestOneInput): parse the libFuzzer command line, then either
 * run the given files once each (reproduce mode) or fuzz with the given
 * corpus directories (the first receives new entries). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cfuzz.h"
#include "crash.h"
#include "entry_points.h"
#include "flags.h"
#include "fuzz_loop.h"
#include "run_target.h"
#include "supervisor.h"
#include "util.h"

#pragma weak LLVMFuzzerTestOneInput
#pragma weak LLVMFuzzerInitialize

static int run_libfuzzer_target(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  /* libFuzzer: -1 rejects the input (not kept); every other value is ok. */
  return LLVMFuzzerTestOneInput(data, len) == -1 ? CFUZZ_SKIP : 0;
}

static int reproduce(const struct cfuzz_flags *flags, const char **files, size_t n) {
  fprintf(stderr, "INFO: running %zu inputs 1 time(s) each.\n", n);
  static struct cfuzz_crash_context crash;
  struct cfuzz_target target = {run_libfuzzer_target, NULL};
  for (size_t i = 0; i < n; i++) {
    uint8_t *data;
    size_t len;
    if (cfuzz_read_file(files[i], SIZE_MAX / 2, &data, &len) != 0)
      cfuzz_fatal("cannot read input file '%s': %s", files[i], strerror(errno));
    /* libFuzzer reports a crashing or slow input given as a file, but does
     * not write it again as an artifact. */
    cfuzz_crash_context_init(&crash, flags);
    crash.data = data;
    crash.len = len;
    crash.save_artifacts = false;
    cfuzz_crash_install(&crash);
    fprintf(stderr, "Running: %s\n", files[i]);
    double start = cfuzz_now();
    int rc;
    cfuzz_run_target(&crash, &target, data, len, &rc);
    fprintf(stderr, "Executed %s in %ld ms\n", files[i], (long)((cfuzz_now() - start) * 1000));
    cfuzz_crash_uninstall();
    free(data);
  }
  fprintf(stderr, "***\n*** NOTE: fuzzing was not performed, you have only\n"
                  "***       executed the target code on a fixed set of inputs.\n***\n");
  return 0;
}

int cfuzz_libfuzzer_main(int argc, char **argv) {
  /* The workers of a supervisor get the arguments as given. */
  char **original_argv = argv;
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize(&argc, &argv);
  struct cfuzz_flags flags;
  cfuzz_flags_parse(&flags, argc, argv, false);

  /* Positional arguments: directories are corpora, files are inputs. */
  const char **dirs = cfuzz_xcalloc(flags.n_positional + 1, sizeof(char *));
  const char **files = cfuzz_xcalloc(flags.n_positional + 1, sizeof(char *));
  size_t n_dirs = 0, n_files = 0;
  for (size_t i = 0; i < flags.n_positional; i++) {
    struct stat st;
    if (i == 0 && stat(flags.positional[i], &st) != 0 && errno == ENOENT) {
      /* The first directory receives new entries: create it (its parent
       * must exist), like the work directory. */
      cfuzz_make_dir_or_die(flags.positional[i], "corpus directory");
    }
    if (stat(flags.positional[i], &st) != 0)
      cfuzz_fatal("'%s': %s (expected a corpus directory or an input file)", flags.positional[i],
                  strerror(errno));
    if (S_ISDIR(st.st_mode))
      dirs[n_dirs++] = flags.positional[i];
    else
      files[n_files++] = flags.positional[i];
  }
  int rc;
  if (n_files) {
    if (n_dirs)
      cfuzz_warn("input files given: running them only; corpus directories are ignored");
    rc = reproduce(&flags, files, n_files);
  } else if (cfuzz_supervisor_wanted(&flags)) {
    rc = cfuzz_supervise(&flags, original_argv, n_dirs ? dirs[0] : NULL, NULL);
  } else {
    struct cfuzz_loop_config cfg = {
        .flags = &flags,
        .test_name = "LLVMFuzzerTestOneInput",
        .corpus_dir = n_dirs ? dirs[0] : NULL,
        .extra_dirs = n_dirs > 1 ? dirs + 1 : NULL,
        .n_extra_dirs = n_dirs > 1 ? n_dirs - 1 : 0,
        .test_one = run_libfuzzer_target,
    };
    rc = cfuzz_loop_run(&cfg);
  }
  free(dirs);
  free(files);
  cfuzz_flags_free(&flags);
  return rc;
}

bool cfuzz_has_libfuzzer_target(void) { return LLVMFuzzerTestOneInput != NULL; }
