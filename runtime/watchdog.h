/* watchdog.h - a thread that enforces -timeout and -rss_limit_mb in the
 * fuzzing process. Every 100 ms it samples the current run's progress
 * fields (runs begun, running; see run_target.h): a run still going after
 * -timeout seconds gets SIGALRM in the target thread, whose handler reports
 * where it is stuck (the watchdog reports itself if that does not happen
 * within a few seconds). It reads the resident set size from
 * /proc/self/statm and reports an out-of-memory above -rss_limit_mb. The
 * fuzzing loop itself makes no syscall for either. */
#ifndef CFUZZ_WATCHDOG_H
#define CFUZZ_WATCHDOG_H

#include <stddef.h>

/* Starts the thread (once per process); it follows whichever crash
 * context is installed. */
void cfuzz_watchdog_start(void);

/* Resident set size of this process in MB (0 if unknown). */
size_t cfuzz_current_rss_mb(void);

#endif
