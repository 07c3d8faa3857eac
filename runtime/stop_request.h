/* stop_request.h - stopping when asked to, with libFuzzer's signals and
 * lines:
 *   SIGUSR1, SIGUSR2  a graceful stop: "INFO: signal received, trying to
 *                     exit gracefully" at once, then, after the current
 *                     run, "==PID== INFO: libFuzzer: exiting as requested"
 *                     and exit status 0;
 *   SIGINT, SIGTERM   an interrupt: "==PID== libFuzzer: run interrupted;
 *                     exiting" and exit status 72.
 * libFuzzer exits from the interrupt handler; cfuzz holds improved corpus
 * entries in memory, so where a stop point is registered (the fuzz loop, a
 * merge step, the supervisor) it too stops after the current run, flushing
 * them. A second interrupt, or a run still going STOP_GRACE_SECONDS after
 * the first (the watchdog checks), exits at once. The handlers only store a
 * flag (and write one line): the loops test it, one load per run. */
#ifndef CFUZZ_STOP_REQUEST_H
#define CFUZZ_STOP_REQUEST_H

#include <signal.h>
#include <stdbool.h>

#define CFUZZ_EXIT_INTERRUPTED 72
#define CFUZZ_STOP_GRACE_SECONDS 2

enum cfuzz_stop { CFUZZ_STOP_NONE, CFUZZ_STOP_GRACEFUL, CFUZZ_STOP_INTERRUPT };

/* Which stop was asked for (enum cfuzz_stop). */
extern volatile sig_atomic_t cfuzz_stop_requested;

struct cfuzz_flags;
/* Installs the handlers that -handle_int, -handle_term, -handle_usr1 and
 * -handle_usr2 ask for. A worker leaves SIGINT ignored (Ctrl-C reaches the
 * whole process group; its supervisor stops it with SIGTERM). */
void cfuzz_stop_install(const struct cfuzz_flags *flags);

/* The caller stops after the current step when asked to (interrupts no
 * longer exit from the handler). */
void cfuzz_stop_defer(bool defer);

/* Prints the line for the requested stop and returns its exit status
 * (0 after a graceful stop, 72 after an interrupt). */
int cfuzz_stop_report(void);

/* Called by the watchdog thread: exits at once (status 72) when an
 * interrupt has waited `seconds` for the current run to end. */
void cfuzz_stop_check_overdue(unsigned seconds);

#endif
