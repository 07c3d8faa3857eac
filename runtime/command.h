/* command.h - running this program again as a child process, for the tools
 * that must survive the target crashing (merge, minimize_crash,
 * cleanse_crash), as libFuzzer does: the child is /proc/self/exe with the
 * parent's command line, some flags removed and some added. */
#ifndef CFUZZ_COMMAND_H
#define CFUZZ_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

struct cfuzz_command {
  char **argv;  /* NULL-terminated; argv[0] is the program */
  size_t argc, cap;
};

/* Copies argv[0..argc) leaving out every flag named in drop (NULL-terminated
 * list of names, "-name=..." or "-name") and the positional argument
 * drop_arg (NULL: none). */
void cfuzz_command_init(struct cfuzz_command *cmd, int argc, char **argv, const char *const *drop,
                        const char *drop_arg);
/* Appends "-name=value" (copied). */
void cfuzz_command_add_flag(struct cfuzz_command *cmd, const char *name, const char *value);
/* Appends an argument (copied). */
void cfuzz_command_add_arg(struct cfuzz_command *cmd, const char *arg);
void cfuzz_command_free(struct cfuzz_command *cmd);
/* Prints the command line, space-separated, to stderr after `prefix`. */
void cfuzz_command_print(const struct cfuzz_command *cmd, const char *prefix);

/* Runs the command and waits. With `output` non-NULL, the child's stdout and
 * stderr are captured into a malloc'd NUL-terminated string; with `quiet`,
 * they are discarded; otherwise they are inherited. Returns the exit status,
 * 128 + N for a child killed by signal N, or -1 if it could not start. */
int cfuzz_command_run(const struct cfuzz_command *cmd, char **output, bool quiet);

#endif
