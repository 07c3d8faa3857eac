/* merge.c - crash-resistant corpus merge (see merge.h). The outer process
 * lists, spawns and selects; the inner one (a child) runs the inputs. */
#define _GNU_SOURCE
#include "merge.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "corpus.h"
#include "crash.h"
#include "instrumentation.h"
#include "modules.h"
#include "report.h"
#include "run_coverage.h"
#include "run_target.h"
#include "stop_request.h"
#include "util.h"

/* Inputs longer than this are cut when -max_len is not given (libFuzzer's
 * merge default). */
#define MERGE_DEFAULT_MAX_LEN (1u << 20)
#define MAX_CONTROL_FILES 10000000

struct merge_file {
  char *name;
  size_t size;
  uint32_t *ft, *cov; /* sorted features; PCs first seen with this file */
  size_t n_ft, n_cov;
};

struct merge_files {
  struct merge_file *v;
  size_t n, cap;
};

/* A parsed control file. */
struct merge_control {
  struct merge_files files;
  size_t n_first;           /* files of the first (output) directory */
  size_t first_unprocessed; /* first file without a STARTED line */
  const char *last_failure; /* a file STARTED but not finished, or NULL */
};

static void files_push(struct merge_files *fs, char *name, size_t size) {
  if (fs->n == fs->cap) {
    fs->cap = fs->cap ? fs->cap * 2 : 64;
    fs->v = cfuzz_xrealloc(fs->v, fs->cap * sizeof *fs->v);
  }
  fs->v[fs->n++] = (struct merge_file){.name = name, .size = size};
}

static void files_free(struct merge_files *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    free(fs->v[i].name);
    free(fs->v[i].ft);
    free(fs->v[i].cov);
  }
  free(fs->v);
  memset(fs, 0, sizeof *fs);
}

/* ---- Listing the corpus directories ---- */

/* Adds the regular files under dir, recursively (as libFuzzer reads corpora),
 * skipping dot files (cfuzz's temporary files). */
static void list_dir(const char *dir, struct merge_files *out) {
  DIR *d = opendir(dir);
  if (!d) {
    cfuzz_warn("cannot read directory '%s': %s", dir, strerror(errno));
    return;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char *path = cfuzz_path_join(dir, e->d_name);
    struct stat st;
    if (e->d_type == DT_DIR) {
      list_dir(path, out);
      free(path);
    } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
      files_push(out, path, (size_t)st.st_size);
    } else {
      free(path);
    }
  }
  closedir(d);
}

