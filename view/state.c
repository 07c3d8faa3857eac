/* state.c - see state.h. */
#define _GNU_SOURCE
#include "state.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "strbuf.h"

#define MAX_HISTORY 4096
#define MAX_LISTED_INPUTS 1000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void view_state_init(struct view_state *s, const char *workdir, const char *binary) {
  memset(s, 0, sizeof *s);
  s->workdir = workdir;
  s->binary = binary;
  pthread_mutex_init(&s->lock, NULL);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&s->changed, &attr);
  pthread_condattr_destroy(&attr);
  s->reader.fd = -1;
  s->started = now();
  snprintf(s->error, sizeof s->error, "not loaded yet");
}

int view_load_once(const char *workdir, const char *binary, struct cfuzz_coverage_reader *r, struct srcmap *m,
                   char *err, size_t err_len) {
  uint8_t id[CFUZZ_BUILD_ID_MAX];
  size_t id_len = 0;
  if (binary) {
    if (access(binary, R_OK) != 0) {
      snprintf(err, err_len, "cannot read BINARY '%s'", binary);
      return -1;
    }
    id_len = srcmap_file_build_id(binary, id, sizeof id);
  }
  char *path = view_find_coverage_file(workdir, id, id_len, err, err_len);
  if (!path)
    return -1;
  int rc = cfuzz_coverage_reader_open(r, path, err, err_len);
  free(path);
  if (rc != 0)
    return -1;
  srcmap_build(m, r, binary);
  return 0;
}

static char *build_meta(const struct view_state *s) {
  struct strbuf b;
  sb_init(&b);
  sb_puts(&b, "{\"workdir\":");
  sb_json_string(&b, s->workdir, strlen(s->workdir));
  sb_puts(&b, ",\"coverage_file\":");
  sb_json_string(&b, s->cov_path, strlen(s->cov_path));
  sb_puts(&b, ",\"modules\":[");
  for (size_t i = 0; i < s->reader.module_count; i++) {
    const struct cfuzz_coverage_module *m = &s->reader.modules[i];
    sb_printf(&b, "%s{\"path\":", i ? "," : "");
    sb_json_string(&b, m->path, strlen(m->path));
    sb_printf(&b, ",\"points\":%" PRIu64 "}", m->pc_count);
  }
  sb_printf(&b, "],\"pc_count\":%zu,\"warnings\":", s->map.n_pcs);
  sb_json_string(&b, s->map.warnings, strlen(s->map.warnings));
  sb_puts(&b, ",\"campaign_error\":");
  sb_json_string(&b, s->campaign_error, strlen(s->campaign_error));
  sb_puts(&b, ",\"files\":[");
  for (size_t i = 0; i < s->map.n_files; i++) {
    if (i)
      sb_puts(&b, ",");
    sb_json_string(&b, s->map.files[i].path, strlen(s->map.files[i].path));
  }
  /* Per PC: file index (-1 when unmapped) and line. */
  sb_puts(&b, "],\"pc_file\":[");
  for (size_t i = 0; i < s->map.n_pcs; i++)
    sb_printf(&b, i ? ",%d" : "%d", s->map.pc_file[i] == SRCMAP_NO_FILE ? -1 : (int)s->map.pc_file[i]);
  sb_puts(&b, "],\"pc_line\":[");
  for (size_t i = 0; i < s->map.n_pcs; i++)
    sb_printf(&b, i ? ",%u" : "%u", s->map.pc_line[i]);
  sb_puts(&b, "]}");
  return sb_take(&b);
}

static void list_json(struct strbuf *b, const char *key, const struct view_inputs *in) {
  sb_printf(b, "\"%s\":{\"total\":%zu,\"bytes\":%" PRIu64 ",\"items\":[", key, in->total, in->total_bytes);
  for (size_t i = 0; i < in->n; i++) {
    sb_puts(b, i ? ",{\"name\":" : "{\"name\":");
    sb_json_string(b, in->items[i].name, strlen(in->items[i].name));
    sb_printf(b, ",\"size\":%" PRIu64 ",\"mtime\":%" PRId64 "}", in->items[i].size, in->items[i].mtime);
  }
  sb_puts(b, "]}");
}

/* Unloads everything that came from the coverage file (lock held). */
static void unload(struct view_state *s, const char *why) {
  if (s->loaded) {
    cfuzz_coverage_reader_close(&s->reader);
    srcmap_free(&s->map);
    view_campaign_free(&s->campaign);
    free(s->meta_json);
    free(s->cov_path);
    s->meta_json = NULL;
    s->cov_path = NULL;
    s->loaded = false;
    s->load_version++;
  }
  snprintf(s->error, sizeof s->error, "%s", why);
}

