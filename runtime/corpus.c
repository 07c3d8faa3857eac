/* corpus.c - in-memory corpus and atomic entry files (see corpus.h;
 * corpus_scan.c reads directories). Nothing here runs per execution: only
 * when an entry is added, replaced or dropped, and at flushes. */
#define _GNU_SOURCE
#include "corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "name_set.h"
#include "util.h"

void cfuzz_corpus_init(struct cfuzz_corpus *c, const char *dir, size_t n_words, size_t feature_space) {
  memset(c, 0, sizeof *c);
  c->n_words = n_words;
  c->covered = cfuzz_xcalloc(n_words ? n_words : 1, sizeof(uint64_t));
  c->feature_space = feature_space;
  c->features = cfuzz_xcalloc(feature_space / 64 + 1, sizeof(uint64_t));
  c->reached = cfuzz_xcalloc(feature_space / 64 + 1, sizeof(uint64_t));
  c->holders = cfuzz_xcalloc(feature_space + 1, sizeof(uint32_t));
  c->owner = cfuzz_xmalloc((feature_space + 1) * sizeof(uint32_t));
  for (size_t f = 0; f <= feature_space; f++)
    c->owner[f] = CFUZZ_NO_OWNER;

  c->dir = dir ? cfuzz_xstrdup(dir) : NULL;
}

void cfuzz_corpus_free(struct cfuzz_corpus *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->entries[i].data);
    free(c->entries[i].bits);
    free(c->entries[i].features);
  }
  free(c->entries);
  free(c->covered);
  free(c->features);
  free(c->reached);
  free(c->holders);
  free(c->owner);
  free(c->smallest);
  cfuzz_name_set_free(&c->known);
  cfuzz_background_sync_join(&c->sync);
  if (c->dir)
    cfuzz_spare_files_clear(&c->files, c->dir);
  free(c->dir);
  free(c->stale);
  memset(c, 0, sizeof *c);
}

static int write_file(const char *dir, const uint8_t *data, size_t len, struct cfuzz_spare_files *tmp_files,
                      char name[CFUZZ_SHA1_HEX_LEN + 1], bool durable);

int cfuzz_corpus_write_file(const char *dir, const uint8_t *data, size_t len, struct cfuzz_spare_files *tmp_files,
                            char name[CFUZZ_SHA1_HEX_LEN + 1]) {
  return write_file(dir, data, len, tmp_files, name, true);
}

static int write_file(const char *dir, const uint8_t *data, size_t len, struct cfuzz_spare_files *tmp_files,
                      char name[CFUZZ_SHA1_HEX_LEN + 1], bool durable) {
  cfuzz_sha1_hex(data, len, name);
  char tmp[CFUZZ_TMP_PATH_MAX], final[4096];
  snprintf(final, sizeof final, "%s/%s", dir, name);
  int fd = cfuzz_spare_files_write(tmp_files, dir, data, len, tmp);
  if (fd < 0)
    return -1;
  /* Renamed only once complete, so readers never see a partial entry. With
   * `durable`, fsync first: a replaced parent's file is deleted only once
   * its successor would survive a power cut. A new entry needs no fsync to
   * survive the process's crash (the kernel has the data), and an fsync per
   * new entry made the fuzzer disk-bound when entries come fast. */
  if (durable && fsync(fd) != 0) {
    int err = errno;
    close(fd);
    unlink(tmp);
    errno = err;
    return -1;
  }
  close(fd);
  if (rename(tmp, final) != 0) {
    int err = errno;
    unlink(tmp);
    errno = err;
    return -1;
  }
  return 0;
}

static int compare_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static void hold_feature(struct cfuzz_corpus *c, uint32_t f, uint32_t entry, size_t len) {
  uint64_t bit = 1ull << (f % 64);
  if (c->holders[f]++ == 0) {
    c->owner[f] = entry;
    c->features[f / 64] |= bit;
  }
  if (!(c->reached[f / 64] & bit)) {
    c->reached[f / 64] |= bit;
    c->n_features++;
  }
  if (c->smallest && len < c->smallest[f])
    c->smallest[f] = (uint32_t)len;
}

/* Takes the entry's features out of the holder counts; a feature nobody
 * holds any more leaves the union, so that reaching it again is new. */
static void forget_features(struct cfuzz_corpus *c, const struct cfuzz_corpus_entry *e) {
  for (size_t i = 0; i < e->n_features; i++) {
    uint32_t f = e->features[i];
    if (f < c->feature_space && --c->holders[f] == 0) {
      c->owner[f] = CFUZZ_NO_OWNER;
      c->features[f / 64] &= ~(1ull << (f % 64));
    }
  }
}

