/* supervisor.h - fork mode, jobs and keep-going: a process that runs no
 * target code (only the program's constructors and LLVMFuzzerInitialize,
 * as libFuzzer's own fork mode does) and supervises worker processes.
 *
 * Each worker is this program again (/proc/self/exe, the same arguments
 * without the supervision flags, CFUZZ_WORKER=1 in its environment, dying
 * with the supervisor through PR_SET_PDEATHSIG). Workers share the work
 * directory (coverage file) and the corpus directory; each has its own
 * input file <workdir>/i/<pid>. When a worker dies, whatever killed it, the
 * supervisor reads that input file: the exact input (length from its
 * header) and the worker's own death record, if it caught its death. It
 * classifies the death (record, else signal or exit status, else its own
 * timeout and RSS backstops), writes each distinct bug once (artifact.h
 * signatures) and starts a new worker.
 *
 * Flags (libFuzzer's meanings): -fork=N keeps N workers running; a bug
 * stops the run unless -ignore_crashes/-ignore_timeouts/-ignore_ooms says
 * to go on. -jobs=N runs N jobs, -workers=M (default min(N, cores/2)) at a
 * time; each job ends at its first bug or at its limits. -keep_going=1 is
 * -fork=1 with every -ignore_* set. -runs counts executions of all
 * workers together; -max_total_time is the whole run's. */
#ifndef CFUZZ_SUPERVISOR_H
#define CFUZZ_SUPERVISOR_H

#include <stdbool.h>

#include "flags.h"

/* The command line asks for workers, and this process is not one. */
bool cfuzz_supervisor_wanted(const struct cfuzz_flags *flags);

/* Runs the supervisor until the limits, a bug that is not ignored, all jobs
 * done, or SIGINT/SIGTERM. argv: the program's original arguments.
 * keep_dir: also keep reproducers there (native tests), or NULL.
 * corpus_dir: for the status line, or NULL. Returns the exit status. */
int cfuzz_supervise(const struct cfuzz_flags *flags, char **argv, const char *corpus_dir, const char *keep_dir);

#endif
