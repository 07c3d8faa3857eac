/* spare_files.c - reuse of retired corpus files (see spare_files.h). */
#include "spare_files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "util.h"

static void tmp_path(const char *dir, unsigned n, char tmp[CFUZZ_TMP_PATH_MAX]) {
  snprintf(tmp, CFUZZ_TMP_PATH_MAX, "%s/.cfuzz-tmp-%ld-%u", dir, (long)getpid(), n);
}

/* A spare opened for overwriting, or a new file: returns the fd (or -1)
 * and whether it was a spare. */
static int open_tmp(struct cfuzz_spare_files *s, const char *dir, char tmp[CFUZZ_TMP_PATH_MAX], bool *spare) {
  while (s->n > 0) {
    tmp_path(dir, s->spares[--s->n], tmp);
    int fd = open(tmp, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) {
      *spare = true;
      return fd;
    }
    /* Gone (another process cleaned the directory): try the next. */
  }
  *spare = false;
  tmp_path(dir, s->counter++, tmp);
  return open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

int cfuzz_spare_files_write(struct cfuzz_spare_files *s, const char *dir, const void *data, size_t len,
                            char tmp[CFUZZ_TMP_PATH_MAX]) {
  bool spare;
  int fd = open_tmp(s, dir, tmp, &spare);
  if (fd < 0)
    return -1;
  if (!cfuzz_write_all(fd, data, len) || (spare && ftruncate(fd, (off_t)len) != 0)) {
    int err = errno;
    close(fd);
    unlink(tmp);
    errno = err;
    return -1;
  }
  return fd;
}

int cfuzz_spare_files_retire(struct cfuzz_spare_files *s, const char *dir, const char *name) {
  char path[CFUZZ_TMP_PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if (s) {
    char tmp[CFUZZ_TMP_PATH_MAX];
    unsigned n = s->counter++;
    tmp_path(dir, n, tmp);
    /* rename is atomic: other processes see the entry or nothing. */
    if (rename(path, tmp) == 0) {
      if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->spares = cfuzz_xrealloc(s->spares, s->cap * sizeof *s->spares);
      }
      s->spares[s->n++] = n;
      return 0;
    }
    return errno == ENOENT ? 0 : -1;
  }
  return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

void cfuzz_spare_files_clear(struct cfuzz_spare_files *s, const char *dir) {
  char tmp[CFUZZ_TMP_PATH_MAX];
  for (size_t i = 0; i < s->n; i++) {
    tmp_path(dir, s->spares[i], tmp);
    unlink(tmp);
  }
  free(s->spares);
  s->spares = NULL;
  s->n = s->cap = 0;
}
