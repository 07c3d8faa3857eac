/* work_dir.h - a fuzzing process's files under the work directory
 * (-workdir, SPEC.md): the shared coverage file v/<id>, the campaign record
 * campaign/<id> (campaign.h) and the process's own input file i/<pid>, into
 * which every input is written before it runs. The supervisor of -fork and
 * -jobs reads workers' input files from the same i/. */
#ifndef CFUZZ_WORK_DIR_H
#define CFUZZ_WORK_DIR_H

#include <stddef.h>

#include "coverage_file.h"
#include "input_file.h"
#include "modules.h"

#define CFUZZ_WORK_COVERAGE_SUBDIR "v"
#define CFUZZ_WORK_INPUT_SUBDIR "i"

struct cfuzz_work_dir_spec {
  const char *workdir;
  const char *corpus_dir;      /* created when set */
  const char *keep_crash_dir;  /* created when set */
  const char *artifact_prefix; /* for the campaign record */
  const struct cfuzz_modules *modules;
  size_t input_capacity; /* the input file's first size */
};

/* Creates the directories, opens the coverage file and the input file and
 * writes the campaign record (only a warning if that fails: it costs the
 * viewer its file lists, never the fuzzing). Fatal, with the path and the
 * reason, when a directory or file cannot be made. Returns the input file's
 * path, for the caller to unlink and free. */
char *cfuzz_work_dir_open(const struct cfuzz_work_dir_spec *spec, struct cfuzz_coverage_file *cov,
                          struct cfuzz_input_file *input);

#endif
