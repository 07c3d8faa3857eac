/* Unit tests: corpus.c (atomic content-named files, directory load and
 * rescan, skipping bad files, replacement rules that never delete a user's
 * file or lose the old entry before the new one is written). */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "temp_dir.h"
#include "corpus.h"
#include "util.h"

/* A run that reached bits (no features), len bytes, traced values. */
#define RUN(b, l, t) (&(struct cfuzz_run_outcome){.bits = (b), .len = (l), .traced = (t)})

static int exists(const char *dir, const char *name) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return access(path, F_OK) == 0;
}

static size_t count_files(const char *dir) {
  DIR *d = opendir(dir);
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL)
    n += de->d_name[0] != '.' || strncmp(de->d_name, ".cfuzz-tmp", 10) == 0;
  closedir(d);
  return n;
}

struct loaded {
  size_t n;
  char names[8][64];
  size_t lens[8];
};

static void visit(void *ctx, const char *name, const uint8_t *data, size_t len) {
  struct loaded *l = ctx;
  (void)data;
  if (l->n < 8) {
    snprintf(l->names[l->n], 64, "%s", name);
    l->lens[l->n] = len;
  }
  l->n++;
}

static void test_write_file(const char *dir) {
  struct cfuzz_spare_files tmp_files = {0};
  char name[41];
  CHECK(cfuzz_corpus_write_file(dir, (const uint8_t *)"abc", 3, &tmp_files, name) == 0);
  CHECK(strcmp(name, "a9993e364706816aba3e25717850c26c9cd0d89d") == 0);
  CHECK(exists(dir, name));
  CHECK(count_files(dir) == 1); /* no temporary file left behind */
  uint8_t *data;
  size_t len;
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  CHECK(cfuzz_read_file(path, 100, &data, &len) == 0 && len == 3 && memcmp(data, "abc", 3) == 0);
  free(data);
}

static void test_scan(const char *dir) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, dir, 1, 64 * (1));
  check_write_file(dir, "seed-b", "bb");
  check_write_file(dir, "seed-a", "a");
  check_write_file(dir, ".hidden", "hidden");
  check_write_file(dir, "too-big", "0123456789abcdef");
  struct loaded l = {0};
  CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &l) == 0);
  /* Sorted, dot files skipped, a file over max_len cut to max_len bytes
   * (as libFuzzer reads it). */
  CHECK(l.n == 4);
  CHECK(strcmp(l.names[0], "a9993e364706816aba3e25717850c26c9cd0d89d") == 0);
  CHECK(strcmp(l.names[1], "seed-a") == 0 && strcmp(l.names[2], "seed-b") == 0);
  CHECK(strcmp(l.names[3], "too-big") == 0 && l.lens[3] == 8);
  CHECK(cfuzz_corpus_census(dir).largest == 16 && cfuzz_corpus_census(dir).files == 4);
  /* A rescan reads only files that appeared since. */
  struct loaded again = {0};
  CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &again) == 0 && again.n == 0);
  check_write_file(dir, "from-another-process", "zz");
  CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &again) == 0 && again.n == 1);
  CHECK(strcmp(again.names[0], "from-another-process") == 0);
  if (geteuid() != 0) { /* root reads anything */
    check_write_file(dir, "unreadable", "u");
    char path[4200];
    snprintf(path, sizeof path, "%s/unreadable", dir);
    chmod(path, 0);
    struct loaded third = {0};
    CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &third) == 0 && third.n == 0);
  }
  char missing[4200];
  snprintf(missing, sizeof missing, "%s/no-such-dir", dir);
  CHECK(cfuzz_corpus_scan_dir(&c, missing, 8, visit, &l) != 0);
  cfuzz_corpus_free(&c);
}

