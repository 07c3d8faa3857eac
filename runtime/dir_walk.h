/* dir_walk.h - the one recursive directory walk behind the corpus scan and
 * merge's file list, so that both read the same files: names starting with
 * '.' are left out, links to directories are not followed, and entries whose
 * type readdir does not report (DT_UNKNOWN, on some file systems) are
 * looked up with lstat rather than taken for files. */
#ifndef CFUZZ_DIR_WALK_H
#define CFUZZ_DIR_WALK_H

#include <stdbool.h>

/* Deepest subdirectory a walk enters: a guard against a tree that never
 * ends (a bind mount of its own parent), far beyond any real corpus. */
#define CFUZZ_DIR_WALK_MAX_DEPTH 64

enum cfuzz_dir_entry_kind {
  CFUZZ_ENTRY_DIR,         /* a directory: walked into */
  CFUZZ_ENTRY_LINK_TO_DIR, /* neither walked into nor visited */
  CFUZZ_ENTRY_OTHER,       /* visited: a file, a link to one, or unknown */
};

/* What an entry at path is, given readdir's d_type for it. Looks at the
 * file system only when d_type cannot tell (DT_UNKNOWN, DT_LNK). */
enum cfuzz_dir_entry_kind cfuzz_dir_entry_kind(const char *path, unsigned char d_type);

struct cfuzz_dir_walk {
  /* Each name starting with '.' in directory dir; such names are never
   * visited. May be NULL. */
  void (*on_hidden)(void *ctx, const char *dir, const char *name);
  /* Asked before any lookup of each name readdir does not report as a
   * directory: true leaves it out. Lets a rescan skip known files for the
   * price of a readdir. May be NULL. */
  bool (*skip)(void *ctx, const char *rel);
  /* Each entry that is not a directory or a link to one, in name order per
   * directory, a subdirectory's entries where its name falls: rel is the
   * path under the root, path is root/rel. */
  void (*visit)(void *ctx, const char *rel, const char *path);
  void *ctx;
};

/* Walks root. Returns 0, or -1 with errno set when root cannot be read; a
 * subdirectory that cannot be read is warned about and skipped. */
int cfuzz_dir_walk(const char *root, const struct cfuzz_dir_walk *walk);

#endif
