/* Unit tests: spare_files.c (retired corpus files are renamed aside and
 * their inodes reused by later writes; clear removes every spare). */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "temp_dir.h"
#include "spare_files.h"

static void write_named(const char *dir, const char *name, const char *content) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  fputs(content, f);
  fclose(f);
}

static ino_t inode_of(const char *dir, const char *name) {
  char path[4200];
  struct stat st;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* Files in dir: all, and those named as temporaries. */
static size_t count(const char *dir, size_t *tmp) {
  DIR *d = opendir(dir);
  size_t n = 0;
  *tmp = 0;
  for (struct dirent *de; (de = readdir(d)) != NULL;) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    n++;
    *tmp += strncmp(de->d_name, ".cfuzz-tmp-", 11) == 0;
  }
  closedir(d);
  return n;
}

static void test_reuse(const char *dir) {
  struct cfuzz_spare_files s = {0};
  size_t tmp;
  write_named(dir, "old", "old content");
  ino_t old = inode_of(dir, "old");
  CHECK(cfuzz_spare_files_retire(&s, dir, "old") == 0);
  CHECK(inode_of(dir, "old") == 0 && s.n == 1);
  CHECK(count(dir, &tmp) == 1 && tmp == 1);
  /* The next write gets the same inode, emptied. */
  char path[CFUZZ_TMP_PATH_MAX];
  int fd = cfuzz_spare_files_open(&s, dir, path);
  CHECK(fd >= 0 && s.n == 0);
  struct stat st;
  CHECK(fstat(fd, &st) == 0 && st.st_ino == old && st.st_size == 0);
  close(fd);
  char final[4200];
  snprintf(final, sizeof final, "%s/final", dir);
  CHECK(rename(path, final) == 0);
  /* With no spare, a new temporary file. */
  char fresh[CFUZZ_TMP_PATH_MAX];
  fd = cfuzz_spare_files_open(&s, dir, fresh);
  CHECK(fd >= 0 && inode_of(dir, "final") != 0 && strncmp(fresh, dir, strlen(dir)) == 0);
  close(fd);
  CHECK(count(dir, &tmp) == 2 && tmp == 1);
  /* A file already gone counts as retired; without a pool, retire unlinks. */
  CHECK(cfuzz_spare_files_retire(&s, dir, "never-there") == 0 && s.n == 0);
  write_named(dir, "plain", "x");
  CHECK(cfuzz_spare_files_retire(NULL, dir, "plain") == 0 && inode_of(dir, "plain") == 0);
  unlink(final);
  unlink(fresh);
  CHECK(count(dir, &tmp) == 0);
  cfuzz_spare_files_clear(&s, dir);
}

/* Every retired file waits as a spare; clear leaves no temporary behind. */
static void test_clear(const char *dir) {
  struct cfuzz_spare_files s = {0};
  size_t tmp;
  char name[32];
  for (int i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "f%d", i);
    write_named(dir, name, "x");
    CHECK(cfuzz_spare_files_retire(&s, dir, name) == 0);
  }
  CHECK(s.n == 100);
  CHECK(count(dir, &tmp) == 100 && tmp == 100);
  cfuzz_spare_files_clear(&s, dir);
  CHECK(count(dir, &tmp) == 0 && s.n == 0 && s.spares == NULL);
}

int main(void) {
  char *dir = check_temp_dir("spare-files");
  test_reuse(dir);
  test_clear(dir);
  check_temp_dir_done(dir);
  return check_finish("spare_files");
}
