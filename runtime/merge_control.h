/* merge_control.h - the merge's file list and its control file.
 *
 * The control file is how the outer merge process and its children talk
 * (merge.h): the outer one writes the list of files, each child appends
 * what it ran. Text, one item per line:
 *   N                 number of files
 *   M                 how many of them are in the first (output) directory
 *   path x N          the files, first directory first, each group by size
 *   STARTED i size    the child began file i (the last one without FT crashed)
 *   FT i f1 f2 ...    features of file i new to that child
 *   COV i p1 p2 ...   PCs of file i new to that child */
#ifndef CFUZZ_MERGE_CONTROL_H
#define CFUZZ_MERGE_CONTROL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cfuzz_merge_file {
  char *name; /* owned */
  size_t size;
  uint32_t *ft, *cov; /* sorted features; PCs first seen with this file */
  size_t n_ft, n_cov;
};

struct cfuzz_merge_files {
  struct cfuzz_merge_file *v;
  size_t n, cap;
};

/* A parsed control file. */
struct cfuzz_merge_control {
  struct cfuzz_merge_files files;
  size_t n_first;           /* files of the first (output) directory */
  size_t first_unprocessed; /* first file without a STARTED line */
  const char *last_failure; /* a file STARTED but not finished, or NULL */
};

/* Appends a file, taking ownership of name. */
void cfuzz_merge_files_push(struct cfuzz_merge_files *fs, char *name, size_t size);
void cfuzz_merge_files_free(struct cfuzz_merge_files *fs);

/* Adds the regular files under dir, walked as the corpus scan walks it
 * (dir_walk.h: recursive, dot names and links to directories left out);
 * then sorts all of fs by size, then name. An unreadable directory is a
 * warning. */
void cfuzz_merge_files_list_dir(struct cfuzz_merge_files *fs, const char *dir);

/* Parses text (modified: lines are cut at '\n'). Returns false on anything
 * malformed; m->files may then hold the files listed so far, to be freed.
 * With coverage, FT and COV lines are kept (FT sorted). */
bool cfuzz_merge_control_parse(char *text, bool coverage, struct cfuzz_merge_control *m);

/* Reads and parses path; false if it cannot be read or is malformed, with
 * nothing left to free. bytes (optional) gets the file's length. */
bool cfuzz_merge_control_read(const char *path, bool coverage, struct cfuzz_merge_control *m, size_t *bytes);

/* Writes a fresh control file at path listing old's files, then new's,
 * leaving out those already in known; returns how many it lists. A failure
 * to write is fatal (exit 1). */
size_t cfuzz_merge_control_write(const char *path, const struct cfuzz_merge_files *old,
                                 const struct cfuzz_merge_files *new, const struct cfuzz_merge_files *known);

#endif
