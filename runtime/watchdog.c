/* watchdog.c - the timeout and RSS watchdog thread (see watchdog.h). */
#define _GNU_SOURCE
#include "watchdog.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "crash.h"
#include "instrumentation.h"
#include "stall_clock.h"
#include "stop_request.h"
#include "util.h"

/* After asking the target thread to report a timeout, how long to wait for
 * it before reporting from here (without the target's stack). */
#define ALARM_GRACE_SECONDS 3

/* How often the thread samples the run and the RSS: a hang is reported
 * less than a tick after -timeout. Ten wake-ups a second cost the target
 * nothing measurable. */
#define WATCHDOG_TICK_MS 100

size_t cfuzz_current_rss_mb(void) {
  int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  char buf[128];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  char *p = buf;
  strtoull(p, &p, 10); /* size */
  unsigned long long resident = strtoull(p, NULL, 10);
  return (size_t)(resident * (unsigned long long)sysconf(_SC_PAGESIZE) >> 20);
}

/* Set by the thread once running: its start-up (the sanitizers' thread
 * set-up allocates and frees) is then over, so it cannot show up in the
 * target's first runs (-trace_malloc, malloc/free balance for leaks). */
static volatile int watch_running;

static uint64_t monotonic_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void *watch(void *arg) {
  (void)arg;
  __atomic_store_n(&watch_running, 1, __ATOMIC_RELEASE);
  struct cfuzz_stall_clock clock = {0};
  bool alarm_sent = false;        /* SIGALRM went to the target for this run */
  uint64_t interrupt_seen_ms = 0; /* when an interrupt was first seen waiting on this run */
  const struct timespec tick = {0, WATCHDOG_TICK_MS * 1000000L};
  for (;;) {
    nanosleep(&tick, NULL);
    struct cfuzz_crash_context *ctx = __atomic_load_n(&cfuzz_instr.crash, __ATOMIC_ACQUIRE);
    if (!ctx)
      continue;
    if (ctx->rss_limit_mb > 0) {
      size_t rss = cfuzz_current_rss_mb();
      if (rss > (size_t)ctx->rss_limit_mb)
        cfuzz_crash_rss_limit(ctx, rss);
    }
    uint64_t now = monotonic_ms();
    uint64_t ms = cfuzz_stall_clock_sample(&clock, ctx, ctx->progress->runs_started,
                                           __atomic_load_n(&ctx->progress->running, __ATOMIC_ACQUIRE), now);
    if (ms == 0) { /* a new run, or none */
      alarm_sent = false;
      interrupt_seen_ms = 0;
      continue;
    }
    uint64_t seconds = ms / 1000;
    if (cfuzz_stop_requested == CFUZZ_STOP_INTERRUPT) {
      if (!interrupt_seen_ms)
        interrupt_seen_ms = now;
      cfuzz_stop_check_overdue((unsigned)((now - interrupt_seen_ms) / 1000));
    }
    /* libFuzzer's stat::slowest_unit_time_sec, measured here so the target
     * thread never reads the clock per run. */
    if (seconds > __atomic_load_n(&ctx->slowest_run_seconds, __ATOMIC_RELAXED))
      __atomic_store_n(&ctx->slowest_run_seconds, seconds, __ATOMIC_RELAXED);
    if (ctx->timeout <= 0)
      continue;
    uint64_t limit_ms = (uint64_t)ctx->timeout * 1000;
    if (!alarm_sent && ms >= limit_ms) {
      alarm_sent = true;
      cfuzz_crash_request_timeout_report(ctx, seconds);
    } else if (alarm_sent && ms >= limit_ms + ALARM_GRACE_SECONDS * 1000) {
      cfuzz_crash_timeout(ctx, seconds, 0);
    }
  }
  return NULL;
}

void cfuzz_watchdog_start(void) {
  static bool started;
  if (started)
    return;
  started = true;
  /* Signals meant for the process (SIGINT, SIGALRM...) go to the target
   * thread, never here. */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  pthread_t thread;
  int rc = pthread_create(&thread, NULL, watch, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (rc != 0)
    cfuzz_fatal("cannot start the watchdog thread");
  pthread_detach(thread);
  while (!__atomic_load_n(&watch_running, __ATOMIC_ACQUIRE))
    nanosleep(&(struct timespec){0, 1000000}, NULL);
}
