/* corpus.h - the in-memory corpus and its directory on disk.
 *
 * Entries on disk are plain files holding exactly the input bytes, named by
 * the lowercase hex SHA-1 of their content (as libFuzzer names them). Files
 * are written atomically: a temporary ".cfuzz-tmp-*" file in the same
 * directory, fsync, rename. Each in-memory entry also keeps the PCs and
 * features its run covered and how many distinct values it traced, for the
 * judgement (judge.h) and the scheduler (schedule.h); the corpus keeps the
 * union of its entries' PCs and features, and per feature how many entries
 * hold it and which entry brought it in (its owner). */
#ifndef CFUZZ_CORPUS_H
#define CFUZZ_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "background_sync.h"
#include "name_set.h"
#include "run_features.h"
#include "sha1.h"
#include "spare_files.h"

struct cfuzz_corpus_entry {
  uint8_t *data;
  size_t len, cap;      /* cap: allocated bytes, so replacements rarely allocate */
  uint64_t *bits;       /* PCs covered by this input's run */
  uint32_t *features;   /* features of that run (run_features.h), sorted */
  uint32_t n_features, features_cap;
  uint32_t traced;      /* distinct traced values of that run */
  /* The file this process wrote for the entry in the corpus directory
   * (named by the SHA-1 of the content it had then); "" if none. Only such
   * files are ever deleted: files that were in the directory before (the
   * user's, other processes') never are. After a replacement in memory
   * only, the file holds the entry's earlier, equally good version. */
  char file[CFUZZ_SHA1_HEX_LEN + 1];
  bool dirty;           /* improved since its file was written: flush pending */
  bool seed;            /* loaded at start (-keep_seed=1 keeps it) */
  bool memory_only;     /* never written, nor its improvements (the random start input) */
  /* For the scheduler (schedule.h): */
  uint32_t picks;       /* times chosen as a parent */
  uint64_t runs;        /* runs of inputs mutated from it (-print_corpus_stats) */
  uint32_t successes;   /* of those, new entries and strictly better replacements */
  uint64_t work;        /* its run's work (cfuzz_run_outcome.work) */
};

struct cfuzz_corpus {
  struct cfuzz_corpus_entry *entries;
  size_t n, cap;
  size_t n_words;       /* words per coverage bitset */
  uint64_t *covered;    /* union of all entries' PCs */
  uint64_t *features;   /* features some entry holds, a bitset */
  /* Features any entry ever held, a bitset. A shorter replacement may drop
   * a feature that only its entry holds but another brought in (judge.h):
   * it leaves `features`, so reaching it again is new, and stays here. */
  uint64_t *reached;
  size_t feature_space; /* run_features.h: cfuzz_feature_space */
  size_t n_features;    /* features in `reached` ("ft:"; never falls, as libFuzzer's) */
  uint32_t *holders;    /* per feature: entries that have it */
  /* Per feature: the entry that brought it into the corpus (its holders
   * went from 0 to 1), CFUZZ_NO_OWNER if none holds it. May name an entry
   * that has since lost the feature: the judgement asks only about the
   * parent's current features. */
  uint32_t *owner;
  uint32_t *smallest;   /* per feature: length of the shortest entry that had it (-shrink=1); NULL: not kept */
  size_t total_bytes;
  char *dir;            /* where new entries are written; NULL: memory only */
  /* Hashes of file names already loaded from or written to any corpus
   * directory, so a rescan only reads what other processes added. */
  struct cfuzz_name_set known;
  /* Old files of replaced entries, removed once their successors are
   * durable: the first n_syncing are covered by the running `sync`. */
  char (*stale)[CFUZZ_SHA1_HEX_LEN + 1];
  size_t n_stale, n_syncing, stale_cap;
  struct cfuzz_background_sync sync;
  struct cfuzz_spare_files files; /* temporary files, reused */
};

#define CFUZZ_NO_OWNER UINT32_MAX

void cfuzz_corpus_init(struct cfuzz_corpus *c, const char *dir, size_t n_words, size_t feature_space);
void cfuzz_corpus_free(struct cfuzz_corpus *c);

/* Adds an entry from a run of data (run->len bytes): copies the bytes, PCs
 * and features. If write_file, also writes it to the corpus directory.
 * Returns the new index. */
size_t cfuzz_corpus_add(struct cfuzz_corpus *c, const uint8_t *data, const struct cfuzz_run_outcome *run,
                        bool write_file);

