/* worker.h - what the supervisor (supervisor.c) sees of one worker process
 * from outside: its input file's header (runs begun, whether a run is on),
 * its resident memory, its log, and the temporary corpus files it leaves
 * when killed. The supervisor decides; this only looks and cleans up. */
#ifndef CFUZZ_WORKER_H
#define CFUZZ_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "artifact.h"
#include "input_file.h"

/* The end of a worker's log shown when it finds a new bug. */
#define CFUZZ_WORKER_LOG_TAIL_BYTES 65536

struct cfuzz_worker {
  pid_t pid; /* 0: free slot */
  char input_path[4200];
  char log_path[4200];
  volatile struct cfuzz_input_header *header; /* read-only mapping, once the file exists */
  double last_change;
  double over_rss_since; /* 0: within the backstop's RSS limit */
  uint64_t last_runs;
  enum cfuzz_artifact_kind killed_for; /* the supervisor's backstop killed it */
  bool stopping;                       /* the supervisor is ending the run */
};

/* Maps the header of the worker's input file once the worker has created
 * it (until then, and on any error, header stays NULL); a no-op if mapped. */
void cfuzz_worker_map_header(struct cfuzz_worker *w);
void cfuzz_worker_unmap_header(struct cfuzz_worker *w);

/* Runs the worker has begun; 0 before its header is mapped and valid. */
uint64_t cfuzz_worker_runs(const struct cfuzz_worker *w);

/* The resident memory of a process in MB (/proc), 0 if it is gone. */
size_t cfuzz_process_rss_mb(pid_t pid);

/* Writes a line naming the worker, then the last
 * CFUZZ_WORKER_LOG_TAIL_BYTES of its log (its report of the bug), to out_fd
 * (unbuffered: flush any stream on it first). */
void cfuzz_worker_show_log(const struct cfuzz_worker *w, int out_fd);

/* Removes the temporary corpus files (".cfuzz-tmp-PID-*") that a killed
 * worker was writing; corpus_dir NULL: nothing to do. */
void cfuzz_worker_remove_temporaries(const char *corpus_dir, pid_t pid);

#endif
