/* command.c - child processes of the merge and crash tools (see command.h). */
#define _GNU_SOURCE
#include "command.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "flags.h"
#include "util.h"

static void push(struct cfuzz_command *cmd, char *arg) {
  if (cmd->argc + 2 > cmd->cap) {
    cmd->cap = cmd->cap ? cmd->cap * 2 : 16;
    cmd->argv = cfuzz_xrealloc(cmd->argv, cmd->cap * sizeof(char *));
  }
  cmd->argv[cmd->argc++] = arg;
  cmd->argv[cmd->argc] = NULL;
}

void cfuzz_command_init(struct cfuzz_command *cmd, int argc, char **argv, const char *const *drop,
                        const char *drop_arg) {
  memset(cmd, 0, sizeof *cmd);
  for (int i = 0; i < argc; i++) {
    bool dropped = drop_arg && i > 0 && strcmp(argv[i], drop_arg) == 0;
    for (const char *const *d = drop; d && *d && !dropped; d++)
      dropped = i > 0 && cfuzz_flags_arg_is(argv[i], *d);
    if (!dropped)
      push(cmd, cfuzz_xstrdup(argv[i]));
  }
}

void cfuzz_command_add_flag(struct cfuzz_command *cmd, const char *name, const char *value) {
  size_t n = strlen(name) + strlen(value) + 3;
  char *arg = cfuzz_xmalloc(n);
  snprintf(arg, n, "-%s=%s", name, value);
  push(cmd, arg);
}

void cfuzz_command_add_arg(struct cfuzz_command *cmd, const char *arg) { push(cmd, cfuzz_xstrdup(arg)); }

void cfuzz_command_free(struct cfuzz_command *cmd) {
  for (size_t i = 0; i < cmd->argc; i++)
    free(cmd->argv[i]);
  free(cmd->argv);
  memset(cmd, 0, sizeof *cmd);
}

void cfuzz_command_print(const struct cfuzz_command *cmd, const char *prefix) {
  fputs(prefix, cfuzz_err());
  for (size_t i = 0; i < cmd->argc; i++)
    fprintf(cfuzz_err(), "%s%s", i ? " " : "", cmd->argv[i]);
  fputc('\n', cfuzz_err());
}

/* Reads everything from fd into a growing NUL-terminated buffer. */
static char *read_all(int fd) {
  size_t len = 0, cap = 4096;
  char *buf = cfuzz_xmalloc(cap);
  for (;;) {
    if (len + 1 == cap) {
      cap *= 2;
      buf = cfuzz_xrealloc(buf, cap);
    }
    ssize_t n = read(fd, buf + len, cap - 1 - len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    len += (size_t)n;
  }
  buf[len] = '\0';
  return buf;
}

int cfuzz_command_run(const struct cfuzz_command *cmd, char **output, bool quiet) {
  int pipefd[2] = {-1, -1};
  if (output && pipe2(pipefd, O_CLOEXEC) != 0)
    return -1;
  fflush(stdout);
  fflush(cfuzz_err());
  pid_t pid = fork();
  if (pid < 0) {
    if (output) {
      close(pipefd[0]);
      close(pipefd[1]);
    }
    return -1;
  }
  if (pid == 0) {
    int out = output ? pipefd[1] : quiet ? open("/dev/null", O_WRONLY) : -1;
    if (out >= 0) {
      dup2(out, STDOUT_FILENO);
      dup2(out, STDERR_FILENO);
    } else if (cfuzz_err_fd() != STDERR_FILENO) {
      /* Under -close_fd_mask=2 the child gets cfuzz's output as its stderr
       * and, given the same flag, sets itself up the same way. */
      dup2(cfuzz_err_fd(), STDERR_FILENO);
    }
    /* The program itself, whatever argv[0] says (it may be a relative path
     * or a name found on PATH). */
    execv("/proc/self/exe", cmd->argv);
    _exit(127);
  }
  if (output) {
    close(pipefd[1]);
    *output = read_all(pipefd[0]);
    close(pipefd[0]);
  }
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
