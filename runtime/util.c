/* util.c - fatal errors, warnings and small file-system helpers (see util.h). */
#define _GNU_SOURCE
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Where cfuzz's own messages go: stderr, or a duplicate of the original
 * stderr once -close_fd_mask=2 has pointed descriptor 2 (the target's) at
 * /dev/null. Process-wide, like the descriptor table it stands for. */
static struct {
  int fd;
  FILE *stream;
} own_output = {STDERR_FILENO, NULL};

FILE *cfuzz_err(void) { return own_output.stream ? own_output.stream : stderr; }

int cfuzz_err_fd(void) { return own_output.fd; }

void __sanitizer_set_report_fd(void *fd) __attribute__((weak));

int cfuzz_discard_target_stderr(void) {
  int fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  FILE *stream = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!stream || null_fd < 0) {
    int err = errno;
    if (stream)
      fclose(stream);
    else if (fd >= 0)
      close(fd);
    if (null_fd >= 0)
      close(null_fd);
    errno = err;
    return -1;
  }
  setvbuf(stream, NULL, _IOLBF, 0);
  fflush(stderr);
  dup2(null_fd, STDERR_FILENO);
  close(null_fd);
  own_output.fd = fd;
  own_output.stream = stream;
  /* A sanitizer's report is cfuzz's output too (libFuzzer does the same). */
  if (__sanitizer_set_report_fd)
    __sanitizer_set_report_fd((void *)(intptr_t)fd);
  return 0;
}

/* One write per message, so lines from several processes don't interleave. */
static void print_line(const char *prefix, const char *fmt, va_list ap) {
  char line[8192];
  int n = snprintf(line, sizeof line, "%s", prefix);
  vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
  size_t len = strlen(line);
  line[len] = '\n';
  fflush(cfuzz_err());
  cfuzz_write_all(cfuzz_err_fd(), line, len + 1);
}

void cfuzz_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  print_line("ERROR: cfuzz: ", fmt, ap);
  va_end(ap);
  exit(CFUZZ_EXIT_USAGE);
}

void cfuzz_warn(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  print_line("WARNING: cfuzz: ", fmt, ap);
  va_end(ap);
}

void *cfuzz_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    cfuzz_fatal("out of memory allocating %zu bytes", size);
  return p;
}

void *cfuzz_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p)
    cfuzz_fatal("out of memory allocating %zu x %zu bytes", count, size);
  return p;
}

void *cfuzz_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p)
    cfuzz_fatal("out of memory allocating %zu bytes", size);
  return p;
}

char *cfuzz_xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = cfuzz_xmalloc(n);
  memcpy(p, s, n);
  return p;
}

char *cfuzz_path_join(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *p = cfuzz_xmalloc(la + lb + 2);
  memcpy(p, a, la);
  p[la] = '/';
  memcpy(p + la + 1, b, lb + 1);
  return p;
}

/* mkdir one component, then check (without following links) that what is
 * there is a real directory: a symlink planted at a work-directory path must
 * not redirect our files elsewhere. */
static int make_one_dir(const char *path) {
  if (mkdir(path, 0700) != 0 && errno != EEXIST)
    return -1;
  struct stat st;
  if (lstat(path, &st) != 0)
    return -1;
  if (S_ISLNK(st.st_mode)) {
    /* A pre-existing link to a directory is the user's choice (e.g. a corpus
     * kept elsewhere); accept it only if it resolves to a directory. */
    if (stat(path, &st) != 0)
      return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    errno = ENOTDIR;
    return -1;
  }
  return 0;
}

int cfuzz_make_dirs(const char *dir, char *what, size_t what_len) {
  char *path = cfuzz_xstrdup(dir);
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/')
    path[--n] = '\0';
  for (size_t i = 1; i <= n; i++) {
    if (path[i] != '/' && path[i] != '\0')
      continue;
    char saved = path[i];
    path[i] = '\0';
    int rc = make_one_dir(path);
    if (rc != 0) {
      int err = errno;
      snprintf(what, what_len, "%s", path);
      free(path);
      errno = err;
      return -1;
    }
    path[i] = saved;
  }
  free(path);
  return 0;
}

void cfuzz_make_dir_or_die(const char *dir, const char *purpose) {
  if (make_one_dir(dir) != 0)
    cfuzz_fatal("cannot create %s '%s': %s", purpose, dir, strerror(errno));
}

void cfuzz_make_dirs_or_die(const char *dir, const char *purpose) {
  char what[4096];
  if (cfuzz_make_dirs(dir, what, sizeof what) != 0)
    cfuzz_fatal("cannot create %s '%s': '%s': %s", purpose, dir, what, strerror(errno));
}

static int read_regular_file(const char *path, size_t max_len, bool truncate, uint8_t **data, size_t *len) {
  /* O_NONBLOCK: opening a FIFO planted in a corpus must not hang; anything
   * but a regular file is then rejected. */
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = S_ISREG(st.st_mode) ? errno : EINVAL;
    close(fd);
    errno = err;
    return -1;
  }
  if ((uint64_t)st.st_size > max_len && !truncate) {
    close(fd);
    errno = EFBIG;
    return -1;
  }
  size_t size = (uint64_t)st.st_size > max_len ? max_len : (size_t)st.st_size;
  uint8_t *buf = cfuzz_xmalloc(size);
  size_t got = 0;
  while (got < size) {
    ssize_t r = read(fd, buf + got, size - got);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0) {
      int err = r < 0 ? errno : EIO;
      free(buf);
      close(fd);
      errno = err;
      return -1;
    }
    got += (size_t)r;
  }
  close(fd);
  *data = buf;
  *len = size;
  return 0;
}

int cfuzz_read_file(const char *path, size_t max_len, uint8_t **data, size_t *len) {
  return read_regular_file(path, max_len, false, data, len);
}

int cfuzz_read_file_prefix(const char *path, size_t max_len, uint8_t **data, size_t *len) {
  return read_regular_file(path, max_len, true, data, len);
}

bool cfuzz_write_all(int fd, const void *buf, size_t len) {
  const uint8_t *p = buf;
  while (len > 0) {
    ssize_t w = write(fd, p, len);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    p += w;
    len -= (size_t)w;
  }
  return true;
}

double cfuzz_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
