/* corpus_scan.c - the corpus directory read: the files not loaded yet
 * (recursively, in a fixed order), the census that sets the default
 * -max_len, and the removal of temporary files killed writers left (see
 * corpus.h). Runs at start and on the loop's periodic rescan, never per
 * execution. */
#define _GNU_SOURCE
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "name_set.h"
#include "util.h"

/* A name found in a directory being scanned: its path relative to the
 * scan's root, and readdir's idea of its type (DT_UNKNOWN on some file
 * systems). */
struct scanned_name {
  char *rel;
  unsigned char type;
};

static int compare_names(const void *a, const void *b) {
  return strcmp(((const struct scanned_name *)a)->rel, ((const struct scanned_name *)b)->rel);
}

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

/* Deepest subdirectory a corpus scan enters: a guard against a directory
 * tree that never ends (a bind mount of its own parent), far beyond any
 * real corpus's layout. */
#define MAX_SCAN_DEPTH 64

struct scan {
  struct cfuzz_corpus *c;
  const char *root;
  size_t max_len;
  cfuzz_corpus_visit_fn visit; /* NULL: only count and measure the files */
  void *ctx;
  struct cfuzz_corpus_census census; /* without visit */
};

/* Scans root/rel (rel "" for root itself). Names are sorted per directory
 * first: readdir order differs between file systems, and a -seed run should
 * load the corpus in a fixed order. Subdirectories are scanned where they
 * fall in that order, as libFuzzer reads corpora recursively; a symbolic
 * link to a directory is not followed, so a link cycle cannot recur. */
static int scan_tree(struct scan *sc, const char *rel, unsigned depth) {
  char *dir = rel[0] ? cfuzz_path_join(sc->root, rel) : cfuzz_xstrdup(sc->root);
  DIR *d = opendir(dir);
  if (!d) {
    int saved = errno;
    free(dir);
    errno = saved;
    return -1;
  }
  struct scanned_name *names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') {
      remove_if_abandoned_tmp(dir, de->d_name);
      continue;
    }
    char *joined = rel[0] ? cfuzz_path_join(rel, de->d_name) : NULL;
    const char *name = joined ? joined : de->d_name;
    /* Files loaded before are skipped here, before any stat or copy: a
     * rescan of a large corpus costs a readdir, not a stat per file. */
    if (de->d_type != DT_DIR && sc->c && cfuzz_name_set_has(&sc->c->known, cfuzz_name_hash(name))) {
      free(joined);
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      names = cfuzz_xrealloc(names, cap * sizeof *names);
    }
    names[n++] = (struct scanned_name){joined ? joined : cfuzz_xstrdup(name), de->d_type};
  }
  closedir(d);
  free(dir);
  if (n > 0) /* qsort wants a non-null array even for zero elements */
    qsort(names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n; i++) {
    const char *name = names[i].rel;
    char *path = cfuzz_path_join(sc->root, name);
    struct stat st;
    bool is_dir = names[i].type == DT_DIR, is_link = names[i].type == DT_LNK;
    if (names[i].type == DT_UNKNOWN && lstat(path, &st) == 0) {
      is_dir = S_ISDIR(st.st_mode);
      is_link = S_ISLNK(st.st_mode);
    }
    uint8_t *data = NULL;
    size_t len = 0;
    if (is_dir) {
      if (depth < MAX_SCAN_DEPTH && scan_tree(sc, name, depth + 1) != 0)
        cfuzz_warn("cannot read corpus directory '%s': %s; skipped", path, strerror(errno));
    } else if (sc->c && cfuzz_name_set_has(&sc->c->known, cfuzz_name_hash(name))) {
      /* DT_UNKNOWN: only now known not to be a directory */
    } else if (is_link && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      /* a link to a directory: not followed, not a file either */
    } else if (!sc->visit) {
      if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        sc->census.files++;
        if ((uint64_t)st.st_size > sc->census.largest)
          sc->census.largest = (uint64_t)st.st_size;
      }
    } else {
      if (sc->c)
        cfuzz_name_set_add(&sc->c->known, cfuzz_name_hash(name));
      if (cfuzz_read_file_prefix(path, sc->max_len, &data, &len) != 0) {
        cfuzz_warn("cannot read corpus file '%s': %s; skipped", path, strerror(errno));
      } else {
        sc->visit(sc->ctx, name, data, len);
        free(data);
      }
    }
    free(path);
    free(names[i].rel);
  }
  free(names);
  return 0;
}

int cfuzz_corpus_scan_dir(struct cfuzz_corpus *c, const char *dir, size_t max_len, cfuzz_corpus_visit_fn visit,
                          void *ctx) {
  struct scan sc = {c, dir, max_len, visit, ctx, {0, 0}};
  return scan_tree(&sc, "", 0);
}

struct cfuzz_corpus_census cfuzz_corpus_census(const char *dir) {
  struct scan sc = {NULL, dir, 0, NULL, NULL, {0, 0}};
  (void)scan_tree(&sc, "", 0);
  return sc.census;
}
