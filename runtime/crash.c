/* crash.c - catching and reporting the fuzzing process's own death (see
 * crash.h). Everything reachable from a handler, hook or callback uses only
 * async-signal-safe calls (write, open, close, getpid, _exit, pause) and
 * static buffers; glibc's backtrace is primed at install (stack_trace.c). */
#define _GNU_SOURCE
#include "crash.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "flags.h"
#include "instrumentation.h"
#include "malloc_limit.h"
#include "mutate.h"
#include "report.h"
#include "run_target.h"
#include "sigsafe_text.h"
#include "stack_trace.h"
#include "util.h"
#include "watchdog.h"

/* Several threads can die at once (the watchdog reporting out-of-memory
 * while the target faults): the first one reports, the others wait for its
 * _exit. The seconds a timed-out run has taken travel from the watchdog to
 * the target thread's SIGALRM handler here. */
static struct {
  int dying;
  uint64_t alarm_seconds;
  struct cfuzz_text text;
} crash_state;

void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
int __sanitizer_acquire_crash_state(void) __attribute__((weak));
void __sanitizer_print_memory_profile(size_t top_percent, size_t max_number_of_contexts) __attribute__((weak));

/* A sanitizer in the middle of its report (symbolizing can take seconds)
 * holds its crash state: then this death is not the one to report, and the
 * sanitizer's death callback comes next. */
static void begin_dying_unless_sanitizer_is(void) {
  if (__sanitizer_acquire_crash_state && !__sanitizer_acquire_crash_state())
    for (;;)
      pause();
}

