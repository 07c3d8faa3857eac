/* Unit tests: flags.c (values, defaults, positional arguments, unknown
 * flags warned and ignored, malformed values: one error line and exit 1). */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "flags.h"

static void parse(struct cfuzz_flags *f, bool native, char **argv) {
  int argc = 0;
  while (argv[argc])
    argc++;
  cfuzz_flags_parse(f, argc, argv, native);
}

/* Runs the parser in a child; returns its exit status and its stderr. */
static int parse_in_child(char **argv, char *err, size_t err_len) {
  int pipefd[2];
  if (pipe(pipefd) != 0)
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(pipefd[1], 2);
    close(pipefd[0]);
    struct cfuzz_flags f;
    parse(&f, false, argv);
    _exit(0);
  }
  close(pipefd[1]);
  size_t got = 0;
  ssize_t n;
  while (got < err_len - 1 && (n = read(pipefd[0], err + got, err_len - 1 - got)) > 0)
    got += (size_t)n;
  err[got] = '\0';
  close(pipefd[0]);
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void) {
  struct cfuzz_flags f;
  char *defaults[] = {"prog", NULL};
  parse(&f, false, defaults);
  CHECK(f.runs == -1 && f.max_total_time == 0 && f.max_len == 0 && f.seed == 0);
  CHECK(strcmp(f.workdir, "./.cfuzz") == 0 && strcmp(f.artifact_prefix, "./") == 0);
  CHECK(f.error_exitcode == 77 && f.fuzz == NULL && f.n_positional == 0);
  cfuzz_flags_free(&f);

  char *args[] = {"prog", "-runs=1000", "-seed=5", "-max_len=64", "-workdir=/tmp/w", "corpus1", "corpus2",
                  "-max_total_time=3", "-print_final_stats=1", NULL};
  parse(&f, false, args);
  CHECK(f.runs == 1000 && f.seed == 5 && f.max_len == 64 && f.max_total_time == 3);
  CHECK(f.print_final_stats == 1 && strcmp(f.workdir, "/tmp/w") == 0);
  CHECK(f.n_positional == 2 && strcmp(f.positional[1], "corpus2") == 0);
  cfuzz_flags_free(&f);

  char *native_args[] = {"prog", "--fuzz=tok", NULL};
  parse(&f, true, native_args);
  CHECK(f.fuzz && strcmp(f.fuzz, "tok") == 0);
  cfuzz_flags_free(&f);
  char *fuzz_all[] = {"prog", "--fuzz", NULL};
  parse(&f, true, fuzz_all);
  CHECK(f.fuzz && f.fuzz[0] == '\0');
  cfuzz_flags_free(&f);

  char err[4096];
  char *unknown[] = {"prog", "-no_such_flag=1", "-runs=3", NULL};
  CHECK(parse_in_child(unknown, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "WARNING: unrecognized flag '-no_such_flag=1'");
  char *unimplemented[] = {"prog", "-verbosity=2", NULL};
  CHECK(parse_in_child(unimplemented, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "-verbosity is not implemented yet");
  /* --fuzz is not a libFuzzer flag. */
  char *fuzz_in_libfuzzer_mode[] = {"prog", "--fuzz=x", NULL};
  CHECK(parse_in_child(fuzz_in_libfuzzer_mode, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "unrecognized flag");

  const char *bad[] = {"-runs=abc", "-seed=12x", "-max_len=", "-runs=99999999999999999999999", "-runs=-5",
                       "-max_len=-1", "-seed=-1", "-workdir="};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *argv[] = {"prog", (char *)bad[i], NULL};
    CHECK(parse_in_child(argv, err, sizeof err) == 1);
    CHECK_STR_CONTAINS(err, "ERROR: cfuzz: flag -");
    /* Exactly one line. */
    CHECK(strchr(err, '\n') == err + strlen(err) - 1);
  }
  return check_finish("flags");
}