static void test_replace(const char *dir) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, dir, 1, 64 * (1));
  uint64_t bits = 3;
  size_t i = cfuzz_corpus_add(&c, (const uint8_t *)"first", RUN(&bits, 5, 1), true);
  char old_name[41];
  memcpy(old_name, c.entries[i].file, 41);
  CHECK(exists(dir, old_name));
  /* PCs 0 and 1 covered: counted in any range that holds them (cov: leaves
   * the extra counters' range out, wherever it sits). */
  CHECK(cfuzz_corpus_pc_count(&c, 0, 64) == 2 && cfuzz_corpus_pc_count(&c, 0, 2) == 2);
  CHECK(cfuzz_corpus_pc_count(&c, 0, 1) == 1 && cfuzz_corpus_pc_count(&c, 0, 0) == 0);
  CHECK(cfuzz_corpus_pc_count(&c, 1, 2) == 1 && cfuzz_corpus_pc_count(&c, 2, 64) == 0);
  CHECK(cfuzz_corpus_pc_count(&c, 1, SIZE_MAX) == 1 && cfuzz_corpus_pc_count(&c, 2, 1) == 0);
  /* In-memory replacement (neutral drift) leaves the disk alone. */
  cfuzz_corpus_replace(&c, i, (const uint8_t *)"fir5t", RUN(&bits, 5, 1), false);
  CHECK(memcmp(c.entries[i].data, "fir5t", 5) == 0 && exists(dir, old_name));
  /* A persisted replacement is written at the next flush: the new file
   * first, then the old one is removed. */
  cfuzz_corpus_replace(&c, i, (const uint8_t *)"better input", RUN(&bits, 12, 2), true);
  CHECK(exists(dir, old_name));
  CHECK(cfuzz_corpus_flush(&c, true) == 1);
  CHECK(cfuzz_corpus_flush(&c, true) == 0);
  CHECK(!exists(dir, old_name));
  CHECK(exists(dir, c.entries[i].file));
  CHECK(c.entries[i].len == 12 && c.entries[i].traced == 2);
  CHECK(c.total_bytes == 12);

  /* Several replacements in one flush (one sync for the batch): every old
   * file goes, every new one is there. */
  uint64_t more = 4;
  size_t j = cfuzz_corpus_add(&c, (const uint8_t *)"second", RUN(&more, 6, 1), true);
  char old_i[41], old_j[41];
  memcpy(old_i, c.entries[i].file, 41);
  memcpy(old_j, c.entries[j].file, 41);
  cfuzz_corpus_replace(&c, i, (const uint8_t *)"best input", RUN(&bits, 10, 2), true);
  cfuzz_corpus_replace(&c, j, (const uint8_t *)"2nd", RUN(&more, 3, 1), true);
  CHECK(cfuzz_corpus_flush(&c, true) == 2);
  CHECK(!exists(dir, old_i) && !exists(dir, old_j));
  CHECK(exists(dir, c.entries[i].file) && exists(dir, c.entries[j].file));
  CHECK(c.total_bytes == 13);

  /* Files loaded from the directory (hand-named or content-named) are never
   * deleted; the improvement is added next to them. */
  check_write_file(dir, "my-seed", "seed");
  check_write_file(dir, "a9993e364706816aba3e25717850c26c9cd0d89d", "abc");
  size_t k = cfuzz_corpus_add(&c, (const uint8_t *)"seed", RUN(&bits, 4, 1), false);
  size_t m = cfuzz_corpus_add(&c, (const uint8_t *)"abc", RUN(&bits, 3, 1), false);
  CHECK(c.entries[k].file[0] == '\0');
  cfuzz_corpus_replace(&c, k, (const uint8_t *)"seed2", RUN(&bits, 5, 2), true);
  cfuzz_corpus_replace(&c, m, (const uint8_t *)"abcd", RUN(&bits, 4, 2), true);
  CHECK(cfuzz_corpus_flush(&c, true) == 2);
  CHECK(exists(dir, "my-seed"));
  CHECK(exists(dir, "a9993e364706816aba3e25717850c26c9cd0d89d"));
  CHECK(exists(dir, c.entries[k].file) && exists(dir, c.entries[m].file));
  cfuzz_corpus_free(&c);
}

/* A run with features: bits, len bytes, traced values, n feature ids. */
#define RUNF(b, l, t, feats, n) \
  (&(struct cfuzz_run_outcome){.bits = (b), .len = (l), .traced = (t), .features = (feats), .n_features = (n)})

/* Two entries that came to the same content share a file: dropping one, or
 * replacing one, leaves the file the other still has. */
