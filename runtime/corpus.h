/* corpus.h - the in-memory corpus and its directory on disk.
 *
 * Entries on disk are plain files holding exactly the input bytes, named by
 * the lowercase hex SHA-1 of their content (as libFuzzer names them). Files
 * are written atomically: a temporary ".cfuzz-tmp-*" file in the same
 * directory, fsync, rename. Each in-memory entry also keeps the PCs its run
 * covered and how many distinct values it traced, for the loop's
 * replace-the-parent rule. */
#ifndef CFUZZ_CORPUS_H
#define CFUZZ_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sha1.h"

struct cfuzz_corpus_entry {
  uint8_t *data;
  size_t len;
  uint64_t *bits;       /* PCs covered by this input's run */
  uint32_t traced;      /* distinct traced values of that run */
  bool owns_file;       /* file <dir>/<name> exists and is named by its content */
  char name[CFUZZ_SHA1_HEX_LEN + 1];
};

struct cfuzz_corpus {
  struct cfuzz_corpus_entry *entries;
  size_t n, cap;
  size_t n_words;       /* words per coverage bitset */
  size_t total_bytes;
  char *dir;            /* where new entries are written; NULL: memory only */
  /* Hashes of file names already loaded from or written to any corpus
   * directory, so a rescan only reads what other processes added. */
  uint64_t *known;
  size_t known_n, known_cap;
  unsigned tmp_counter;
};

void cfuzz_corpus_init(struct cfuzz_corpus *c, const char *dir, size_t n_words);
void cfuzz_corpus_free(struct cfuzz_corpus *c);

/* Adds an entry (copies data and bits). If write_file, also writes it to the
 * corpus directory. Returns the new index. */
size_t cfuzz_corpus_add(struct cfuzz_corpus *c, const uint8_t *data, size_t len, const uint64_t *bits,
                        uint32_t traced, bool write_file);

/* Replaces entry i by a better input: the new file is written and made
 * durable first, then the old file is removed, and only if it was named by
 * its content (a user's hand-named seed file is never deleted). */
void cfuzz_corpus_replace(struct cfuzz_corpus *c, size_t i, const uint8_t *data, size_t len,
                          const uint64_t *bits, uint32_t traced);

/* True if the content is already an entry (by content hash). */
bool cfuzz_corpus_contains_name(const struct cfuzz_corpus *c, const char *name);

/* Writes data atomically as <dir>/<sha1 hex>; name receives the hex name.
 * Returns 0, or -1 with errno set. */
int cfuzz_corpus_write_file(const char *dir, const uint8_t *data, size_t len, unsigned *tmp_counter,
                            char name[CFUZZ_SHA1_HEX_LEN + 1]);

/* Calls visit for every not-yet-known regular file in dir (skipping dot
 * files), marking it known. Unreadable files and files larger than max_len
 * are warned about and skipped. Returns -1 with errno if dir can't be read. */
typedef void (*cfuzz_corpus_visit_fn)(void *ctx, const char *name, const uint8_t *data, size_t len);
int cfuzz_corpus_scan_dir(struct cfuzz_corpus *c, const char *dir, size_t max_len, cfuzz_corpus_visit_fn visit,
                          void *ctx);

#endif
