/* temp_dir.h - scratch directories for the runtime's file tests: made
 * fresh under $TMPDIR (ctest points it at the build tree), removed when the
 * test passed, kept and named when it failed so that the files can be
 * looked at. Needs _GNU_SOURCE (nftw), as the tests that write files
 * define it; include after check.h. */
#ifndef CFUZZ_TEST_TEMP_DIR_H
#define CFUZZ_TEST_TEMP_DIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A fresh empty directory under $TMPDIR (or /tmp); caller owns the string. */
static inline char *check_temp_dir(const char *tag) {
  const char *base = getenv("TMPDIR");
  char *dir = malloc(4096);
  snprintf(dir, 4096, "%s/cfuzz-test-%s-XXXXXX", base && *base ? base : "/tmp", tag);
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    exit(2);
  }
  return dir;
}

static int temp_dir_remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  (void)st, (void)type, (void)ftw;
  if (remove(path) != 0)
    perror(path);
  return 0;
}

/* Removes dir and everything in it if no CHECK has failed so far; frees
 * the string either way. */
static inline void check_temp_dir_done(char *dir) {
  if (check_failures)
    fprintf(stderr, "kept %s for inspection\n", dir);
  else
    nftw(dir, temp_dir_remove_one, 16, FTW_DEPTH | FTW_PHYS);
  free(dir);
}

/* Writes content (a string, without its NUL) to dir/name. */
static inline void check_write_file(const char *dir, const char *name, const char *content) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    exit(2);
  }
  fwrite(content, 1, strlen(content), f);
  fclose(f);
}

#endif
