/* stop_request.c - SIGINT, SIGTERM, SIGUSR1, SIGUSR2 (see stop_request.h).
 * The handlers use only write, getpid and _exit. */
#define _GNU_SOURCE
#include "stop_request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash.h"
#include "flags.h"
#include "sigsafe_text.h"
#include "util.h"

volatile sig_atomic_t cfuzz_stop_requested;
static volatile sig_atomic_t deferred;

static void put_interrupted_line(void) {
  struct cfuzz_text t;
  t.len = 0;
  cfuzz_text_str(&t, "==");
  cfuzz_text_uint(&t, (uint64_t)getpid());
  cfuzz_text_str(&t, "== libFuzzer: run interrupted; exiting\n");
  cfuzz_text_flush(&t, cfuzz_err_fd());
}

static void on_interrupt(int sig) {
  (void)sig;
  if (deferred && cfuzz_stop_requested != CFUZZ_STOP_INTERRUPT) {
    cfuzz_stop_requested = CFUZZ_STOP_INTERRUPT;
    return;
  }
  put_interrupted_line();
  _exit(CFUZZ_EXIT_INTERRUPTED);
}

static void on_graceful(int sig) {
  (void)sig;
  if (cfuzz_stop_requested == CFUZZ_STOP_NONE)
    cfuzz_stop_requested = CFUZZ_STOP_GRACEFUL;
  static const char line[] = "INFO: signal received, trying to exit gracefully\n";
  cfuzz_write_all(cfuzz_err_fd(), line, sizeof line - 1);
}

static void handle(int sig, void (*handler)(int)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL);
}

void cfuzz_stop_install(const struct cfuzz_flags *flags) {
  if (flags->handle_int && !getenv(CFUZZ_WORKER_ENV))
    handle(SIGINT, on_interrupt);
  if (flags->handle_term)
    handle(SIGTERM, on_interrupt);
  if (flags->handle_usr1)
    handle(SIGUSR1, on_graceful);
  if (flags->handle_usr2)
    handle(SIGUSR2, on_graceful);
}

void cfuzz_stop_defer(bool defer) { deferred = defer; }

int cfuzz_stop_report(void) {
  fflush(stdout);
  if (cfuzz_stop_requested == CFUZZ_STOP_INTERRUPT) {
    fflush(cfuzz_err());
    put_interrupted_line();
    return CFUZZ_EXIT_INTERRUPTED;
  }
  fprintf(cfuzz_err(), "==%ld== INFO: libFuzzer: exiting as requested\n", (long)getpid());
  fflush(cfuzz_err());
  return 0;
}

void cfuzz_stop_check_overdue(unsigned seconds) {
  if (cfuzz_stop_requested == CFUZZ_STOP_INTERRUPT && seconds >= CFUZZ_STOP_GRACE_SECONDS) {
    put_interrupted_line();
    _exit(CFUZZ_EXIT_INTERRUPTED);
  }
}
