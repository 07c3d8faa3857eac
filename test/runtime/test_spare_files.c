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

/* The bytes of a file written through the pool (its fd is write-only). */
static size_t read_back(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, cap);
  if (fd >= 0)
    close(fd);
  return n < 0 ? 0 : (size_t)n;
}

static void test_reuse(const char *dir) {
  struct cfuzz_spare_files s = {0};
  size_t tmp;
  char buf[64];
  write_named(dir, "old", "old content");
  ino_t old = inode_of(dir, "old");
  CHECK(cfuzz_spare_files_retire(&s, dir, "old") == 0);
  CHECK(inode_of(dir, "old") == 0 && s.n == 1);
  CHECK(count(dir, &tmp) == 1 && tmp == 1);
  /* The next write gets the same inode, holding exactly the new bytes. */
  char path[CFUZZ_TMP_PATH_MAX];
  int fd = cfuzz_spare_files_write(&s, dir, "new", 3, path);
  CHECK(fd >= 0 && s.n == 0);
  struct stat st;
  CHECK(fstat(fd, &st) == 0 && st.st_ino == old && st.st_size == 3);
  CHECK(read_back(path, buf, sizeof buf) == 3 && memcmp(buf, "new", 3) == 0);
  close(fd);
  char final[4200];
  snprintf(final, sizeof final, "%s/final", dir);
  CHECK(rename(path, final) == 0);
  /* Longer than the spare it reuses. */
  CHECK(cfuzz_spare_files_retire(&s, dir, "final") == 0 && s.n == 1);
  fd = cfuzz_spare_files_write(&s, dir, "a longer content", 16, path);
  CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_ino == old && st.st_size == 16);
  CHECK(read_back(path, buf, sizeof buf) == 16 && memcmp(buf, "a longer content", 16) == 0);
  close(fd);
  CHECK(rename(path, final) == 0);
  /* With no spare, a new temporary file. */
  char fresh[CFUZZ_TMP_PATH_MAX];
  fd = cfuzz_spare_files_write(&s, dir, "xy", 2, fresh);
  CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.st_ino != old && st.st_size == 2);
  CHECK(strncmp(fresh, dir, strlen(dir)) == 0 && strstr(fresh, "/.cfuzz-tmp-") != NULL);
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