static void test_shared_file(const char *dir) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, dir, 1, 64);
  uint64_t bits = 1;
  uint32_t f3[] = {3};
  size_t d = cfuzz_corpus_add(&c, (const uint8_t *)"same", RUNF(&bits, 4, 1, f3, 1), true);
  size_t e = cfuzz_corpus_add(&c, (const uint8_t *)"same", RUNF(&bits, 4, 1, f3, 1), true);
  CHECK(strcmp(c.entries[d].file, c.entries[e].file) == 0);
  char shared[41];
  memcpy(shared, c.entries[d].file, 41);
  CHECK(cfuzz_corpus_drop_redundant(&c, false, false) == 1 && c.n == 1);
  CHECK(exists(dir, shared));
  size_t g = cfuzz_corpus_add(&c, (const uint8_t *)"same", RUNF(&bits, 4, 1, f3, 1), true);
  cfuzz_corpus_replace(&c, g, (const uint8_t *)"sam", RUNF(&bits, 3, 1, f3, 1), true);
  CHECK(cfuzz_corpus_flush(&c, true) == 1);
  CHECK(exists(dir, shared) && exists(dir, c.entries[g].file));
  cfuzz_corpus_free(&c);
}

static void test_unwritable_dir(const char *dir) {
  if (geteuid() == 0)
    return;
  char ro[4200];
  snprintf(ro, sizeof ro, "%s/ro", dir);
  mkdir(ro, 0500);
  struct cfuzz_spare_files tmp_files = {0};
  char name[41];
  CHECK(cfuzz_corpus_write_file(ro, (const uint8_t *)"x", 1, &tmp_files, name) != 0);
}

/* Subdirectories are read as libFuzzer reads them, recursively, in name
 * order, each file named by its path under the scanned directory; a rescan
 * finds a file that appears in a subdirectory and skips the ones it has. A
 * dot directory and a link to a directory are not entered. */
static void test_scan_subdirs(const char *dir) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, dir, 1, 64 * (1));
  char path[4200];
  snprintf(path, sizeof path, "%s/sub1/sub2/sub3", dir);
  char what[4200];
  CHECK(cfuzz_make_dirs(path, what, sizeof what) == 0);
  snprintf(path, sizeof path, "%s/.dot", dir);
  CHECK(mkdir(path, 0755) == 0);
  check_write_file(dir, "sub1/a", "a");
  check_write_file(dir, "sub1/sub2/b", "bb");
  check_write_file(dir, "sub1/sub2/sub3/c", "ccc");
  check_write_file(dir, "top", "t");
  check_write_file(dir, ".dot/hidden", "h");
  snprintf(path, sizeof path, "%s/sub1", dir);
  char link[4200];
  snprintf(link, sizeof link, "%s/sub1/sub2/loop", dir);
  CHECK(symlink(path, link) == 0);
  /* four files (the dot directory's not among them), "ccc" the largest,
   * three levels down */
  CHECK(cfuzz_corpus_census(dir).largest == 3 && cfuzz_corpus_census(dir).files == 4);
  struct loaded l = {0};
  CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &l) == 0);
  /* the link to a directory is neither entered nor read */
  CHECK(l.n == 4);
  CHECK(strcmp(l.names[0], "sub1/a") == 0 && l.lens[0] == 1);
  CHECK(strcmp(l.names[1], "sub1/sub2/b") == 0 && l.lens[1] == 2);
  CHECK(strcmp(l.names[2], "sub1/sub2/sub3/c") == 0 && l.lens[2] == 3);
  CHECK(strcmp(l.names[3], "top") == 0);
  struct loaded again = {0};
  check_write_file(dir, "sub1/sub2/new", "n");
  CHECK(cfuzz_corpus_scan_dir(&c, dir, 8, visit, &again) == 0 && again.n == 1);
  CHECK(strcmp(again.names[0], "sub1/sub2/new") == 0);
  cfuzz_corpus_free(&c);
}

/* A temporary file whose writer died is removed at the next scan once a
 * minute old; a live writer's, or a fresh one, stays. */