/* Sets the entry's PCs, features and traced count from the run, and adds
 * them to the corpus's unions. The run's features are counted before the
 * entry's old ones are forgotten: a feature the entry keeps never drops to
 * no holder, so it keeps its owner. */
static void set_coverage(struct cfuzz_corpus *c, struct cfuzz_corpus_entry *e, const struct cfuzz_run_outcome *run) {
  uint32_t index = (uint32_t)(e - c->entries);
  for (size_t i = 0; i < run->n_features; i++)
    if (run->features[i] < c->feature_space)
      hold_feature(c, run->features[i], index, run->len);
  forget_features(c, e);
  memcpy(e->bits, run->bits, c->n_words * sizeof(uint64_t));
  for (size_t w = 0; w < c->n_words; w++)
    c->covered[w] |= run->bits[w];
  if (run->n_features > e->features_cap) {
    e->features_cap = (uint32_t)run->n_features;
    e->features = cfuzz_xrealloc(e->features, e->features_cap * sizeof(uint32_t));
  }
  e->n_features = (uint32_t)run->n_features;
  if (run->n_features)
    memcpy(e->features, run->features, run->n_features * sizeof(uint32_t));
  /* PC features come sorted; value-profile ones (after them) may not. */
  for (size_t i = 1; i < e->n_features; i++) {
    if (e->features[i] < e->features[i - 1]) {
      qsort(e->features, e->n_features, sizeof(uint32_t), compare_u32);
      break;
    }
  }
  e->traced = run->traced;
  e->work = run->work;
}

/* set_coverage for a run with exactly the entry's features: who holds what
 * stays as it is; only the shortest length per feature may fall. */
static void keep_coverage(struct cfuzz_corpus *c, struct cfuzz_corpus_entry *e, const struct cfuzz_run_outcome *run) {
  if (c->smallest)
    for (size_t i = 0; i < run->n_features; i++) {
      uint32_t f = run->features[i];
      if (f < c->feature_space && run->len < c->smallest[f])
        c->smallest[f] = (uint32_t)run->len;
    }
  e->traced = run->traced;
  e->work = run->work;
}

static void fill_entry(struct cfuzz_corpus *c, struct cfuzz_corpus_entry *e, const uint8_t *data,
                       const struct cfuzz_run_outcome *run) {
  size_t len = run->len;
  memset(e, 0, sizeof *e);
  e->cap = len;
  e->data = cfuzz_xmalloc(len ? len : 1);
  memcpy(e->data, data, len);
  e->len = len;
  e->bits = cfuzz_xmalloc((c->n_words ? c->n_words : 1) * sizeof(uint64_t));
  set_coverage(c, e, run);
  c->total_bytes += len;
}

/* Writes the entry's content as a new file if there is a corpus directory;
 * returns false (after a warning) if that failed: the entry still helps
 * this process. */
static bool write_entry_file(struct cfuzz_corpus *c, const struct cfuzz_corpus_entry *e,
                             char name[CFUZZ_SHA1_HEX_LEN + 1], bool durable) {
  if (!c->dir)
    return false;
  if (write_file(c->dir, e->data, e->len, &c->files, name, durable) != 0) {
    cfuzz_warn("cannot write corpus entry to '%s': %s", c->dir, strerror(errno));
    return false;
  }
  cfuzz_name_set_add(&c->known, cfuzz_name_hash(name));
  return true;
}

size_t cfuzz_corpus_add(struct cfuzz_corpus *c, const uint8_t *data, const struct cfuzz_run_outcome *run,
                        bool write_file) {
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 64;
    c->entries = cfuzz_xrealloc(c->entries, c->cap * sizeof *c->entries);
  }
  struct cfuzz_corpus_entry *e = &c->entries[c->n];
  fill_entry(c, e, data, run);
  if (write_file)
    write_entry_file(c, e, e->file, false);
  return c->n++;
}

void cfuzz_corpus_replace(struct cfuzz_corpus *c, size_t i, const uint8_t *data,
                          const struct cfuzz_run_outcome *run, bool persist) {
  struct cfuzz_corpus_entry *e = &c->entries[i];
  size_t len = run->len;
  if (len > e->cap) {
    e->cap = len + len / 2;
    e->data = cfuzz_xrealloc(e->data, e->cap);
  }
  c->total_bytes = c->total_bytes - e->len + len;
  memcpy(e->data, data, len);
  e->len = len;
  if (cfuzz_corpus_entry_same_features(e, run))
    keep_coverage(c, e, run);
  else
    set_coverage(c, e, run);
  if (persist && c->dir && !e->memory_only)
    e->dirty = true;
}

