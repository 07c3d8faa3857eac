/* workdir.c - see workdir.h. */
#define _GNU_SOURCE
#include "workdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coverage_file.h"

static const char *const reproducer_kinds[] = {"crash-", "leak-", "timeout-", "oom-", "slow-unit-"};

bool view_plain_name(const char *name) {
  size_t n = strlen(name);
  if (n == 0 || n >= 256 || name[0] == '.')
    return false;
  for (size_t i = 0; i < n; i++)
    if (name[i] == '/' || (unsigned char)name[i] < 0x20 || name[i] == 0x7f)
      return false;
  return true;
}

static bool is_hex16(const char *s) {
  if (strlen(s) != 16)
    return false;
  for (int i = 0; i < 16; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
      return false;
  return true;
}

char *view_find_coverage_file(const char *workdir, const uint8_t *want_id, size_t want_len, char *err,
                              size_t err_len) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/v", workdir);
  DIR *d = opendir(dir);
  if (!d) {
    snprintf(err, err_len, "'%s' is not a cfuzz work directory: cannot open '%s': %s (has a fuzzer run "
             "with -workdir=%s yet?)", workdir, dir, strerror(errno), workdir);
    return NULL;
  }
  char best[4400] = "", match[4400] = "";
  struct timespec best_time = {0, 0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!is_hex16(e->d_name))
      continue;
    char path[4400];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
      continue;
    if (!best[0] || st.st_mtim.tv_sec > best_time.tv_sec ||
        (st.st_mtim.tv_sec == best_time.tv_sec && st.st_mtim.tv_nsec > best_time.tv_nsec)) {
      best_time = st.st_mtim;
      snprintf(best, sizeof best, "%s", path);
    }
    if (want_len > 0 && !match[0]) {
      struct cfuzz_coverage_reader r;
      char ignored[512];
      if (cfuzz_coverage_reader_open(&r, path, ignored, sizeof ignored) == 0) {
        if (r.module_count > 0 && r.modules[0].build_id_len == want_len &&
            memcmp(r.modules[0].build_id, want_id, want_len) == 0)
          snprintf(match, sizeof match, "%s", path);
        cfuzz_coverage_reader_close(&r);
      }
    }
  }
  closedir(d);
  if (match[0])
    return strdup(match);
  if (best[0])
    return strdup(best);
  snprintf(err, err_len, "no coverage file in '%s' yet (a fuzzer creates it when it starts)", dir);
  return NULL;
}

/* Joins a recorded path to the recorded working directory. */
static char *resolve(const char *cwd, const char *p) {
  char *out;
  if (p[0] == '/' || !cwd)
    out = strdup(p);
  else if (asprintf(&out, "%s/%s", cwd, p) < 0)
    out = NULL;
  return out;
}

int view_read_campaign(const char *workdir, uint64_t coverage_id, struct view_campaign *c, char *err,
                       size_t err_len) {
  memset(c, 0, sizeof *c);
  char path[4200];
  snprintf(path, sizeof path, "%s/campaign/%016" PRIx64, workdir, coverage_id);
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
  if (!f) {
    snprintf(err, err_len, "no campaign record '%s' (%s): the corpus and reproducers cannot be listed", path,
             strerror(errno));
    if (fd >= 0)
      close(fd);
    return -1;
  }
  char line[8192], *cwd = NULL, *corpus = NULL, *prefix = NULL, *crash = NULL;
  bool header_ok = false;
  while (fgets(line, sizeof line, f)) {
    size_t n = strlen(line);
    if (n == 0 || line[n - 1] != '\n')
      break; /* overlong or unterminated: stop trusting the rest */
    line[n - 1] = 0;
    if (!header_ok) {
      header_ok = strcmp(line, "cfuzz-campaign 1") == 0;
      if (!header_ok)
        break;
      continue;
    }
    char *eq = strchr(line, '=');
    if (!eq)
      continue;
    *eq = 0;
    const char *v = eq + 1;
    char **slot = !strcmp(line, "cwd")               ? &cwd
                  : !strcmp(line, "corpus")          ? &corpus
                  : !strcmp(line, "artifact_prefix") ? &prefix
                  : !strcmp(line, "crash_dir")       ? &crash
                  : !strcmp(line, "binary")          ? &c->binary
                                                     : NULL;
    if (slot) {
      free(*slot);
      *slot = strdup(v);
    } else if (!strcmp(line, "start_time")) {
      c->start_time = strtoll(v, NULL, 10);
    }
  }
  fclose(f);
  int rc = 0;
  if (!header_ok || (cwd && cwd[0] != '/')) {
    snprintf(err, err_len, "campaign record '%s' is damaged", path);
    free(c->binary);
    c->binary = NULL;
    rc = -1;
  } else {
    if (corpus)
      c->corpus_dir = resolve(cwd, corpus);
    if (crash)
      c->crash_dir = resolve(cwd, crash);
    if (prefix) {
      const char *slash = strrchr(prefix, '/');
      char *dir = slash ? strndup(prefix, (size_t)(slash - prefix + 1)) : strdup(".");
      c->artifact_dir = resolve(cwd, dir);
      c->artifact_prefix = strdup(slash ? slash + 1 : prefix);
      free(dir);
    }
  }
  free(cwd);
  free(corpus);
  free(prefix);
  free(crash);
  return rc;
}