static void test_abandoned_tmp(const char *dir) {
  pid_t child = fork();
  if (child == 0)
    _exit(0);
  waitpid(child, NULL, 0); /* now a pid that no process has */
  char dead_old[64], dead_new[64], mine[64];
  snprintf(dead_old, sizeof dead_old, ".cfuzz-tmp-%ld-0", (long)child);
  snprintf(dead_new, sizeof dead_new, ".cfuzz-tmp-%ld-1", (long)child);
  snprintf(mine, sizeof mine, ".cfuzz-tmp-%ld-0", (long)getpid());
  check_write_file(dir, dead_old, "partial");
  check_write_file(dir, dead_new, "partial");
  check_write_file(dir, mine, "partial");
  struct timespec old_times[2] = {{.tv_sec = time(NULL) - 3600}, {.tv_sec = time(NULL) - 3600}};
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, dead_old);
  CHECK(utimensat(AT_FDCWD, path, old_times, 0) == 0);
  snprintf(path, sizeof path, "%s/%s", dir, mine);
  CHECK(utimensat(AT_FDCWD, path, old_times, 0) == 0);
  struct loaded l = {0};
  CHECK(cfuzz_corpus_scan_dir(NULL, dir, 64, visit, &l) == 0);
  CHECK(!exists(dir, dead_old));
  CHECK(exists(dir, dead_new) && exists(dir, mine));
  for (size_t i = 0; i < l.n && i < 8; i++)
    CHECK(strncmp(l.names[i], ".cfuzz-tmp", 10) != 0);
}

/* Without `finish`, the sync runs in the background: a replaced entry's old
 * file stays at least until a later flush finds the sync that covered it
 * finished, and is gone after that. */
static void test_background_sync(const char *dir) {
  struct cfuzz_corpus c;
  cfuzz_corpus_init(&c, dir, 1, 64);
  uint64_t bits = 1, more = 2;
  size_t i = cfuzz_corpus_add(&c, (const uint8_t *)"one", RUN(&bits, 3, 1), true);
  size_t j = cfuzz_corpus_add(&c, (const uint8_t *)"two", RUN(&more, 3, 1), true);
  char old_i[41], old_j[41];
  memcpy(old_i, c.entries[i].file, 41);
  memcpy(old_j, c.entries[j].file, 41);
  cfuzz_corpus_replace(&c, i, (const uint8_t *)"one more", RUN(&bits, 8, 2), true);
  CHECK(cfuzz_corpus_flush(&c, false) == 1);
  CHECK(exists(dir, old_i) && exists(dir, c.entries[i].file));
  CHECK(c.sync.started && c.n_syncing == 1);
  /* Stale in this flush: never removed by it, whether or not the first
   * sync has finished by now. */
  cfuzz_corpus_replace(&c, j, (const uint8_t *)"two more", RUN(&more, 8, 2), true);
  CHECK(cfuzz_corpus_flush(&c, false) == 1);
  CHECK(exists(dir, old_j));
  for (int tries = 0; tries < 2; tries++) {
    while (cfuzz_background_sync_running(&c.sync))
      nanosleep(&(struct timespec){0, 1000000}, NULL);
    cfuzz_corpus_flush(&c, false);
  }
  CHECK(!exists(dir, old_i) && !exists(dir, old_j));
  CHECK(exists(dir, c.entries[i].file) && exists(dir, c.entries[j].file));
  CHECK(c.n_stale == 0);
  /* The old files were set aside for reuse (spare_files.h), not unlinked. */
  CHECK(count_files(dir) == 4 && c.files.n == 2);
  /* With `finish`, a running sync is waited for. */
  memcpy(old_i, c.entries[i].file, 41);
  cfuzz_corpus_replace(&c, i, (const uint8_t *)"one more time", RUN(&bits, 13, 3), true);
  cfuzz_corpus_flush(&c, false);
  CHECK(cfuzz_corpus_flush(&c, true) == 0);
  CHECK(!exists(dir, old_i) && !c.sync.started && c.n_stale == 0);
  /* Retired files wait as temporaries for reuse; finishing removes them. */
  CHECK(count_files(dir) == 2);
  cfuzz_corpus_free(&c);
}

int main(void) {
  char *dir1 = check_temp_dir("corpus-write");
  char *dir2 = check_temp_dir("corpus-replace");
  test_write_file(dir1);
  test_scan(dir1);
  test_replace(dir2);
  test_unwritable_dir(dir2);
  char *dir4 = check_temp_dir("corpus-shared");
  test_shared_file(dir4);
  check_temp_dir_done(dir4);
  char *dir5 = check_temp_dir("corpus-background-sync");
  test_background_sync(dir5);
  check_temp_dir_done(dir5);
  char *dir3 = check_temp_dir("corpus-tmp");
  test_abandoned_tmp(dir3);
  check_temp_dir_done(dir3);
  char *dir6 = check_temp_dir("corpus-subdirs");
  test_scan_subdirs(dir6);
  check_temp_dir_done(dir6);
  check_temp_dir_done(dir1);
  check_temp_dir_done(dir2);
  return check_finish("corpus");
}