/* Replaces entry i by an input at least as good, in memory. With `persist`
 * the entry is marked for the next cfuzz_corpus_flush: improvements can come
 * every few executions, and writing each one would make the fuzzer
 * disk-bound. Allocates only if the new input is larger than any earlier
 * content of the entry. */
void cfuzz_corpus_replace(struct cfuzz_corpus *c, size_t i, const uint8_t *data,
                          const struct cfuzz_run_outcome *run, bool persist);

/* Starts keeping, per feature, the length of the shortest entry that has it
 * (libFuzzer's -shrink=1; judge.h). Dropped entries are not taken back out:
 * the pass that drops them keeps a shorter holder of each feature. */
void cfuzz_corpus_keep_smallest(struct cfuzz_corpus *c);

/* True if every PC in bits is covered by some entry. */
bool cfuzz_corpus_covers(const struct cfuzz_corpus *c, const uint64_t *bits);

static inline bool cfuzz_corpus_has_feature(const struct cfuzz_corpus *c, uint32_t feature) {
  return (c->features[feature / 64] >> (feature % 64)) & 1;
}

/* Whether the run reached exactly the entry's features, and so its PCs too
 * (each PC it reached is one feature). That is the common case of a
 * mutation the target handled as it handled the entry: on woff2 a sixth of
 * all runs replace their parent so, and comparing the lists costs less than
 * walking the per-feature tables. Empty lists do not match: a run without
 * features (as unit tests build them) says nothing about its PCs. */
static inline bool cfuzz_corpus_entry_same_features(const struct cfuzz_corpus_entry *e,
                                                    const struct cfuzz_run_outcome *run) {
  return run->n_features == e->n_features && e->n_features > 0 &&
         memcmp(run->features, e->features, e->n_features * sizeof(uint32_t)) == 0;
}

/* Number of PCs in [from, to) covered by the entries together (the status
 * line's cov: counts the program's PCs less libFuzzer's extra counters, as
 * libFuzzer's does). */
size_t cfuzz_corpus_pc_count(const struct cfuzz_corpus *c, size_t from, size_t to);

/* Drops the entries whose every feature some better entry also has (better:
 * shorter, or as long with more traced values, or as good and older) and
 * that traced no more values than those entries, so neither coverage nor a
 * climb in progress is lost (libFuzzer's -reduce_inputs). Entries without
 * features are kept, and with keep_seeds so are loaded ones. by_length
 * (-shrink=1): traced values do not count, an entry goes as soon as none of
 * its features is at its shortest in it. A dropped entry's file is removed
 * if this process wrote it. Returns how many went; indices of the remaining
 * entries may change. */
size_t cfuzz_corpus_drop_redundant(struct cfuzz_corpus *c, bool keep_seeds, bool by_length);

/* Writes every marked entry (with a corpus directory). An entry's old file,
 * if this process wrote it, is removed only once the new one is durable: one
 * syncfs covers a batch. With `finish`, that all happens before the return.
 * Without, the syncfs runs on a background thread and a later flush removes
 * the files it covered, so the fuzzing thread never waits for the disk.
 * Returns how many files were written. */
size_t cfuzz_corpus_flush(struct cfuzz_corpus *c, bool finish);

/* Writes data atomically and durably (fsync) as <dir>/<sha1 hex>; name receives the hex name.
 * Returns 0, or -1 with errno set. */
int cfuzz_corpus_write_file(const char *dir, const uint8_t *data, size_t len, struct cfuzz_spare_files *tmp_files,
                            char name[CFUZZ_SHA1_HEX_LEN + 1]);

/* Calls visit for every not-yet-known file in dir and, recursively, its
 * subdirectories (skipping dot files), marking it known; with c NULL, for
 * every file, once. visit's name is the file's path relative to dir; a file
 * longer than max_len gives its first max_len bytes (as with libFuzzer).
 * Unreadable files are warned about and skipped. Returns -1 with errno if
 * dir itself can't be read. */
typedef void (*cfuzz_corpus_visit_fn)(void *ctx, const char *name, const uint8_t *data, size_t len);
int cfuzz_corpus_scan_dir(struct cfuzz_corpus *c, const char *dir, size_t max_len, cfuzz_corpus_visit_fn visit,
                          void *ctx);
/* How many files a scan of dir would read, and the largest one's size (0
 * and 0 if none, or if dir can't be read), from stat alone. */
struct cfuzz_corpus_census {
  uint64_t files, largest;
};
struct cfuzz_corpus_census cfuzz_corpus_census(const char *dir);

#endif