void cfuzz_corpus_keep_smallest(struct cfuzz_corpus *c) {
  if (c->smallest)
    return;
  c->smallest = cfuzz_xmalloc((c->feature_space + 1) * sizeof(uint32_t));
  for (size_t f = 0; f <= c->feature_space; f++)
    c->smallest[f] = UINT32_MAX;
  for (size_t i = 0; i < c->n; i++) {
    const struct cfuzz_corpus_entry *e = &c->entries[i];
    for (size_t k = 0; k < e->n_features; k++)
      if (e->features[k] < c->feature_space && e->len < c->smallest[e->features[k]])
        c->smallest[e->features[k]] = (uint32_t)e->len;
  }
}

bool cfuzz_corpus_covers(const struct cfuzz_corpus *c, const uint64_t *bits) {
  for (size_t i = 0; i < c->n_words; i++)
    if (bits[i] & ~c->covered[i])
      return false;
  return true;
}

/* Covered PCs below `below`. */
static size_t pcs_below(const struct cfuzz_corpus *c, size_t below) {
  size_t n = 0, full = below / 64 < c->n_words ? below / 64 : c->n_words;
  for (size_t i = 0; i < full; i++)
    n += (size_t)__builtin_popcountll(c->covered[i]);
  if (full < c->n_words && below % 64)
    n += (size_t)__builtin_popcountll(c->covered[full] & ((1ull << (below % 64)) - 1));
  return n;
}

size_t cfuzz_corpus_pc_count(const struct cfuzz_corpus *c, size_t from, size_t to) {
  return to > from ? pcs_below(c, to) - pcs_below(c, from) : 0;
}

static bool better_entry(const struct cfuzz_corpus *c, size_t a, size_t b) {
  const struct cfuzz_corpus_entry *x = &c->entries[a], *y = &c->entries[b];
  if (x->len != y->len)
    return x->len < y->len;
  if (x->traced != y->traced)
    return x->traced > y->traced;
  return a < b;
}

/* The entries' file names. Two entries can come to the same content, hence
 * the same file: removing one entry's file must not remove the other's. */
static struct cfuzz_name_set live_names(const struct cfuzz_corpus *c) {
  struct cfuzz_name_set live = {0};
  for (size_t i = 0; i < c->n; i++)
    if (c->entries[i].file[0] != '\0')
      cfuzz_name_set_add(&live, cfuzz_name_hash(c->entries[i].file));
  return live;
}

/* Removes a file this process wrote, unless a live entry has it too. */
static void remove_entry_file(struct cfuzz_corpus *c, const struct cfuzz_name_set *live, const char *file) {
  if (!c->dir || file[0] == '\0' || cfuzz_name_set_has(live, cfuzz_name_hash(file)))
    return;
  if (cfuzz_spare_files_retire(&c->files, c->dir, file) != 0)
    cfuzz_warn("cannot remove dropped corpus entry '%s/%s': %s", c->dir, file, strerror(errno));
}

size_t cfuzz_corpus_drop_redundant(struct cfuzz_corpus *c, bool keep_seeds, bool by_length) {
  if (c->n < 2)
    return 0;
  uint32_t *best = cfuzz_xmalloc((c->feature_space ? c->feature_space : 1) * sizeof(uint32_t));
  memset(best, 0xff, (c->feature_space ? c->feature_space : 1) * sizeof(uint32_t));
  for (size_t i = 0; i < c->n; i++) {
    const struct cfuzz_corpus_entry *e = &c->entries[i];
    for (uint32_t k = 0; k < e->n_features; k++) {
      uint32_t f = e->features[k];
      if (f < c->feature_space && (best[f] == UINT32_MAX || better_entry(c, i, best[f])))
        best[f] = (uint32_t)i;
    }
  }
  /* Decide for all entries first: best[] indexes the array before it is
   * compacted. */
  bool *drop = cfuzz_xcalloc(c->n, sizeof(bool));
  for (size_t i = 0; i < c->n; i++) {
    const struct cfuzz_corpus_entry *e = &c->entries[i];
    bool redundant = e->n_features > 0 && !(keep_seeds && e->seed);
    for (uint32_t k = 0; k < e->n_features && redundant; k++) {
      uint32_t f = e->features[k];
      redundant = f < c->feature_space && best[f] != i && (by_length || c->entries[best[f]].traced >= e->traced);
    }
    drop[i] = redundant;
  }
  /* new_index[i]: entry i's index after compaction, or UINT32_MAX if it goes. */
  uint32_t *new_index = cfuzz_xmalloc(c->n * sizeof(uint32_t));
  /* Dropped entries' files, removed once the survivors are known. */
  char(*gone)[CFUZZ_SHA1_HEX_LEN + 1] = c->dir ? cfuzz_xmalloc(c->n * sizeof *gone) : NULL;
  size_t kept = 0, dropped = 0;
  for (size_t i = 0; i < c->n; i++) {
    struct cfuzz_corpus_entry *e = &c->entries[i];
    if (drop[i]) {
      forget_features(c, e);
      if (gone)
        memcpy(gone[dropped], e->file, sizeof e->file);
      c->total_bytes -= e->len;
      free(e->data);
      free(e->bits);
      free(e->features);
      new_index[i] = UINT32_MAX;
      dropped++;
    } else {
      new_index[i] = (uint32_t)kept;
      c->entries[kept++] = *e;
    }
  }
  /* A dropped owner's features pass to their best holder, which stays. */
  for (size_t f = 0; f < c->feature_space && dropped; f++) {
    uint32_t o = c->owner[f];
    if (o != CFUZZ_NO_OWNER)
      c->owner[f] = new_index[o] != UINT32_MAX ? new_index[o] : new_index[best[f]];
  }
  free(new_index);
  free(drop);
  c->n = kept;
  /* A survivor may share a dropped entry's file. */
  if (dropped && gone) {
    struct cfuzz_name_set live = live_names(c);
    for (size_t i = 0; i < dropped; i++)
      remove_entry_file(c, &live, gone[i]);
    cfuzz_name_set_free(&live);
  }
  free(gone);
  free(best);
  return dropped;
}

