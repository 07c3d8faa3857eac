/* Files a corpus no longer needs, kept for reuse instead of being unlinked.
 *
 * Every entry file is written under a temporary name and renamed into place
 * (corpus.h). Replaced and dropped entries' files are renamed back to
 * temporary names here and the next writes reuse them, so a corpus that
 * churns through thousands of entries neither frees nor allocates inodes.
 * On ext4 without a journal, creating a file scans past every inode deleted
 * in the last minute or more; at pcre2's churn that was up to a quarter of
 * the fuzzer's time. Spares carry the usual temporary names, so the cleanup of a
 * dead process's temporaries also covers them.
 *
 * The pool has no cap, and needs none: a write takes a spare before it
 * creates a file, so this process's entry files and spares together never
 * outnumber its entry files at their peak. */
#ifndef CFUZZ_SPARE_FILES_H
#define CFUZZ_SPARE_FILES_H

#include <stddef.h>

/* Temporary files in one directory: `.cfuzz-tmp-<pid>-<n>`. */
struct cfuzz_spare_files {
  unsigned counter;  /* the next <n> */
  unsigned *spares;  /* <n> of each spare */
  size_t n, cap;
};

#define CFUZZ_TMP_PATH_MAX 4096

/* Writes data to a temporary file in dir: a spare if there is one, else a
 * new file. A spare's old bytes are overwritten and then cut to len, which
 * frees a disk block only where the file shrinks past one; emptying it first
 * freed them all, and on a file system mounted with `discard` every free
 * waits for the disk. Puts the path in tmp and returns the open fd, or -1
 * (errno) with no file left behind. */
int cfuzz_spare_files_write(struct cfuzz_spare_files *s, const char *dir, const void *data, size_t len,
                            char tmp[CFUZZ_TMP_PATH_MAX]);

/* Takes dir/name out of the directory's entries: renamed to a spare, or
 * unlinked if s is NULL. Returns 0 or -1 (errno); a missing file counts as
 * taken. */
int cfuzz_spare_files_retire(struct cfuzz_spare_files *s, const char *dir, const char *name);

/* Unlinks every spare and frees the pool. */
void cfuzz_spare_files_clear(struct cfuzz_spare_files *s, const char *dir);

#endif
