/* merge_control.c - the merge's file list and control file (see
 * merge_control.h). */
#define _GNU_SOURCE
#include "merge_control.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_walk.h"
#include "util.h"

#define MAX_CONTROL_FILES 10000000

void cfuzz_merge_files_push(struct cfuzz_merge_files *fs, char *name, size_t size) {
  if (fs->n == fs->cap) {
    fs->cap = fs->cap ? fs->cap * 2 : 64;
    fs->v = cfuzz_xrealloc(fs->v, fs->cap * sizeof *fs->v);
  }
  fs->v[fs->n++] = (struct cfuzz_merge_file){.name = name, .size = size};
}

void cfuzz_merge_files_free(struct cfuzz_merge_files *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    free(fs->v[i].name);
    free(fs->v[i].ft);
    free(fs->v[i].cov);
  }
  free(fs->v);
  memset(fs, 0, sizeof *fs);
}

/* ---- Listing the corpus directories ---- */

/* Regular files, links to them included; other entries (sockets, broken
 * links) are not inputs. */
static void push_if_regular(void *ctx, const char *rel, const char *path) {
  (void)rel;
  struct stat st;
  if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
    cfuzz_merge_files_push(ctx, cfuzz_xstrdup(path), (size_t)st.st_size);
}

static int by_size_then_name(const void *a, const void *b) {
  const struct cfuzz_merge_file *x = a, *y = b;
  if (x->size != y->size)
    return x->size < y->size ? -1 : 1;
  return strcmp(x->name, y->name);
}

void cfuzz_merge_files_list_dir(struct cfuzz_merge_files *fs, const char *dir) {
  struct cfuzz_dir_walk walk = {NULL, NULL, push_if_regular, fs};
  if (cfuzz_dir_walk(dir, &walk) != 0)
    cfuzz_warn("cannot read directory '%s': %s", dir, strerror(errno));
  if (fs->n > 0) /* qsort wants a non-null array even for zero elements */
    qsort(fs->v, fs->n, sizeof *fs->v, by_size_then_name);
}

/* ---- The control file ---- */

static bool parse_size(const char **p, size_t *out) {
  while (**p == ' ')
    (*p)++;
  if (**p < '0' || **p > '9')
    return false;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(*p, &end, 10);
  if (errno)
    return false;
  *p = end;
  *out = (size_t)v;
  return true;
}

/* Parses the numbers after "FT i" / "COV i" into a malloc'd array. Features
 * are 32-bit, as in libFuzzer's control files; a wider number or anything
 * but numbers makes the line malformed (NULL) rather than silently cut. */
static uint32_t *parse_numbers(const char *p, size_t *n) {
  size_t cap = 16, count = 0, v;
  uint32_t *nums = cfuzz_xmalloc(cap * sizeof *nums);
  while (parse_size(&p, &v)) {
    if (v > UINT32_MAX) {
      free(nums);
      return NULL;
    }
    if (count == cap)
      nums = cfuzz_xrealloc(nums, (cap *= 2) * sizeof *nums);
    nums[count++] = (uint32_t)v;
  }
  while (*p == ' ')
    p++;
  if (*p != '\0') {
    free(nums);
    return NULL;
  }
  *n = count;
  return nums;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

bool cfuzz_merge_control_parse(char *text, bool coverage, struct cfuzz_merge_control *m) {
  memset(m, 0, sizeof *m);
  char *save;
  char *line = strtok_r(text, "\n", &save);
  const char *p = line;
  size_t n_files, n_first;
  if (!line || !parse_size(&p, &n_files) || n_files == 0 || n_files > MAX_CONTROL_FILES)
    return false;
  line = strtok_r(NULL, "\n", &save);
  p = line;
  if (!line || !parse_size(&p, &n_first) || n_first > n_files)
    return false;
  m->n_first = n_first;
  for (size_t i = 0; i < n_files; i++) {
    /* File names are whole lines; an empty line is no file name. */
    line = strtok_r(NULL, "\n", &save);
    if (!line)
      return false;
    cfuzz_merge_files_push(&m->files, cfuzz_xstrdup(line), 0);
  }
  size_t expected = 0, started = SIZE_MAX;
  while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
    size_t id;
    if (strncmp(line, "STARTED ", 8) == 0) {
      p = line + 8;
      if (!parse_size(&p, &id) || id != expected || id >= n_files || !parse_size(&p, &m->files.v[id].size))
        return false;
      started = expected++;
    } else if (strncmp(line, "FT ", 3) == 0) {
      p = line + 3;
      if (!parse_size(&p, &id) || id != started)
        return false;
      started = SIZE_MAX;
      if (coverage) {
        struct cfuzz_merge_file *f = &m->files.v[id];
        free(f->ft);
        f->n_ft = 0;
        if ((f->ft = parse_numbers(p, &f->n_ft)) == NULL)
          return false;
        qsort(f->ft, f->n_ft, sizeof *f->ft, cmp_u32);
      }
    } else if (strncmp(line, "COV ", 4) == 0) {
      p = line + 4;
      if (!parse_size(&p, &id) || id >= expected)
        return false;
      if (coverage) {
        struct cfuzz_merge_file *f = &m->files.v[id];
        free(f->cov);
        f->n_cov = 0;
        if ((f->cov = parse_numbers(p, &f->n_cov)) == NULL)
          return false;
      }
    } else {
      return false;
    }
  }
  if (started != SIZE_MAX)
    m->last_failure = m->files.v[started].name;
  m->first_unprocessed = expected;
  return true;
}