static int by_size_then_name(const void *a, const void *b) {
  const struct merge_file *x = a, *y = b;
  if (x->size != y->size)
    return x->size < y->size ? -1 : 1;
  return strcmp(x->name, y->name);
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

/* Parses the numbers after "FT i" / "COV i" into a malloc'd array. */
static uint32_t *parse_numbers(const char *p, size_t *n) {
  size_t cap = 16, count = 0, v;
  uint32_t *nums = cfuzz_xmalloc(cap * sizeof *nums);
  while (parse_size(&p, &v)) {
    if (count == cap)
      nums = cfuzz_xrealloc(nums, (cap *= 2) * sizeof *nums);
    nums[count++] = (uint32_t)v;
  }
  *n = count;
  return nums;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* Parses text (modified: lines are cut at '\n'). Returns false on anything
 * malformed. With coverage, FT and COV lines are kept. */
static bool parse_control(char *text, bool coverage, struct merge_control *m) {
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
    files_push(&m->files, cfuzz_xstrdup(line), 0);
  }
  size_t expected = 0, started = SIZE_MAX;
  while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
    size_t id;
    if (strncmp(line, "STARTED ", 8) == 0) {
      p = line + 8;
      if (!parse_size(&p, &id) || id != expected || !parse_size(&p, &m->files.v[id].size))
        return false;
      started = expected++;
    } else if (strncmp(line, "FT ", 3) == 0) {
      p = line + 3;
      if (!parse_size(&p, &id) || id != started)
        return false;
      started = SIZE_MAX;
      if (coverage) {
        struct merge_file *f = &m->files.v[id];
        free(f->ft);
        f->ft = parse_numbers(p, &f->n_ft);
        qsort(f->ft, f->n_ft, sizeof *f->ft, cmp_u32);
      }
    } else if (strncmp(line, "COV ", 4) == 0) {
      p = line + 4;
      if (!parse_size(&p, &id) || id >= expected)
        return false;
      if (coverage) {
        struct merge_file *f = &m->files.v[id];
        free(f->cov);
        f->cov = parse_numbers(p, &f->n_cov);
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

/* Reads and parses path; false if it cannot be read or is malformed. */
static bool read_control(const char *path, bool coverage, struct merge_control *m, size_t *bytes) {
  uint8_t *data;
  size_t len;
  memset(m, 0, sizeof *m);
  if (cfuzz_read_file(path, SIZE_MAX / 2, &data, &len) != 0)
    return false;
  char *text = cfuzz_xrealloc(data, len + 1);
  text[len] = '\0';
  if (bytes)
    *bytes = len;
  bool ok = parse_control(text, coverage, m);
  free(text);
  if (!ok)
    files_free(&m->files);
  return ok;
}

static size_t file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

static bool is_known(const struct merge_files *known, const char *name) {
  for (size_t i = 0; i < known->n; i++)
    if (strcmp(known->v[i].name, name) == 0)
      return true;
  return false;
}

/* Writes a fresh control file listing the files not already in `known`;
 * returns how many it lists. A failure to write is fatal (exit 1). */
static size_t write_new_control(const char *path, const struct merge_files *old, const struct merge_files *new,
                                const struct merge_files *known) {
  unlink(path);
  FILE *f = fopen(path, "we");
  size_t n_old = 0, n = 0;
  for (size_t i = 0; i < old->n; i++)
    n_old += !is_known(known, old->v[i].name);
  n = n_old;
  for (size_t i = 0; i < new->n; i++)
    n += !is_known(known, new->v[i].name);
  bool ok = f != NULL && fprintf(f, "%zu\n%zu\n", n, n_old) > 0;
  for (size_t i = 0; ok && i < old->n; i++)
    if (!is_known(known, old->v[i].name))
      ok = fprintf(f, "%s\n", old->v[i].name) > 0;
  for (size_t i = 0; ok && i < new->n; i++)
    if (!is_known(known, new->v[i].name))
      ok = fprintf(f, "%s\n", new->v[i].name) > 0;
  if (f && fclose(f) != 0)
    ok = false;
  if (!ok) {
    fprintf(cfuzz_err(), "MERGE-OUTER: failed to write to the control file: %s\n", path);
    exit(CFUZZ_EXIT_USAGE);
  }
  return n;
}

/* ---- Choosing the files to add ---- */

/* A set of features as a growable bitmap. */
struct feature_set {
  uint64_t *bits;
  size_t n_words, count;
};

static bool fs_has(const struct feature_set *s, uint32_t f) {
  return f / 64 < s->n_words && (s->bits[f / 64] >> (f % 64) & 1);
}

static bool fs_add(struct feature_set *s, uint32_t f) {
  if (f / 64 >= s->n_words) {
    size_t n = (f / 64 + 1) * 2;
    s->bits = cfuzz_xrealloc(s->bits, n * sizeof *s->bits);
    memset(s->bits + s->n_words, 0, (n - s->n_words) * sizeof *s->bits);
    s->n_words = n;
  }
  if (fs_has(s, f))
    return false;
  s->bits[f / 64] |= 1ull << (f % 64);
  s->count++;
  return true;
}

static int by_size_then_more_features(const void *a, const void *b) {
  const struct merge_file *x = a, *y = b;
  if (x->size != y->size)
    return x->size < y->size ? -1 : 1;
  if (x->n_ft != y->n_ft)
    return x->n_ft > y->n_ft ? -1 : 1;
  return strcmp(x->name, y->name);
}

struct merge_result {
  const char **files; /* names to add, in order */
  size_t n_files, n_features, n_cov;
};

/* New coverage edges: PCs first seen with a file outside the first corpus. */
static size_t count_new_cov(const struct merge_control *m) {
  struct feature_set old = {0}, new = {0};
  for (size_t i = 0; i < m->files.n; i++)
    for (size_t j = 0; j < m->files.v[i].n_cov; j++)
      fs_add(i < m->n_first ? &old : &new, m->files.v[i].cov[j]);
  size_t n = 0;
  for (size_t w = 0; w < new.n_words; w++)
    n += (size_t)__builtin_popcountll(new.bits[w] & ~(w < old.n_words ? old.bits[w] : 0));
  free(old.bits);
  free(new.bits);
  return n;
}

/* libFuzzer's -merge=1: smallest files first (more features first among
 * equals); a file is added if it has a feature nothing before it had. */
static void choose_greedy(struct merge_control *m, struct merge_result *r) {
  struct feature_set all = {0};
  for (size_t i = 0; i < m->n_first; i++)
    for (size_t j = 0; j < m->files.v[i].n_ft; j++)
      fs_add(&all, m->files.v[i].ft[j]);
  for (size_t i = m->n_first; i < m->files.n; i++) {
    struct merge_file *f = &m->files.v[i];
    size_t kept = 0;
    for (size_t j = 0; j < f->n_ft; j++)
      if (!fs_has(&all, f->ft[j]))
        f->ft[kept++] = f->ft[j];
    f->n_ft = kept;
  }
  qsort(m->files.v + m->n_first, m->files.n - m->n_first, sizeof *m->files.v, by_size_then_more_features);
  size_t before = all.count;
  for (size_t i = m->n_first; i < m->files.n; i++) {
    const struct merge_file *f = &m->files.v[i];
    bool added = false;
    for (size_t j = 0; j < f->n_ft; j++)
      added |= fs_add(&all, f->ft[j]);
    if (added)
      r->files[r->n_files++] = f->name;
  }
  r->n_features = all.count - before;
  free(all.bits);
}

/* libFuzzer's -set_cover_merge=1: repeatedly add the file with the most
 * features not yet covered (the smaller one among equals). */
static void choose_set_cover(struct merge_control *m, struct merge_result *r) {
  struct feature_set covered = {0};
  for (size_t i = 0; i < m->n_first; i++)
    for (size_t j = 0; j < m->files.v[i].n_ft; j++)
      fs_add(&covered, m->files.v[i].ft[j]);
  size_t before = covered.count;
  size_t n_rest = m->files.n - m->n_first;
  bool *used = cfuzz_xcalloc(n_rest + 1, sizeof *used);
  for (;;) {
    size_t best = SIZE_MAX, best_new = 0;
    for (size_t k = 0; k < n_rest; k++) {
      if (used[k])
        continue;
      const struct merge_file *f = &m->files.v[m->n_first + k];
      size_t fresh = 0;
      for (size_t j = 0; j < f->n_ft; j++)
        fresh += !fs_has(&covered, f->ft[j]);
      if (fresh == 0)
        used[k] = true;
      else if (fresh > best_new || (fresh == best_new && f->size < m->files.v[m->n_first + best].size))
        best = k, best_new = fresh;
    }
    if (best == SIZE_MAX)
      break;
    used[best] = true;
    const struct merge_file *f = &m->files.v[m->n_first + best];
    for (size_t j = 0; j < f->n_ft; j++)
      fs_add(&covered, f->ft[j]);
    r->files[r->n_files++] = f->name;
  }
  r->n_features = covered.count - before;
  free(used);
  free(covered.bits);
}

/* ---- The outer process ---- */

/* The outer process writes the control file: a file-size limit (ulimit -f)
 * kills it with SIGXFSZ, reported as libFuzzer does. The handler takes no
 * argument, hence the static. */
static int xfsz_exit_code;

static void on_file_size_exceeded(int sig) {
  (void)sig;
  char line[96];
  int n = snprintf(line, sizeof line, "==%ld== ERROR: libFuzzer: file size exceeded\n", (long)getpid());
  cfuzz_write_all(cfuzz_err_fd(), line, (size_t)n);
  _exit(xfsz_exit_code);
}

static char *temp_control_path(void) {
  const char *tmp = getenv("TMPDIR");
  char name[64];
  /* libFuzzer's name for it: tools that clean up after libFuzzer find it. */
  snprintf(name, sizeof name, "libFuzzerTemp.Merge%ld.txt", (long)getpid());
  return cfuzz_path_join(tmp && *tmp ? tmp : "/tmp", name);
}

/* Copies the chosen files into dir (cut to -max_len), named by SHA-1. */
static void add_files(const struct cfuzz_flags *flags, const char *dir, const struct merge_result *r) {
  struct cfuzz_spare_files tmp_files = {0};
  for (size_t i = 0; i < r->n_files; i++) {
    uint8_t *data;
    size_t len;
    if (cfuzz_read_file(r->files[i], SIZE_MAX / 2, &data, &len) != 0) {
      cfuzz_warn("cannot read '%s': %s; not added", r->files[i], strerror(errno));
      continue;
    }
    if (flags->max_len > 0 && len > (size_t)flags->max_len)
      len = (size_t)flags->max_len;
    char name[CFUZZ_SHA1_HEX_LEN + 1];
    if (cfuzz_corpus_write_file(dir, data, len, &tmp_files, name) != 0)
      cfuzz_fatal("cannot write into corpus directory '%s': %s", dir, strerror(errno));
    free(data);
  }
}

int cfuzz_merge_run(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *dirs,
                    size_t n_dirs) {
  if (n_dirs < 2) {
    fprintf(cfuzz_err(), "INFO: Merge requires two or more corpus dirs\n");
    return 0;
  }
  xfsz_exit_code = (int)flags->error_exitcode;
  signal(SIGXFSZ, on_file_size_exceeded);
  struct merge_files old = {0}, new = {0};
  list_dir(dirs[0], &old);
  for (size_t i = 1; i < n_dirs; i++)
    list_dir(dirs[i], &new);
  qsort(old.v, old.n, sizeof *old.v, by_size_then_name);
  qsort(new.v, new.n, sizeof *new.v, by_size_then_name);
  if (old.n + new.n == 0) {
    fprintf(cfuzz_err(), "MERGE-OUTER: no input files, nothing to merge\n");
    return 0;
  }
  char *cf = flags->merge_control_file ? cfuzz_xstrdup(flags->merge_control_file) : temp_control_path();

  size_t attempts = 0;
  struct merge_control known = {0};
  if (file_size(cf) > 0) {
    fprintf(cfuzz_err(), "MERGE-OUTER: non-empty control file provided: '%s'\n", cf);
    struct merge_control m;
    if (read_control(cf, true, &m, NULL)) {
      fprintf(cfuzz_err(), "MERGE-OUTER: control file ok, %zu files total, first not processed file %zu\n",
              m.files.n, m.first_unprocessed);
      if (m.last_failure)
        fprintf(cfuzz_err(), "MERGE-OUTER: '%s' will be skipped as unlucky (merge has stumbled on it the last time)\n",
                m.last_failure);
      if (m.first_unprocessed >= m.files.n) {
        if (m.files.n == old.n + new.n) {
          fprintf(cfuzz_err(), "MERGE-OUTER: nothing to do, merge has been completed before\n");
          files_free(&m.files);
          files_free(&old);
          files_free(&new);
          free(cf);
          return 0;
        }
        fprintf(cfuzz_err(), "MERGE-OUTER: starting merge from scratch, but reusing coverage information from "
                        "the given control file\n");
        known = m;
      } else {
        attempts = m.files.n - m.first_unprocessed;
        files_free(&m.files);
      }
    } else {
      fprintf(cfuzz_err(), "MERGE-OUTER: bad control file, will overwrite it\n");
    }
  }
  if (!attempts) {
    fprintf(cfuzz_err(), "MERGE-OUTER: %zu files, %zu in the initial corpus, %zu processed earlier\n", old.n + new.n,
            old.n, known.files.n);
    attempts = write_new_control(cf, &old, &new, &known.files);
  }

  /* Each child runs at least one input (the one after the last that
   * failed), so this many attempts always finish the list. */
  static const char *const drop[] = {"merge",      "set_cover_merge", "fork", "jobs", "workers",
                                     "merge_inner", "merge_control_file", "collect_data_flow", NULL};
  struct cfuzz_command cmd;
  cfuzz_command_init(&cmd, argc, argv, drop, NULL);
  cfuzz_command_add_flag(&cmd, "merge_control_file", cf);
  cfuzz_command_add_flag(&cmd, "merge_inner", flags->set_cover_merge ? "2" : "1");
  cfuzz_stop_defer(true);
  for (size_t attempt = 1; attempt <= attempts && !cfuzz_stop_requested; attempt++) {
    fprintf(cfuzz_err(), "MERGE-OUTER: attempt %zu\n", attempt);
    int rc = cfuzz_command_run(&cmd, NULL, false);
    if (rc == 0) {
      fprintf(cfuzz_err(), "MERGE-OUTER: successful in %zu attempt(s)\n", attempt);
      break;
    }
    if (rc < 0 || rc == 127)
      cfuzz_fatal("cannot run the merge step '/proc/self/exe': exit status %d", rc);
  }
  cfuzz_command_free(&cmd);
  if (cfuzz_stop_requested) {
    /* Asked to stop: nothing is merged; a -merge_control_file lets the
     * next run resume where the steps stopped. */
    if (!flags->merge_control_file)
      unlink(cf);
    _exit(cfuzz_stop_report());
  }
  cfuzz_stop_defer(false);

  struct merge_control m;
  size_t bytes = 0;
  if (!read_control(cf, true, &m, &bytes)) {
    fprintf(cfuzz_err(), "MERGE: failed to parse the control file (unexpected error)\n");
    exit(CFUZZ_EXIT_USAGE);
  }
  fprintf(cfuzz_err(), "MERGE-OUTER: the control file has %zu bytes\n", bytes);
  for (size_t i = 0; i < known.files.n; i++) {
    struct merge_file *k = &known.files.v[i];
    files_push(&m.files, k->name, k->size);
    m.files.v[m.files.n - 1].ft = k->ft, m.files.v[m.files.n - 1].n_ft = k->n_ft;
    m.files.v[m.files.n - 1].cov = k->cov, m.files.v[m.files.n - 1].n_cov = k->n_cov;
  }
  free(known.files.v);

  struct merge_result r = {.files = cfuzz_xcalloc(m.files.n + 1, sizeof(char *))};
  r.n_cov = count_new_cov(&m);
  if (flags->set_cover_merge)
    choose_set_cover(&m, &r);
  else
    choose_greedy(&m, &r);
  fprintf(cfuzz_err(), "MERGE-OUTER: %zu new files with %zu new features added; %zu new coverage edges\n", r.n_files,
          r.n_features, r.n_cov);
  add_files(flags, dirs[0], &r);

  if (!flags->merge_control_file)
    unlink(cf);
  free(r.files);
  files_free(&m.files);
  files_free(&old);
  files_free(&new);
  free(cf);
  return 0;
}

/* ---- The inner process ---- */

/* Appends " n" to a growable line. */
struct line {
  char *buf;
  size_t len, cap;
};

static void line_printf(struct line *l, const char *fmt, unsigned long a, unsigned long b) {
  for (;;) {
    size_t room = l->cap - l->len;
    int n = snprintf(l->buf + l->len, room, fmt, a, b);
    if (n >= 0 && (size_t)n < room) {
      l->len += (size_t)n;
      return;
    }
    l->cap = l->cap * 2 + 64;
    l->buf = cfuzz_xrealloc(l->buf, l->cap);
  }
}

static void append_line(int fd, const struct line *l, const char *path) {
  if (!cfuzz_write_all(fd, l->buf, l->len))
    cfuzz_fatal("cannot append to the control file '%s': %s", path, strerror(errno));
}

int cfuzz_merge_inner(const struct cfuzz_flags *flags, cfuzz_test_one_fn test_one, void *ctx) {
  const char *cf = flags->merge_control_file;
  if (!cf)
    cfuzz_fatal("-merge_inner needs -merge_control_file");
  bool set_cover = strcmp(flags->merge_inner, "2") == 0;
  fprintf(cfuzz_err(), "MERGE-INNER: using the control file '%s'\n", cf);
  struct merge_control m;
  if (!read_control(cf, false, &m, NULL)) {
    fprintf(cfuzz_err(), "MERGE: failed to parse the control file (unexpected error)\n");
    exit(CFUZZ_EXIT_USAGE);
  }
  if (m.last_failure)
    fprintf(cfuzz_err(), "MERGE-INNER: '%s' caused a failure at the previous merge step\n", m.last_failure);
  fprintf(cfuzz_err(), "MERGE-INNER: %zu total files; %zu processed earlier; will process %zu files now\n", m.files.n,
          m.first_unprocessed, m.files.n - m.first_unprocessed);
  int fd = open(cf, O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0)
    cfuzz_fatal("cannot open the control file '%s': %s", cf, strerror(errno));

  struct cfuzz_modules modules;
  cfuzz_instr_add_extra_counters();
  cfuzz_modules_collect(&cfuzz_instr, &modules);
  uint64_t *run_bits = cfuzz_xcalloc(modules.n_words + 1, sizeof(uint64_t));
  uint64_t *seen = cfuzz_xcalloc(modules.n_words + 1, sizeof(uint64_t));
  size_t n_seen = 0;
  size_t max_len = flags->max_len > 0 ? (size_t)flags->max_len : MERGE_DEFAULT_MAX_LEN;
  static struct cfuzz_crash_context crash;
  cfuzz_crash_context_init(&crash, flags);
  cfuzz_crash_install(&crash);
  struct cfuzz_target target = {test_one, ctx};
  cfuzz_collect_run_bits(&cfuzz_instr, &modules, run_bits); /* constructors' coverage is no input's */
  double start = cfuzz_now();
  struct line l = {0};
  uint64_t runs = 0;
  cfuzz_stop_defer(true);
  for (size_t i = m.first_unprocessed; i < m.files.n; i++) {
    if (cfuzz_stop_requested)
      _exit(cfuzz_stop_report()); /* the control file is whole: each line is one write */
    uint8_t *data = NULL;
    size_t len = 0;
    if (cfuzz_read_file(m.files.v[i].name, SIZE_MAX / 2, &data, &len) != 0)
      cfuzz_warn("cannot read '%s': %s; merged as an empty input", m.files.v[i].name, strerror(errno));
    if (len > max_len)
      len = max_len;
    l.len = 0;
    line_printf(&l, "STARTED %lu %lu\n", (unsigned long)i, (unsigned long)len);
    append_line(fd, &l, cf);

    const uint8_t *input = data ? data : (const uint8_t *)"";
    crash.data = input;
    crash.len = len;
    int rc;
    enum cfuzz_run_status status = cfuzz_run_target(&crash, &target, input, len, &rc);
    runs++;
    if (status == CFUZZ_RUN_FAILED)
      cfuzz_crash_test_failed(&crash, "LLVMFuzzerTestOneInput", rc);
    crash.data = NULL;
    crash.len = 0;
    cfuzz_collect_run_bits(&cfuzz_instr, &modules, run_bits);

    /* Features are PCs. FT lists the ones this child had not seen (all of
     * them for set cover, which weighs every file's full set); COV the
     * ones new to this child. A rejected input (-1) has none. */
    struct line cov = {0};
    l.len = 0;
    line_printf(&l, "FT %lu", (unsigned long)i, 0);
    line_printf(&cov, "COV %lu", (unsigned long)i, 0);
    for (size_t w = 0; w < modules.n_words && status != CFUZZ_RUN_SKIPPED; w++) {
      for (uint64_t bits = run_bits[w]; bits; bits &= bits - 1) {
        unsigned long pc = (unsigned long)(w * 64 + (size_t)__builtin_ctzll(bits));
        bool fresh = !(seen[w] >> (pc % 64) & 1);
        if (fresh || set_cover)
          line_printf(&l, " %lu", pc, 0);
        if (fresh) {
          line_printf(&cov, " %lu", pc, 0);
          n_seen++;
        }
      }
      seen[w] |= run_bits[w];
    }
    line_printf(&l, "\n", 0, 0);
    line_printf(&cov, "\n", 0, 0);
    append_line(fd, &l, cf);
    append_line(fd, &cov, cf);
    free(cov.buf);
    free(data);

    bool pulse = (runs & (runs - 1)) == 0;
    if (pulse || runs == m.n_first) {
      struct cfuzz_status s = {.runs = runs, .cov = n_seen, .ft = n_seen, .elapsed = cfuzz_now() - start};
      cfuzz_report_status(pulse ? "pulse" : "LOADED", &s, 0, 0);
    }
  }
  struct cfuzz_status s = {.runs = runs, .cov = n_seen, .ft = n_seen, .elapsed = cfuzz_now() - start};
  cfuzz_report_status("DONE", &s, 0, 0);
  cfuzz_stop_defer(false);
  cfuzz_crash_uninstall();
  close(fd);
  free(l.buf);
  free(run_bits);
  free(seen);
  cfuzz_modules_free(&modules);
  files_free(&m.files);
  return 0;
}
