/* util.h - fatal errors, warnings, and file-system helpers shared by the
 * runtime modules. Everything that can fail on bad user input reports one
 * clear line and exits 1, so callers never carry half-initialised state. */
#ifndef CFUZZ_UTIL_H
#define CFUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CFUZZ_EXIT_USAGE 1
#define CFUZZ_EXIT_CRASH 77

/* cfuzz's own output (messages, status lines, reports): stderr, unless
 * cfuzz_discard_target_stderr moved it. Every runtime message goes here,
 * never to stderr directly. */
FILE *cfuzz_err(void);
int cfuzz_err_fd(void);
/* -close_fd_mask=2: descriptor 2 (the target's stderr) goes to /dev/null and
 * cfuzz's output to a duplicate of the original stderr (also the sanitizer's
 * report descriptor). Returns 0, or -1 with errno set. */
int cfuzz_discard_target_stderr(void);

/* Prints "ERROR: cfuzz: <message>" and exits with status 1. */
__attribute__((noreturn, format(printf, 1, 2))) void cfuzz_fatal(const char *fmt, ...);
/* Prints "WARNING: cfuzz: <message>" and returns. */
__attribute__((format(printf, 1, 2))) void cfuzz_warn(const char *fmt, ...);

/* Allocation that cannot fail: running out of memory is fatal. */
void *cfuzz_xmalloc(size_t size);
void *cfuzz_xcalloc(size_t count, size_t size);
void *cfuzz_xrealloc(void *ptr, size_t size);
char *cfuzz_xstrdup(const char *s);
/* Returns a freshly allocated "<a>/<b>". */
char *cfuzz_path_join(const char *a, const char *b);

/* Creates DIR (and missing parents) with mode 0700 without following a
 * symbolic link at any created component; an existing non-directory is an
 * error. Returns 0, or -1 with errno set and *what naming the bad path. */
int cfuzz_make_dirs(const char *dir, char *what, size_t what_len);
/* Creates one directory (its parent must exist) or accepts an existing one;
 * fatal on failure. For the work directory: a mistyped -workdir should fail,
 * not silently create a tree. */
void cfuzz_make_dir_or_die(const char *dir, const char *purpose);
/* Like cfuzz_make_dirs but fatal on failure. */
void cfuzz_make_dirs_or_die(const char *dir, const char *purpose);

/* Reads a whole regular file (not following a final symlink is not required
 * here: corpus entries may legitimately be links). Returns 0 on success with a
 * malloc'd buffer, or -1 with errno set (EFBIG when larger than max_len). */
int cfuzz_read_file(const char *path, size_t max_len, uint8_t **data, size_t *len);
/* Like cfuzz_read_file, but a file longer than max_len gives its first
 * max_len bytes (as libFuzzer reads corpus files). */
int cfuzz_read_file_prefix(const char *path, size_t max_len, uint8_t **data, size_t *len);

/* Writes all bytes to fd, retrying short writes. Async-signal-safe. */
bool cfuzz_write_all(int fd, const void *buf, size_t len);

/* Seconds since an arbitrary fixed point (CLOCK_MONOTONIC). */
double cfuzz_now(void);

#endif