static void begin_dying(void) {
  int expected = 0;
  if (__atomic_compare_exchange_n(&crash_state.dying, &expected, 1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return;
  for (;;)
    pause();
}

static struct cfuzz_text *text(void) { return &crash_state.text; }
static void put(const char *s) { cfuzz_text_str(text(), s); }
static void put_uint(uint64_t v) { cfuzz_text_uint(text(), v); }
static void flush(void) { cfuzz_text_flush(text(), cfuzz_err_fd()); }

/* "==PID== ERROR: libFuzzer: <what>" without the newline. */
static void put_error(const char *what) {
  put("==");
  put_uint((uint64_t)getpid());
  put("== ERROR: libFuzzer: ");
  put(what);
}

static void current_input(const struct cfuzz_crash_context *ctx, const uint8_t **data, size_t *len) {
  *data = ctx->data;
  *len = ctx->len;
  if (ctx->input) {
    *data = ctx->input->data;
    *len = cfuzz_input_file_length(ctx->input);
    if (*len > ctx->input->capacity)
      *len = ctx->input->capacity;
  }
}

/* libFuzzer's line naming the mutations that made the input,
 * "MS: 2 ChangeBit-CrossOver-", before the reproducer's. */
static void put_mutation_sequence(const struct cfuzz_mutator *m) {
  if (!m)
    return;
  put("MS: ");
  put_uint(m->sequence_len);
  put(" ");
  for (size_t i = 0; i < cfuzz_mutator_names_to_print(m, m->sequence_len); i++) {
    put(cfuzz_mutation_table[m->sequence[i]].name);
    put("-");
  }
  put("\n");
  flush();
}

/* The death record goes into the input file's header (a worker's
 * supervisor reads it); then the reproducer is written unless the
 * supervisor does that, or this is reproduce mode. */
static void save(struct cfuzz_crash_context *ctx, enum cfuzz_artifact_kind kind, int sig, uint64_t signature) {
  if (!ctx)
    return;
  volatile struct cfuzz_input_header *h = ctx->progress;
  h->death_signal = (uint32_t)sig;
  h->death_signature = signature;
  __atomic_store_n(&h->death_kind, (uint32_t)kind, __ATOMIC_RELEASE);
  put_mutation_sequence(ctx->mutator);
  if (ctx->supervised || !ctx->save_artifacts)
    return;
  const uint8_t *data;
  size_t len;
  current_input(ctx, &data, &len);
  cfuzz_artifact_write(&ctx->dest, kind, data, len);
}

static void put_stat(const char *name, uint64_t v) {
  put(name);
  put_uint(v);
  put("\n");
}

/* libFuzzer prints its final statistics after a crash as well; scripts
 * (and ClusterFuzz's fuzzer statistics) read them. clock_gettime and
 * getrusage are plain system calls, safe here. */
__attribute__((noreturn)) static void finish(const struct cfuzz_crash_context *ctx, int code) {
  if (ctx && ctx->print_final_stats && ctx->runs) {
    uint64_t runs = *ctx->runs;
    put_stat("stat::number_of_executed_units: ", runs);
    if (ctx->new_units) {
      uint64_t seconds = (uint64_t)(cfuzz_now() - ctx->start);
      put_stat("stat::average_exec_per_sec:     ", seconds ? runs / seconds : 0);
      put_stat("stat::new_units_added:          ", *ctx->new_units);
      put_stat("stat::slowest_unit_time_sec:    ", ctx->slowest_run_seconds);
      put_stat("stat::peak_rss_mb:              ", cfuzz_peak_rss_mb());
    }
    flush();
  }
  _exit(ctx ? code : CFUZZ_EXIT_CRASH);
}

static uint64_t signature_from_stack(enum cfuzz_artifact_kind kind, uint64_t first_word, uintptr_t pc,
                                     size_t skip) {
  uint64_t words[CFUZZ_STACK_MAX_FRAMES + 1];
  words[0] = first_word;
  size_t n = cfuzz_stack_frames(pc, skip, words + 1);
  return cfuzz_signature(kind, words, n + 1);
}

static uintptr_t pc_of(void *ucontext) {
  const ucontext_t *uc = ucontext;
  if (!uc)
    return 0;
#if defined(__x86_64__)
  return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)uc->uc_mcontext.pc;
#else
  return 0;
#endif
}

static void on_deadly_signal(int sig, siginfo_t *info, void *ucontext) {
  (void)info;
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  uintptr_t pc = pc_of(ucontext);
  begin_dying_unless_sanitizer_is();
  begin_dying();
  put_error("deadly signal\n");
  flush();
  cfuzz_stack_print(pc);
  put("NOTE: libFuzzer has rudimentary signal handlers.\n"
      "      Combine libFuzzer with AddressSanitizer or similar for better crash reports.\n"
      "SUMMARY: libFuzzer: deadly signal\n");
  flush();
  save(ctx, CFUZZ_KIND_CRASH, sig, signature_from_stack(CFUZZ_KIND_CRASH, (uint64_t)sig, pc, 0));
  finish(ctx, ctx ? ctx->exit_code : 0);
}

void cfuzz_crash_timeout(struct cfuzz_crash_context *ctx, uint64_t seconds, uintptr_t pc) {
  begin_dying_unless_sanitizer_is();
  begin_dying();
  put("ALARM: working on the last Unit for ");
  put_uint(seconds);
  put(" seconds\n       and the timeout value is ");
  put_uint((uint64_t)ctx->timeout);
  put(" (use -timeout=N to change)\n");
  flush();
  /* Not the exact PC: a loop's PC varies, its callers do not. */
  save(ctx, CFUZZ_KIND_TIMEOUT, 0, pc ? signature_from_stack(CFUZZ_KIND_TIMEOUT, 0, pc, 1)
                                      : cfuzz_signature(CFUZZ_KIND_TIMEOUT, NULL, 0));
  put_error("timeout after ");
  put_uint(seconds);
  put(" seconds\n");
  flush();
  if (pc)
    cfuzz_stack_print(pc);
  put("SUMMARY: libFuzzer: timeout\n");
  flush();
  finish(ctx, ctx->timeout_exit_code);
}

static void on_alarm(int sig, siginfo_t *info, void *ucontext) {
  (void)sig;
  (void)info;
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (!ctx || !__atomic_load_n(&ctx->progress->running, __ATOMIC_ACQUIRE))
    return; /* the run ended meanwhile */
  cfuzz_crash_timeout(ctx, __atomic_load_n(&crash_state.alarm_seconds, __ATOMIC_ACQUIRE), pc_of(ucontext));
}

void cfuzz_crash_request_timeout_report(struct cfuzz_crash_context *ctx, uint64_t seconds) {
  __atomic_store_n(&crash_state.alarm_seconds, seconds, __ATOMIC_RELEASE);
  pthread_kill(ctx->target_thread, SIGALRM);
}

static void put_oom_advice(void) { put("   To change the out-of-memory limit use -rss_limit_mb=<N>\n\n"); }

void cfuzz_crash_malloc_limit(struct cfuzz_crash_context *ctx, size_t size) {
  begin_dying_unless_sanitizer_is();
  begin_dying();
  put_error("out-of-memory (malloc(");
  put_uint(size);
  put("))\n");
  put_oom_advice();
  flush();
  cfuzz_stack_print(0);
  save(ctx, CFUZZ_KIND_OOM, 0, signature_from_stack(CFUZZ_KIND_OOM, 0, 0, 0));
  put("SUMMARY: libFuzzer: out-of-memory\n");
  flush();
  finish(ctx, CFUZZ_EXIT_OOM);
}

void cfuzz_crash_rss_limit(struct cfuzz_crash_context *ctx, size_t rss_mb) {
  begin_dying_unless_sanitizer_is();
  begin_dying();
  put_error("out-of-memory (used: ");
  put_uint(rss_mb);
  put("Mb; limit: ");
  put_uint((uint64_t)ctx->rss_limit_mb);
  put("Mb)\n");
  put_oom_advice();
  flush();
  /* ASan's "Live Heap Allocations" (the 95% largest, 8 stacks each), as
   * libFuzzer prints it. */
  if (__sanitizer_print_memory_profile)
    __sanitizer_print_memory_profile(95, 8);
  /* The watchdog cannot see the target's stack: one signature for all. */
  save(ctx, CFUZZ_KIND_OOM, 0, cfuzz_signature(CFUZZ_KIND_OOM, NULL, 0));
  put("SUMMARY: libFuzzer: out-of-memory\n");
  flush();
  finish(ctx, CFUZZ_EXIT_OOM);
}

void cfuzz_crash_overwritten_input(struct cfuzz_crash_context *ctx) {
  begin_dying();
  put_error("fuzz target overwrites its const input\n");
  flush();
  cfuzz_stack_print(0);
  /* The input file still holds the input as it was given. */
  save(ctx, CFUZZ_KIND_CRASH, 0, signature_from_stack(CFUZZ_KIND_CRASH, 3000, 0, 0));
  put("SUMMARY: libFuzzer: overwrites-const-input\n");
  flush();
  finish(ctx, ctx->exit_code);
}

void cfuzz_crash_leak(struct cfuzz_crash_context *ctx) {
  begin_dying();
  /* LeakSanitizer has printed its report. */
  if (ctx->loading_inputs)
    put("\nINFO: a leak has been found in the initial corpus.\n\n");
  put("INFO: to ignore leaks on libFuzzer side use -detect_leaks=0.\n\n");
  flush();
  save(ctx, CFUZZ_KIND_LEAK, 0, cfuzz_signature(CFUZZ_KIND_LEAK, NULL, 0));
  finish(ctx, ctx->exit_code);
}

void cfuzz_crash_test_failed(struct cfuzz_crash_context *ctx, const char *test_name, int rc) {
  fflush(stdout);
  fflush(cfuzz_err());
  begin_dying();
  put("==");
  put_uint((uint64_t)getpid());
  put("== ERROR: cfuzz: fuzz test '");
  put(test_name);
  put("' failed: test_one returned ");
  if (rc < 0) {
    put("-");
    put_uint((uint64_t)-(int64_t)rc);
  } else {
    put_uint((uint64_t)rc);
  }
  put("\nSUMMARY: cfuzz: fuzz test failure\n");
  flush();
  uint64_t word = (uint64_t)(uint32_t)rc;
  save(ctx, CFUZZ_KIND_CRASH, 0, cfuzz_signature(CFUZZ_KIND_CRASH, &word, 1));
  finish(ctx, ctx->exit_code);
}

/* exit() called while the target runs (atexit handler). */
static void on_exit_in_target(void) {
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (!ctx || !__atomic_load_n(&ctx->progress->running, __ATOMIC_ACQUIRE))
    return;
  /* The target took the crash state itself (a report of its own, say):
   * not a bug of ours to report, as in libFuzzer. */
  if (__sanitizer_acquire_crash_state && !__sanitizer_acquire_crash_state())
    return;
  begin_dying();
  put_error("fuzz target exited\n");
  flush();
  cfuzz_stack_print(0);
  put("SUMMARY: libFuzzer: fuzz target exited\n");
  flush();
  save(ctx, CFUZZ_KIND_CRASH, 0, signature_from_stack(CFUZZ_KIND_CRASH, 1000, 0, 0));
  finish(ctx, ctx->exit_code);
}

/* A sanitizer (ASan, UBSan with -fno-sanitize-recover...) has printed its
 * report and is about to exit: save the input, and exit with
 * -error_exitcode, so a sanitizer finding is a crash like any other. */
static void on_sanitizer_death(void) {
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (!ctx)
    return;
  begin_dying();
  save(ctx, CFUZZ_KIND_CRASH, 0, signature_from_stack(CFUZZ_KIND_CRASH, 2000, 0, 0));
  finish(ctx, ctx->exit_code);
}

static void install_handlers(void) {
  /* An alternate stack so that stack overflows are reported too. */
  static uint8_t alt_stack[1 << 16];
  stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack};
  sigaltstack(&ss, NULL);
  static const int deadly[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP};
  for (size_t i = 0; i < sizeof deadly / sizeof deadly[0]; i++) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_deadly_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    /* Leave a sanitizer's own handler in place: its report is better, and
     * its death callback saves the input. */
    if (sigaction(deadly[i], NULL, &old) == 0 && old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN)
      continue;
    sigaction(deadly[i], &sa, NULL);
  }
  struct sigaction alarm;
  memset(&alarm, 0, sizeof alarm);
  alarm.sa_sigaction = on_alarm;
  alarm.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigemptyset(&alarm.sa_mask);
  sigaction(SIGALRM, &alarm, NULL);
  atexit(on_exit_in_target);
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(on_sanitizer_death);
}

