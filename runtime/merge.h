/* merge.h - -merge=1 and -set_cover_merge=1, with libFuzzer's semantics:
 * the inputs of directories 2..N that add coverage to directory 1 are copied
 * into it (named by their SHA-1).
 *
 * Crash-resistant, as libFuzzer's: the outer process never runs the target.
 * It writes the list of files to a control file and runs this program again
 * (-merge_inner=1) to execute them; the child appends "STARTED i size" before
 * each input and "FT i features..." / "COV i pcs..." after it. A child that
 * dies (crash, timeout, out of memory) is restarted after the input that
 * killed it, so one bad input never stops a merge. With -merge_control_file
 * the control file survives: a merge that was killed resumes where it
 * stopped, and a finished one is not redone.
 *
 * The control file's format: merge_control.h; the choice: merge_choose.h. */
#ifndef CFUZZ_MERGE_H
#define CFUZZ_MERGE_H

#include <stddef.h>

#include "flags.h"
#include "fuzz_loop.h"

/* The outer process: merges dirs[1..n) into dirs[0]. argc/argv are the
 * program's command line, to start the children with. Returns the exit
 * status (0 on success). */
int cfuzz_merge_run(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *dirs,
                    size_t n_dirs);

/* The child: runs the files the control file lists from the first one not
 * started yet, appending their coverage. Returns 0 when all are done; a
 * crashing input ends the process through the crash handler. */
int cfuzz_merge_inner(const struct cfuzz_flags *flags, cfuzz_test_one_fn test_one, void *ctx);

#endif
