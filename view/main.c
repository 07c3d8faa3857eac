/* cfuzz-view: shows a campaign's coverage, live in the browser or as a
 * report.
 *
 *   cfuzz-view [--port=N] WORKDIR [BINARY]    serve http://127.0.0.1:N/
 *   cfuzz-view --lcov=FILE WORKDIR [BINARY]   write an lcov tracefile
 *   cfuzz-view --summary WORKDIR [BINARY]     print covered/total per file
 *
 * It only reads the work directory (the coverage file, the campaign record
 * and the campaign's inputs) and never runs inside the fuzzer. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "server.h"
#include "state.h"

static const char usage[] =
    "usage: cfuzz-view [--port=N] WORKDIR [BINARY]\n"
    "       cfuzz-view --lcov=FILE WORKDIR [BINARY]\n"
    "       cfuzz-view --summary WORKDIR [BINARY]\n"
    "\n"
    "Shows the coverage of a cfuzz campaign (its -workdir, default ./.cfuzz): a live page served on\n"
    "127.0.0.1 (source with every instrumented point marked covered or not, files with percentages,\n"
    "graphs of runs, speed and coverage, the corpus and crash reproducers), or a report.\n"
    "BINARY defaults to the path the coverage file records; give it when the binary has moved.\n"
    "\n"
    "  --port=N      listen on 127.0.0.1:N (default 8080; 0 picks a free port). Prints\n"
    "                'cfuzz-view: serving http://127.0.0.1:PORT/' once listening; runs until killed\n"
    "  --lcov=FILE   write an lcov tracefile to FILE ('-' for stdout) and exit; genhtml renders it\n"
    "  --summary     print covered/total points per source file and exit\n"
    "  --help        this text\n";

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig) {
  (void)sig;
  stop_requested = 1;
}

static int fail(const char *fmt, const char *arg) {
  fprintf(stderr, "cfuzz-view: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n");
  return 1;
}

static int report(const char *workdir, const char *binary, const char *lcov_path) {
  struct cfuzz_coverage_reader r;
  struct srcmap m;
  char err[4400];
  if (view_load_once(workdir, binary, &r, &m, err, sizeof err) != 0)
    return fail("%s", err);
  if (m.warnings[0])
    fprintf(stderr, "cfuzz-view: warning: %s", m.warnings);
  int rc = 0;
  if (m.n_files == 0) {
    fprintf(stderr, "cfuzz-view: no point of the coverage file could be mapped to a source line (see the "
            "warnings above)\n");
    rc = 1;
  } else if (lcov_path) {
    FILE *out = strcmp(lcov_path, "-") == 0 ? stdout : fopen(lcov_path, "w");
    if (!out) {
      rc = fail("cannot write '%s'", lcov_path);
    } else {
      if (view_write_lcov(out, &m, &r) != 0 || (out != stdout ? fclose(out) : fflush(out)) != 0)
        rc = fail("cannot write '%s'", lcov_path);
    }
  } else {
    view_print_summary(stdout, &m, &r);
  }
  srcmap_free(&m);
  cfuzz_coverage_reader_close(&r);
  return rc;
}

static int serve(const char *workdir, const char *binary, unsigned port) {
  struct view_state state;
  view_state_init(&state, workdir, binary);
  view_state_sample(&state);
  if (!state.loaded)
    fprintf(stderr, "cfuzz-view: %s; serving anyway, the page shows this until it loads\n", state.error);
  else if (state.map.warnings[0])
    fprintf(stderr, "cfuzz-view: warning: %s", state.map.warnings);
  char err[512];
  struct view_server *srv = view_server_start(&state, (uint16_t)port, err, sizeof err);
  if (!srv) {
    view_state_free(&state);
    return fail("%s", err);
  }
  struct sigaction sa = {.sa_handler = on_signal};
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  printf("cfuzz-view: serving http://127.0.0.1:%u/\n", view_server_port(srv));
  fflush(stdout);
  bool was_loaded = state.loaded;
  while (!stop_requested) {
    struct timespec second = {1, 0};
    nanosleep(&second, NULL);
    view_state_sample(&state);
    if (state.loaded != was_loaded) {
      fprintf(stderr, "cfuzz-view: %s%s\n", state.loaded ? "loaded " : "", state.loaded ? state.cov_path : state.error);
      was_loaded = state.loaded;
    }
  }
  view_server_stop(srv);
  view_state_free(&state);
  return 0;
}

int main(int argc, char **argv) {
  unsigned port = 8080;
  const char *lcov_path = NULL, *positional[2] = {NULL, NULL};
  bool summary = false;
  int n_positional = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (strncmp(a, "--port=", 7) == 0) {
      char *end;
      errno = 0;
      unsigned long v = strtoul(a + 7, &end, 10);
      if (!a[7] || *end || errno || v > 65535)
        return fail("--port wants a number from 0 to 65535, not '%s'", a + 7);
      port = (unsigned)v;
    } else if (strncmp(a, "--lcov=", 7) == 0) {
      if (!a[7])
        return fail("%s", "--lcov wants a file name (or '-' for stdout)");
      lcov_path = a + 7;
    } else if (strcmp(a, "--summary") == 0) {
      summary = true;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "%s", usage);
      return fail("unknown option '%s'", a);
    } else if (n_positional < 2) {
      positional[n_positional++] = a;
    } else {
      fprintf(stderr, "%s", usage);
      return fail("too many arguments at '%s'", a);
    }
  }
  if (n_positional == 0) {
    fprintf(stderr, "%s", usage);
    return fail("%s", "missing WORKDIR");
  }
  if (lcov_path && summary)
    return fail("%s", "--lcov and --summary are two different reports: give one");
  struct stat st;
  if (stat(positional[0], &st) != 0 || !S_ISDIR(st.st_mode))
    return fail("WORKDIR '%s' is not a directory", positional[0]);
  if (positional[1] && access(positional[1], R_OK) != 0)
    return fail("cannot read BINARY '%s'", positional[1]);
  if (lcov_path || summary)
    return report(positional[0], positional[1], lcov_path);
  return serve(positional[0], positional[1], port);
}