/* Makes every file written to dir so far durable: one syncfs for the whole
 * batch, where an fsync per file cost a journal commit each (thousands per
 * flush on a target whose entries improve often). */
static bool sync_dir(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return false;
  bool ok = syncfs(fd) == 0;
  close(fd);
  return ok;
}

/* The first n stale names' successors are durable (error 0): their files go,
 * unless a live entry has the same content. After a failed sync they stay, as
 * a duplicate is harmless and a lost entry is not. */
static void remove_stale(struct cfuzz_corpus *c, size_t n, int error) {
  if (error != 0) {
    cfuzz_warn("cannot sync corpus directory '%s': %s; replaced entries' old files are kept", c->dir,
               strerror(error));
  } else if (n > 0) {
    struct cfuzz_name_set live = live_names(c);
    for (size_t i = 0; i < n; i++) {
      if (cfuzz_name_set_has(&live, cfuzz_name_hash(c->stale[i])))
        continue;
      if (cfuzz_spare_files_retire(&c->files, c->dir, c->stale[i]) != 0)
        cfuzz_warn("cannot remove replaced corpus entry '%s/%s': %s", c->dir, c->stale[i], strerror(errno));
    }
    cfuzz_name_set_free(&live);
  }
  memmove(c->stale, c->stale + n, (c->n_stale - n) * sizeof *c->stale);
  c->n_stale -= n;
}

size_t cfuzz_corpus_flush(struct cfuzz_corpus *c, bool finish) {
  size_t written = 0;
  for (size_t i = 0; i < c->n; i++) {
    struct cfuzz_corpus_entry *e = &c->entries[i];
    if (!e->dirty)
      continue;
    e->dirty = false;
    char name[CFUZZ_SHA1_HEX_LEN + 1];
    if (!write_entry_file(c, e, name, false) || strcmp(name, e->file) == 0)
      continue;
    written++;
    if (e->file[0] != '\0') {
      if (c->n_stale == c->stale_cap) {
        c->stale_cap = c->stale_cap ? 2 * c->stale_cap : 64;
        c->stale = cfuzz_xrealloc(c->stale, c->stale_cap * sizeof *c->stale);
      }
      memcpy(c->stale[c->n_stale++], e->file, sizeof e->file);
    }
    memcpy(e->file, name, sizeof name);
  }
  /* A sync covers what was written before it started: the names that were
   * stale then. */
  if (c->sync.started && (finish || !cfuzz_background_sync_running(&c->sync))) {
    int error = cfuzz_background_sync_join(&c->sync);
    size_t covered = c->n_syncing;
    c->n_syncing = 0;
    remove_stale(c, covered, error);
  }
  if (c->n_stale > 0 && !c->sync.started) {
    if (!finish && cfuzz_background_sync_start(&c->sync, c->dir))
      c->n_syncing = c->n_stale;
    else
      remove_stale(c, c->n_stale, sync_dir(c->dir) ? 0 : errno);
  }
  if (finish && c->dir)
    cfuzz_spare_files_clear(&c->files, c->dir);
  return written;
}
