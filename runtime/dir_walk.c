/* dir_walk.c - the recursive directory walk (see dir_walk.h). Runs at start,
 * on the loop's periodic rescan and in merge mode, never per execution. */
#define _GNU_SOURCE
#include "dir_walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

enum cfuzz_dir_entry_kind cfuzz_dir_entry_kind(const char *path, unsigned char d_type) {
  struct stat st;
  if (d_type == DT_DIR)
    return CFUZZ_ENTRY_DIR;
  if (d_type == DT_UNKNOWN) {
    if (lstat(path, &st) != 0)
      return CFUZZ_ENTRY_OTHER; /* gone, or unreadable: the visitor reports it */
    if (S_ISDIR(st.st_mode))
      return CFUZZ_ENTRY_DIR;
    if (!S_ISLNK(st.st_mode))
      return CFUZZ_ENTRY_OTHER;
  } else if (d_type != DT_LNK) {
    return CFUZZ_ENTRY_OTHER;
  }
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? CFUZZ_ENTRY_LINK_TO_DIR : CFUZZ_ENTRY_OTHER;
}

struct walk_name {
  char *rel;
  unsigned char type;
};

static int compare_names(const void *a, const void *b) {
  return strcmp(((const struct walk_name *)a)->rel, ((const struct walk_name *)b)->rel);
}

/* Walks root/rel (rel "" for root itself). Names are sorted per directory
 * first: readdir order differs between file systems, and a -seed run should
 * load a corpus in a fixed order. */
static int walk_tree(const char *root, const char *rel, unsigned depth, const struct cfuzz_dir_walk *w) {
  char *dir = rel[0] ? cfuzz_path_join(root, rel) : cfuzz_xstrdup(root);
  DIR *d = opendir(dir);
  if (!d) {
    int saved = errno;
    free(dir);
    errno = saved;
    return -1;
  }
  struct walk_name *names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') {
      if (w->on_hidden)
        w->on_hidden(w->ctx, dir, de->d_name);
      continue;
    }
    char *name = rel[0] ? cfuzz_path_join(rel, de->d_name) : cfuzz_xstrdup(de->d_name);
    /* Asked before any lookup, DT_UNKNOWN names included: a known name is
     * a file the caller has seen, and a rescan then costs no lstat. */
    if (w->skip && de->d_type != DT_DIR && w->skip(w->ctx, name)) {
      free(name);
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      names = cfuzz_xrealloc(names, cap * sizeof *names);
    }
    names[n++] = (struct walk_name){name, de->d_type};
  }
  closedir(d);
  free(dir);
  if (n > 0) /* qsort wants a non-null array even for zero elements */
    qsort(names, n, sizeof *names, compare_names);
  for (size_t i = 0; i < n; i++) {
    const char *name = names[i].rel;
    char *path = cfuzz_path_join(root, name);
    switch (cfuzz_dir_entry_kind(path, names[i].type)) {
    case CFUZZ_ENTRY_DIR:
      if (depth < CFUZZ_DIR_WALK_MAX_DEPTH && walk_tree(root, name, depth + 1, w) != 0)
        cfuzz_warn("cannot read directory '%s': %s; skipped", path, strerror(errno));
      break;
    case CFUZZ_ENTRY_LINK_TO_DIR:
      break;
    case CFUZZ_ENTRY_OTHER:
      w->visit(w->ctx, name, path);
      break;
    }
    free(path);
    free(names[i].rel);
  }
  free(names);
  return 0;
}

int cfuzz_dir_walk(const char *root, const struct cfuzz_dir_walk *walk) {
  return walk_tree(root, "", 0, walk);
}
