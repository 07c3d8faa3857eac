/* crash.c - crash reports, reproducer files and the deadly-signal handler
 * (see crash.h). Code reachable from the handler uses only
 * async-signal-safe calls (open, write, close, mkdir, getpid, _exit). */
#define _GNU_SOURCE
#include "crash.h"

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "instrumentation.h"
#include "sha1.h"
#include "util.h"

/* Appends s to buf (capacity cap) without overflowing; signal-safe. */
static void append(char *buf, size_t cap, const char *s) {
  size_t n = strlen(buf);
  while (*s && n + 1 < cap)
    buf[n++] = *s++;
  buf[n] = '\0';
}

static void append_uint(char *buf, size_t cap, unsigned long v) {
  char digits[24];
  int i = (int)sizeof digits - 1;
  digits[i] = '\0';
  do {
    digits[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v && i > 0);
  append(buf, cap, digits + i);
}

static void say(const char *s) { cfuzz_write_all(STDERR_FILENO, s, strlen(s)); }

static bool write_file(const char *path, const uint8_t *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return false;
  bool ok = cfuzz_write_all(fd, data, len);
  return close(fd) == 0 && ok;
}

/* Writes the reproducer(s) and prints where; returns nothing, never fails
 * silently (a failed write is reported on stderr). */
static void write_artifacts(const struct cfuzz_crash_context *ctx) {
  const uint8_t *data = ctx->data;
  size_t len = ctx->len;
  if (ctx->input) {
    data = ctx->input->data;
    len = cfuzz_input_file_length(ctx->input);
    if (len > ctx->input->capacity)
      len = ctx->input->capacity;
  }
  char hex[CFUZZ_SHA1_HEX_LEN + 1];
  cfuzz_sha1_hex(data, len, hex);
  char path[4096] = "";
  if (ctx->exact_artifact_path) {
    append(path, sizeof path, ctx->exact_artifact_path);
  } else {
    append(path, sizeof path, ctx->artifact_prefix);
    append(path, sizeof path, "crash-");
    append(path, sizeof path, hex);
  }
  char line[4200] = "artifact_prefix='";
  append(line, sizeof line, ctx->artifact_prefix);
  if (write_file(path, data, len)) {
    append(line, sizeof line, "'; Test unit written to ");
    append(line, sizeof line, path);
  } else {
    append(line, sizeof line, "'; ERROR: cannot write test unit to ");
    append(line, sizeof line, path);
  }
  append(line, sizeof line, "\n");
  say(line);
  if (ctx->keep_dir) {
    char kept[4096] = "";
    append(kept, sizeof kept, ctx->keep_dir);
    append(kept, sizeof kept, "/crash-");
    append(kept, sizeof kept, hex);
    if (!write_file(kept, data, len)) {
      say("WARNING: cfuzz: cannot keep the reproducer in ");
      say(ctx->keep_dir);
      say("\n");
    }
  }
}

/* libFuzzer prints its final statistics after a crash as well; scripts
 * read the execution count from them. */
static void print_crash_stats(const struct cfuzz_crash_context *ctx) {
  if (!ctx->print_final_stats || !ctx->runs)
    return;
  char line[256] = "stat::number_of_executed_units: ";
  append_uint(line, sizeof line, (unsigned long)*ctx->runs);
  append(line, sizeof line, "\n");
  say(line);
}

static void report_and_exit(const char *error, const char *summary) {
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  char line[512] = "==";
  append_uint(line, sizeof line, (unsigned long)getpid());
  append(line, sizeof line, "== ERROR: ");
  append(line, sizeof line, error);
  append(line, sizeof line, "\nSUMMARY: ");
  append(line, sizeof line, summary);
  append(line, sizeof line, "\n");
  say(line);
  if (ctx) {
    write_artifacts(ctx);
    print_crash_stats(ctx);
  }
  _exit(ctx ? ctx->exit_code : CFUZZ_EXIT_CRASH);
}

static void on_deadly_signal(int sig) {
  (void)sig;
  report_and_exit("libFuzzer: deadly signal", "libFuzzer: deadly signal");
}

/* A sanitizer (ASan, UBSan with halt_on_error...) has printed its report and
 * is about to exit: save the input, and exit with -error_exitcode as
 * libFuzzer does, so a sanitizer finding is a crash like any other. */
static void on_sanitizer_death(void) {
  struct cfuzz_crash_context *ctx = cfuzz_instr.crash;
  if (!ctx)
    return;
  write_artifacts(ctx);
  print_crash_stats(ctx);
  _exit(ctx->exit_code);
}

void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

void cfuzz_crash_install(struct cfuzz_crash_context *ctx) {
  static bool installed;
  cfuzz_instr.crash = ctx;
  if (installed)
    return;
  installed = true;
  /* An alternate stack so that stack overflows are reported too. */
  static uint8_t alt_stack[1 << 16];
  stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack};
  sigaltstack(&ss, NULL);
  static const int signals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE};
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_deadly_signal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    struct sigaction old;
    /* Leave a sanitizer's own handler in place: its report is better. */
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN)
      continue;
    sigaction(signals[i], &sa, NULL);
  }
  if (__sanitizer_set_death_callback)
    __sanitizer_set_death_callback(on_sanitizer_death);
}

struct cfuzz_crash_context *cfuzz_instr_crash_context(void) { return cfuzz_instr.crash; }

void cfuzz_crash_test_failed(const struct cfuzz_crash_context *ctx, const char *test_name, int rc) {
  fflush(stdout);
  fprintf(stderr, "==%ld== ERROR: cfuzz: fuzz test '%s' failed: test_one returned %d\n", (long)getpid(),
          test_name, rc);
  fprintf(stderr, "SUMMARY: cfuzz: fuzz test failure\n");
  fflush(stderr);
  write_artifacts(ctx);
  print_crash_stats(ctx);
  exit(ctx->exit_code);
}
