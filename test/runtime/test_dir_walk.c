/* test_dir_walk.c - the directory walk shared by the corpus scan and merge:
 * an entry's kind when readdir cannot tell (DT_UNKNOWN), name order, hidden
 * names, links, the skip hook, the depth limit, an unreadable root. */
#define _GNU_SOURCE
#include "check.h"
#include "temp_dir.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_walk.h"

struct seen {
  char rels[16][256];
  size_t n, hidden, deepest;
};

static void record(void *ctx, const char *rel, const char *path) {
  (void)path;
  struct seen *s = ctx;
  size_t depth = 0;
  for (const char *p = rel; *p; p++)
    depth += *p == '/';
  if (depth > s->deepest)
    s->deepest = depth;
  if (s->n < 16)
    snprintf(s->rels[s->n], sizeof s->rels[0], "%s", rel);
  s->n++;
}

static void count_hidden(void *ctx, const char *dir, const char *name) {
  (void)dir;
  struct seen *s = ctx;
  if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
    s->hidden++;
}

static bool skip_b(void *ctx, const char *rel) {
  (void)ctx;
  return strcmp(rel, "sub/b") == 0;
}

static void make_dir(const char *dir, const char *rel) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  CHECK(mkdir(path, 0700) == 0);
}

static void make_link(const char *dir, const char *target, const char *rel) {
  char path[4200], to[4200];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  snprintf(to, sizeof to, "%s/%s", dir, target);
  CHECK(symlink(to, path) == 0);
}

/* A file system that reports DT_UNKNOWN for every name (some network and
 * FUSE file systems do) must still be walked into: the kind comes from
 * lstat then, and a link to a directory stays unfollowed. */
static void test_kind(const char *dir) {
  char path[4200];
  make_dir(dir, "d");
  check_write_file(dir, "f", "x");
  make_link(dir, "d", "link-d");
  make_link(dir, "f", "link-f");
  /* "gone": a name removed between readdir and the lookup goes to the
   * visitor, which reports what it cannot read. */
  static const struct {
    const char *name;
    unsigned char d_type;
    enum cfuzz_dir_entry_kind kind;
  } cases[] = {
      {"d", DT_UNKNOWN, CFUZZ_ENTRY_DIR},
      {"d", DT_DIR, CFUZZ_ENTRY_DIR},
      {"f", DT_UNKNOWN, CFUZZ_ENTRY_OTHER},
      {"f", DT_REG, CFUZZ_ENTRY_OTHER},
      {"link-d", DT_UNKNOWN, CFUZZ_ENTRY_LINK_TO_DIR},
      {"link-d", DT_LNK, CFUZZ_ENTRY_LINK_TO_DIR},
      {"link-f", DT_UNKNOWN, CFUZZ_ENTRY_OTHER},
      {"link-f", DT_LNK, CFUZZ_ENTRY_OTHER},
      {"gone", DT_UNKNOWN, CFUZZ_ENTRY_OTHER},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
    enum cfuzz_dir_entry_kind kind = cfuzz_dir_entry_kind(path, cases[i].d_type);
    if (kind != cases[i].kind)
      fprintf(stderr, "%s with d_type %d: kind %d, expected %d\n", cases[i].name, cases[i].d_type, kind,
              cases[i].kind);
    CHECK(kind == cases[i].kind);
  }
}

/* Name order with subdirectories where they fall, hidden names reported and
 * left out, a link to a file visited and one to a directory not, the skip
 * hook asked before the visit. */
static void test_walk(const char *dir) {
  make_dir(dir, "sub");
  make_dir(dir, ".git");
  check_write_file(dir, "z", "z");
  check_write_file(dir, "a", "a");
  check_write_file(dir, "sub/b", "b");
  check_write_file(dir, "sub/c", "c");
  check_write_file(dir, ".tmp", "t");
  check_write_file(dir, ".git/x", "x");
  make_link(dir, "sub", "sub/up");
  make_link(dir, "a", "link-a");
  struct seen s = {0};
  struct cfuzz_dir_walk walk = {count_hidden, skip_b, record, &s};
  CHECK(cfuzz_dir_walk(dir, &walk) == 0);
  CHECK(s.n == 4 && s.hidden == 2);
  if (s.n == 4) {
    CHECK(strcmp(s.rels[0], "a") == 0);
    CHECK(strcmp(s.rels[1], "link-a") == 0);
    CHECK(strcmp(s.rels[2], "sub/c") == 0);
    CHECK(strcmp(s.rels[3], "z") == 0);
  }
}

/* A tree deeper than the limit is walked to the limit and no further. */
static void test_depth(const char *dir) {
  char rel[4000] = "d";
  make_dir(dir, rel);
  for (int i = 0; i < CFUZZ_DIR_WALK_MAX_DEPTH + 3; i++) {
    char file[4100];
    snprintf(file, sizeof file, "%s/f", rel);
    check_write_file(dir, file, "f");
    strcat(rel, "/d");
    make_dir(dir, rel);
  }
  struct seen s = {0};
  struct cfuzz_dir_walk walk = {NULL, NULL, record, &s};
  CHECK(cfuzz_dir_walk(dir, &walk) == 0);
  CHECK(s.n == CFUZZ_DIR_WALK_MAX_DEPTH);
  CHECK(s.deepest == CFUZZ_DIR_WALK_MAX_DEPTH);
}

static void test_missing_root(const char *dir) {
  char path[4200];
  snprintf(path, sizeof path, "%s/none", dir);
  struct seen s = {0};
  struct cfuzz_dir_walk walk = {NULL, NULL, record, &s};
  errno = 0;
  CHECK(cfuzz_dir_walk(path, &walk) == -1 && errno == ENOENT && s.n == 0);
}

int main(void) {
  char *dir = check_temp_dir("dir-walk-kind");
  test_kind(dir);
  check_temp_dir_done(dir);
  dir = check_temp_dir("dir-walk");
  test_walk(dir);
  check_temp_dir_done(dir);
  dir = check_temp_dir("dir-walk-depth");
  test_depth(dir);
  test_missing_root(dir);
  check_temp_dir_done(dir);
  return check_finish("dir_walk");
}