static void try_load(struct view_state *s) {
  char err[4400];
  struct cfuzz_coverage_reader r;
  struct srcmap m;
  uint8_t id[CFUZZ_BUILD_ID_MAX];
  size_t id_len = s->binary ? srcmap_file_build_id(s->binary, id, sizeof id) : 0;
  if (s->binary && access(s->binary, R_OK) != 0) {
    pthread_mutex_lock(&s->lock);
    snprintf(s->error, sizeof s->error, "cannot read BINARY '%s'", s->binary);
    pthread_mutex_unlock(&s->lock);
    return;
  }
  char *path = view_find_coverage_file(s->workdir, id, id_len, err, sizeof err);
  if (!path || cfuzz_coverage_reader_open(&r, path, err, sizeof err) != 0) {
    free(path);
    pthread_mutex_lock(&s->lock);
    snprintf(s->error, sizeof s->error, "%s", err);
    pthread_mutex_unlock(&s->lock);
    return;
  }
  srcmap_build(&m, &r, s->binary);
  struct view_campaign c;
  char cerr[4400] = "";
  view_read_campaign(s->workdir, r.header.coverage_id, &c, cerr, sizeof cerr);
  pthread_mutex_lock(&s->lock);
  s->reader = r;
  s->map = m;
  s->campaign = c;
  s->cov_path = path;
  snprintf(s->campaign_error, sizeof s->campaign_error, "%s", cerr);
  s->meta_json = build_meta(s);
  s->loaded = true;
  s->error[0] = 0;
  s->load_version++;
  s->n_history = 0;
  pthread_mutex_unlock(&s->lock);
}

static void add_sample(struct view_state *s, const struct view_inputs *corpus, const struct view_inputs *crashes) {
  struct view_sample x = {
      .t = now() - s->started,
      .runs = s->reader.header.total_runs,
      .unique_runs = s->reader.header.unique_runs,
      .covered = cfuzz_coverage_reader_count_seen(&s->reader),
      .corpus = corpus->total,
      .crashes = crashes->total,
  };
  if (s->n_history > 0) {
    const struct view_sample *p = &s->history[s->n_history - 1];
    x.execs_per_sec = x.t > p->t && x.runs >= p->runs ? (double)(x.runs - p->runs) / (x.t - p->t) : 0;
  }
  if (s->n_history == MAX_HISTORY) {
    /* Keep every other old sample: the graphs keep their whole span. */
    size_t n = 0;
    for (size_t i = 0; i < s->n_history; i += 2)
      s->history[n++] = s->history[i];
    s->n_history = n;
  }
  if (s->n_history == s->cap_history) {
    s->cap_history = s->cap_history ? 2 * s->cap_history : 256;
    s->history = realloc(s->history, s->cap_history * sizeof *s->history);
    if (!s->history) {
      fprintf(stderr, "cfuzz-view: out of memory\n");
      exit(1);
    }
  }
  s->history[s->n_history++] = x;
}

void view_state_sample(struct view_state *s) {
  if (!s->loaded)
    try_load(s);
  struct view_inputs corpus = {0}, crashes = {0};
  pthread_mutex_lock(&s->lock);
  if (s->loaded) {
    char err[4400];
    if (cfuzz_coverage_reader_refresh(&s->reader, err, sizeof err) != 0) {
      unload(s, err);
    } else {
      view_list_inputs(&s->campaign, VIEW_CORPUS, MAX_LISTED_INPUTS, &corpus);
      view_list_inputs(&s->campaign, VIEW_REPRODUCER, MAX_LISTED_INPUTS, &crashes);
      struct strbuf b;
      sb_init(&b);
      sb_puts(&b, "{");
      list_json(&b, "corpus", &corpus);
      sb_puts(&b, ",");
      list_json(&b, "crashes", &crashes);
      sb_puts(&b, "}");
      if (!s->inputs_json || strcmp(s->inputs_json, b.data) != 0) {
        free(s->inputs_json);
        s->inputs_json = sb_take(&b);
        s->inputs_version++;
      }
      sb_free(&b);
      add_sample(s, &corpus, &crashes);
    }
  }
  s->generation++;
  pthread_cond_broadcast(&s->changed);
  pthread_mutex_unlock(&s->lock);
  view_inputs_free(&corpus);
  view_inputs_free(&crashes);
}

void view_state_totals_json(const struct view_state *s, struct strbuf *b) {
  const struct view_sample *x = s->n_history ? &s->history[s->n_history - 1] : NULL;
  struct view_sample zero = {0};
  if (!x)
    x = &zero;
  size_t mapped = s->loaded ? s->map.n_pcs - s->map.n_unmapped : 0;
  sb_printf(b, "{\"runs\":%" PRIu64 ",\"unique_runs\":%" PRIu64 ",\"execs_per_sec\":%.1f,\"covered\":%zu,"
            "\"points\":%zu,\"mapped_points\":%zu,\"corpus\":%zu,\"crashes\":%zu,\"t\":%.2f}",
            x->runs, x->unique_runs, x->execs_per_sec, x->covered, s->loaded ? s->map.n_pcs : 0, mapped,
            x->corpus, x->crashes, x->t);
}

void view_state_free(struct view_state *s) {
  unload(s, "");
  free(s->inputs_json);
  free(s->history);
  pthread_mutex_destroy(&s->lock);
  pthread_cond_destroy(&s->changed);
}