void cfuzz_crash_context_init(struct cfuzz_crash_context *ctx, const struct cfuzz_flags *flags) {
  memset(ctx, 0, sizeof *ctx);
  ctx->dest.prefix = flags->artifact_prefix;
  ctx->dest.exact_path = flags->exact_artifact_path;
  ctx->save_artifacts = true;
  ctx->supervised = getenv(CFUZZ_WORKER_ENV) != NULL;
  ctx->exit_code = (int)flags->error_exitcode;
  ctx->timeout_exit_code = (int)flags->timeout_exitcode;
  ctx->timeout = flags->timeout;
  ctx->rss_limit_mb = flags->rss_limit_mb;
  ctx->malloc_limit_mb = flags->malloc_limit_mb ? flags->malloc_limit_mb : flags->rss_limit_mb;
  ctx->detect_leaks = flags->detect_leaks && cfuzz_leak_detection_available();
  ctx->trace_malloc = (int)flags->trace_malloc;
  if (ctx->trace_malloc && !cfuzz_malloc_trace_available()) {
    static bool warned;
    if (!warned)
      cfuzz_warn("-trace_malloc needs a sanitizer's malloc hooks (build with -fsanitize=address, say); ignored");
    warned = true;
    ctx->trace_malloc = 0;
  }
  ctx->print_final_stats = (int)flags->print_final_stats;
}

void cfuzz_crash_install(struct cfuzz_crash_context *ctx) {
  static bool installed;
  ctx->progress = ctx->input ? ctx->input->header : &ctx->own_progress;
  ctx->target_thread = pthread_self();
  if (!installed) {
    installed = true;
    cfuzz_stack_init();
    cfuzz_run_target_init();
    install_handlers();
  }
  cfuzz_malloc_limit_set(ctx->malloc_limit_mb, ctx->detect_leaks || ctx->trace_malloc);
  __atomic_store_n(&cfuzz_instr.crash, ctx, __ATOMIC_RELEASE);
  if (ctx->timeout > 0 || ctx->rss_limit_mb > 0)
    cfuzz_watchdog_start();
}

void cfuzz_crash_uninstall(void) { __atomic_store_n(&cfuzz_instr.crash, NULL, __ATOMIC_RELEASE); }

struct cfuzz_crash_context *cfuzz_instr_crash_context(void) { return cfuzz_instr.crash; }