bool cfuzz_merge_control_read(const char *path, bool coverage, struct cfuzz_merge_control *m, size_t *bytes) {
  uint8_t *data;
  size_t len;
  memset(m, 0, sizeof *m);
  if (cfuzz_read_file(path, SIZE_MAX / 2, &data, &len) != 0)
    return false;
  char *text = cfuzz_xrealloc(data, len + 1);
  text[len] = '\0';
  if (bytes)
    *bytes = len;
  bool ok = cfuzz_merge_control_parse(text, coverage, m);
  free(text);
  if (!ok)
    cfuzz_merge_files_free(&m->files);
  return ok;
}

/* The names of the known files, sorted once: a reused control file may list
 * as many files as the corpus, and each listed file is looked up. */
struct known_names {
  const char **v;
  size_t n;
};

static int compare_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static struct known_names known_names_of(const struct cfuzz_merge_files *known) {
  struct known_names k = {.v = cfuzz_xcalloc(known->n + 1, sizeof(char *)), .n = known->n};
  for (size_t i = 0; i < known->n; i++)
    k.v[i] = known->v[i].name;
  qsort(k.v, k.n, sizeof *k.v, compare_names);
  return k;
}

static bool is_known(const struct known_names *known, const char *name) {
  return known->n && bsearch(&name, known->v, known->n, sizeof *known->v, compare_names) != NULL;
}

size_t cfuzz_merge_control_write(const char *path, const struct cfuzz_merge_files *old,
                                 const struct cfuzz_merge_files *new, const struct cfuzz_merge_files *known) {
  struct known_names k = known_names_of(known);
  unlink(path);
  FILE *f = fopen(path, "we");
  size_t n_old = 0, n = 0;
  for (size_t i = 0; i < old->n; i++)
    n_old += !is_known(&k, old->v[i].name);
  n = n_old;
  for (size_t i = 0; i < new->n; i++)
    n += !is_known(&k, new->v[i].name);
  bool ok = f != NULL && fprintf(f, "%zu\n%zu\n", n, n_old) > 0;
  for (size_t i = 0; ok && i < old->n; i++)
    if (!is_known(&k, old->v[i].name))
      ok = fprintf(f, "%s\n", old->v[i].name) > 0;
  for (size_t i = 0; ok && i < new->n; i++)
    if (!is_known(&k, new->v[i].name))
      ok = fprintf(f, "%s\n", new->v[i].name) > 0;
  free(k.v);
  if (f && fclose(f) != 0)
    ok = false;
  if (!ok) {
    fprintf(cfuzz_err(), "MERGE-OUTER: failed to write to the control file: %s\n", path);
    exit(CFUZZ_EXIT_USAGE);
  }
  return n;
}