void view_campaign_free(struct view_campaign *c) {
  free(c->corpus_dir);
  free(c->artifact_dir);
  free(c->artifact_prefix);
  free(c->crash_dir);
  free(c->binary);
  memset(c, 0, sizeof *c);
}

static bool is_reproducer_name(const char *prefix, const char *name) {
  size_t n = strlen(prefix);
  if (strncmp(name, prefix, n) != 0)
    return false;
  for (size_t i = 0; i < sizeof reproducer_kinds / sizeof *reproducer_kinds; i++)
    if (strncmp(name + n, reproducer_kinds[i], strlen(reproducer_kinds[i])) == 0)
      return true;
  return false;
}

static void add_input(struct view_inputs *out, size_t *cap, const char *name, const struct stat *st) {
  out->total++;
  out->total_bytes += (uint64_t)st->st_size;
  if (out->n == *cap) {
    *cap = *cap ? *cap * 2 : 64;
    out->items = realloc(out->items, *cap * sizeof *out->items);
    if (!out->items) {
      fprintf(stderr, "cfuzz-view: out of memory\n");
      exit(1);
    }
  }
  struct view_input *in = &out->items[out->n++];
  snprintf(in->name, sizeof in->name, "%s", name);
  in->size = (uint64_t)st->st_size;
  in->mtime = (int64_t)st->st_mtim.tv_sec;
}

/* Regular files of dir whose names pass `want` (NULL: any plain name). */
static void scan(const char *dir, const char *prefix, struct view_inputs *out, size_t *cap) {
  if (!dir)
    return;
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
  if (!d) {
    if (dfd >= 0)
      close(dfd);
    return;
  }
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (!view_plain_name(e->d_name) || (prefix && !is_reproducer_name(prefix, e->d_name)))
      continue;
    struct stat st;
    if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      add_input(out, cap, e->d_name, &st);
  }
  closedir(d);
}

static int newest_first(const void *a, const void *b) {
  const struct view_input *x = a, *y = b;
  if (x->mtime != y->mtime)
    return x->mtime > y->mtime ? -1 : 1;
  return strcmp(x->name, y->name);
}

void view_list_inputs(const struct view_campaign *c, enum view_input_kind kind, size_t limit,
                      struct view_inputs *out) {
  memset(out, 0, sizeof *out);
  size_t cap = 0;
  if (kind == VIEW_CORPUS) {
    scan(c->corpus_dir, NULL, out, &cap);
  } else {
    scan(c->artifact_dir, c->artifact_prefix ? c->artifact_prefix : "", out, &cap);
    scan(c->crash_dir, NULL, out, &cap);
  }
  if (out->n > 1)
    qsort(out->items, out->n, sizeof *out->items, newest_first);
  if (out->n > limit)
    out->n = limit;
}

void view_inputs_free(struct view_inputs *in) {
  free(in->items);
  memset(in, 0, sizeof *in);
}

static int open_in(const char *dir, const char *name, uint64_t *size) {
  if (!dir)
    return -1;
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0)
    return -1;
  int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  close(dfd);
  struct stat st;
  if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
    close(fd);
    fd = -1;
  }
  if (fd >= 0)
    *size = (uint64_t)st.st_size;
  return fd;
}

int view_open_input(const struct view_campaign *c, enum view_input_kind kind, const char *name, uint64_t *size) {
  if (!view_plain_name(name))
    return -1;
  if (kind == VIEW_CORPUS)
    return open_in(c->corpus_dir, name, size);
  int fd = -1;
  if (is_reproducer_name(c->artifact_prefix ? c->artifact_prefix : "", name))
    fd = open_in(c->artifact_dir, name, size);
  if (fd < 0)
    fd = open_in(c->crash_dir, name, size);
  return fd;
}
