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
  char *unimplemented[] = {"prog", "-stop_file=x", NULL};
  CHECK(parse_in_child(unimplemented, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "-stop_file is not implemented yet");
  /* -verbosity=2 echoes each flag from itself on, as libFuzzer. */
  char *verbose[] = {"prog", "-runs=3", "-verbosity=2", "-seed=-1", "-dict=d", NULL};
  CHECK(parse_in_child(verbose, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "Flag: verbosity 2\nFlag: seed 4294967295\nFlag: dict d\n");
  CHECK(strstr(err, "Flag: runs") == NULL);
  /* libFuzzer mode leaves "--" arguments to the target (--fuzz is the
   * native runner's), pointing out a likely typo once. */
  char *fuzz_in_libfuzzer_mode[] = {"prog", "--fuzz=x", NULL};
  CHECK(parse_in_child(fuzz_in_libfuzzer_mode, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "ignores flags that start with '--'");
  char *double_dash[] = {"prog", "--max_len=100", NULL};
  CHECK(parse_in_child(double_dash, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "WARNING: did you mean '-max_len=100' (single dash)?");
  parse(&f, false, double_dash);
  CHECK(f.max_len == 0 && f.n_positional == 0);
  cfuzz_flags_free(&f);

  /* -ignore_remaining_args=1: nothing after it is parsed. */
  char *remaining[] = {"prog", "-runs=3", "-ignore_remaining_args=1", "-runs=5", "dir", NULL};
  parse(&f, false, remaining);
  CHECK(f.runs == 3 && f.n_positional == 0);
  cfuzz_flags_free(&f);

  /* A libFuzzer flag cfuzz does not implement warns, unless its value asks
   * for what cfuzz does anyway; unsigned flags wrap like libFuzzer's. */
  char *honored[] = {"prog", "-print_coverage=0", "-use_counters=1", NULL};
  CHECK(parse_in_child(honored, err, sizeof err) == 0);
  CHECK(strstr(err, "WARNING") == NULL);
  char *not_honored[] = {"prog", "-print_coverage=1", NULL};
  CHECK(parse_in_child(not_honored, err, sizeof err) == 0);
  CHECK_STR_CONTAINS(err, "flag -print_coverage is not implemented yet; ignored (cfuzz behaves as -print_coverage=0)");
  char *seed_minus_one[] = {"prog", "-seed=-1", "-merge_control_file=/tmp/x", "-create_missing_dirs=1", NULL};
  parse(&f, false, seed_minus_one);
  CHECK(f.seed == 4294967295 && strcmp(f.merge_control_file, "/tmp/x") == 0 && f.create_missing_dirs == 1);
  cfuzz_flags_free(&f);

  const char *bad[] = {"-runs=abc", "-seed=12x", "-max_len=", "-runs=99999999999999999999999", "-runs=-5",
                       "-max_len=-1", "-seed=4294967296", "-workdir=",
                       "-close_fd_mask=4", "-jobs=x", "-artifact_prefix="};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *argv[] = {"prog", (char *)bad[i], NULL};
    CHECK(parse_in_child(argv, err, sizeof err) == 1);
    CHECK_STR_CONTAINS(err, "ERROR: cfuzz: flag -");
    /* Exactly one line. */
    CHECK(strchr(err, '\n') == err + strlen(err) - 1);
  }
  return check_finish("flags");
}
