/* work_dir.c - see work_dir.h. */
#define _GNU_SOURCE
#include "work_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "campaign.h"
#include "util.h"

char *cfuzz_work_dir_open(const struct cfuzz_work_dir_spec *spec, struct cfuzz_coverage_file *cov,
                          struct cfuzz_input_file *input) {
  cfuzz_make_dir_or_die(spec->workdir, "work directory");
  char *cov_dir = cfuzz_path_join(spec->workdir, CFUZZ_WORK_COVERAGE_SUBDIR);
  char *input_dir = cfuzz_path_join(spec->workdir, CFUZZ_WORK_INPUT_SUBDIR);
  cfuzz_make_dirs_or_die(cov_dir, "coverage directory");
  cfuzz_make_dirs_or_die(input_dir, "input directory");
  if (spec->corpus_dir)
    cfuzz_make_dirs_or_die(spec->corpus_dir, "corpus directory");
  if (spec->keep_crash_dir)
    cfuzz_make_dirs_or_die(spec->keep_crash_dir, "crash directory");

  char err[4200];
  struct cfuzz_coverage_layout layout = cfuzz_modules_layout(spec->modules);
  if (cfuzz_coverage_file_open(cov, cov_dir, &layout, err, sizeof err) != 0)
    cfuzz_fatal("%s", err);
  struct cfuzz_campaign campaign = {
      .coverage_id = spec->modules->coverage_id,
      .corpus_dir = spec->corpus_dir,
      .artifact_prefix = spec->artifact_prefix,
      .crash_dir = spec->keep_crash_dir,
  };
  if (cfuzz_campaign_write(spec->workdir, &campaign, err, sizeof err) != 0)
    cfuzz_warn("%s (cfuzz-view will not list the corpus and reproducers)", err);
  char pid[32];
  snprintf(pid, sizeof pid, "%ld", (long)getpid());
  char *input_path = cfuzz_path_join(input_dir, pid);
  if (cfuzz_input_file_create(input, input_path, spec->input_capacity, err, sizeof err) != 0)
    cfuzz_fatal("%s", err);
  free(cov_dir);
  free(input_dir);
  return input_path;
}
