/* corpus_scan.c - the corpus directory read: the files not loaded yet
 * (recursively, in a fixed order), the census that sets the default
 * -max_len, and the removal of temporary files killed writers left (see
 * corpus.h). Runs at start and on the loop's periodic rescan, never per
 * execution. */
#define _GNU_SOURCE
#include "corpus.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dir_walk.h"
#include "name_set.h"
#include "util.h"

/* A process killed between writing an entry's temporary file and renaming
 * it leaves `.cfuzz-tmp-<pid>-<n>` behind. Such a file is removed once its
 * writer is gone and it is a minute old (a write takes microseconds; the age
 * also spares a live writer whose pid this process cannot see). */
#define ABANDONED_TMP_SECONDS 60

static void remove_if_abandoned_tmp(const char *dir, const char *name) {
  static const char prefix[] = ".cfuzz-tmp-";
  if (strncmp(name, prefix, sizeof prefix - 1) != 0)
    return;
  char *end;
  long pid = strtol(name + sizeof prefix - 1, &end, 10);
  if (pid <= 0 || *end != '-' || pid == (long)getpid())
    return;
  if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
    return;
  char *path = cfuzz_path_join(dir, name);
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) && time(NULL) - st.st_mtime >= ABANDONED_TMP_SECONDS)
    unlink(path);
  free(path);
}

struct scan {
  struct cfuzz_corpus *c;
  size_t max_len;
  cfuzz_corpus_visit_fn visit; /* NULL: only count and measure the files */
  void *ctx;
  struct cfuzz_corpus_census census; /* without visit */
};

/* Files loaded before are skipped before any stat or copy: a rescan of a
 * large corpus costs a readdir, not a stat per file. */
static bool is_loaded(void *ctx, const char *rel) {
  struct scan *sc = ctx;
  return sc->c && cfuzz_name_set_has(&sc->c->known, cfuzz_name_hash(rel));
}

static void on_hidden(void *ctx, const char *dir, const char *name) {
  (void)ctx;
  remove_if_abandoned_tmp(dir, name);
}

static void count_file(void *ctx, const char *rel, const char *path) {
  (void)rel;
  struct scan *sc = ctx;
  struct stat st;
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
    sc->census.files++;
    if ((uint64_t)st.st_size > sc->census.largest)
      sc->census.largest = (uint64_t)st.st_size;
  }
}

static void load_file(void *ctx, const char *rel, const char *path) {
  struct scan *sc = ctx;
  if (sc->c)
    cfuzz_name_set_add(&sc->c->known, cfuzz_name_hash(rel));
  uint8_t *data = NULL;
  size_t len = 0;
  if (cfuzz_read_file_prefix(path, sc->max_len, &data, &len) != 0) {
    cfuzz_warn("cannot read corpus file '%s': %s; skipped", path, strerror(errno));
    return;
  }
  sc->visit(sc->ctx, rel, data, len);
  free(data);
}

/* Subdirectories are scanned where their names fall in each directory's
 * name order, as libFuzzer reads corpora recursively (dir_walk.h). */
int cfuzz_corpus_scan_dir(struct cfuzz_corpus *c, const char *dir, size_t max_len, cfuzz_corpus_visit_fn visit,
                          void *ctx) {
  struct scan sc = {c, max_len, visit, ctx, {0, 0}};
  struct cfuzz_dir_walk walk = {on_hidden, is_loaded, load_file, &sc};
  return cfuzz_dir_walk(dir, &walk);
}

struct cfuzz_corpus_census cfuzz_corpus_census(const char *dir) {
  struct scan sc = {NULL, 0, NULL, NULL, {0, 0}};
  struct cfuzz_dir_walk walk = {on_hidden, NULL, count_file, &sc};
  (void)cfuzz_dir_walk(dir, &walk);
  return sc.census;
}
