/* merge.c - crash-resistant corpus merge (see merge.h). The outer process
 * lists, spawns and selects; the inner one (a child) runs the inputs. */
#define _GNU_SOURCE
#include "merge.h"

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
#include "merge_choose.h"
#include "merge_control.h"
#include "modules.h"
#include "report.h"
#include "run_coverage.h"
#include "run_target.h"
#include "stop_request.h"
#include "util.h"

/* Inputs longer than this are cut when -max_len is not given (libFuzzer's
 * merge default). */
#define MERGE_DEFAULT_MAX_LEN (1u << 20)

static size_t file_size(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
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
static void add_files(const struct cfuzz_flags *flags, const char *dir, const struct cfuzz_merge_result *r) {
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
  struct cfuzz_merge_files old = {0}, new = {0};
  cfuzz_merge_files_list_dir(&old, dirs[0]);
  for (size_t i = 1; i < n_dirs; i++)
    cfuzz_merge_files_list_dir(&new, dirs[i]);
  if (old.n + new.n == 0) {
    fprintf(cfuzz_err(), "MERGE-OUTER: no input files, nothing to merge\n");
    return 0;
  }
  char *cf = flags->merge_control_file ? cfuzz_xstrdup(flags->merge_control_file) : temp_control_path();

  size_t attempts = 0;
  struct cfuzz_merge_control known = {0};
  if (file_size(cf) > 0) {
    fprintf(cfuzz_err(), "MERGE-OUTER: non-empty control file provided: '%s'\n", cf);
    struct cfuzz_merge_control m;
    if (cfuzz_merge_control_read(cf, true, &m, NULL)) {
      fprintf(cfuzz_err(), "MERGE-OUTER: control file ok, %zu files total, first not processed file %zu\n",
              m.files.n, m.first_unprocessed);
      if (m.last_failure)
        fprintf(cfuzz_err(), "MERGE-OUTER: '%s' will be skipped as unlucky (merge has stumbled on it the last time)\n",
                m.last_failure);
      if (m.first_unprocessed >= m.files.n) {
        if (m.files.n == old.n + new.n) {
          fprintf(cfuzz_err(), "MERGE-OUTER: nothing to do, merge has been completed before\n");
          cfuzz_merge_files_free(&m.files);
          cfuzz_merge_files_free(&old);
          cfuzz_merge_files_free(&new);
          free(cf);
          return 0;
        }
        fprintf(cfuzz_err(), "MERGE-OUTER: starting merge from scratch, but reusing coverage information from "
                        "the given control file\n");
        known = m;
      } else {
        attempts = m.files.n - m.first_unprocessed;
        cfuzz_merge_files_free(&m.files);
      }
    } else {
      fprintf(cfuzz_err(), "MERGE-OUTER: bad control file, will overwrite it\n");
    }
  }
  if (!attempts) {
    fprintf(cfuzz_err(), "MERGE-OUTER: %zu files, %zu in the initial corpus, %zu processed earlier\n", old.n + new.n,
            old.n, known.files.n);
    attempts = cfuzz_merge_control_write(cf, &old, &new, &known.files);
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

  struct cfuzz_merge_control m;
  size_t bytes = 0;
  if (!cfuzz_merge_control_read(cf, true, &m, &bytes)) {
    fprintf(cfuzz_err(), "MERGE: failed to parse the control file (unexpected error)\n");
    exit(CFUZZ_EXIT_USAGE);
  }
  fprintf(cfuzz_err(), "MERGE-OUTER: the control file has %zu bytes\n", bytes);
  for (size_t i = 0; i < known.files.n; i++) {
    struct cfuzz_merge_file *k = &known.files.v[i];
    cfuzz_merge_files_push(&m.files, k->name, k->size);
    m.files.v[m.files.n - 1].ft = k->ft, m.files.v[m.files.n - 1].n_ft = k->n_ft;
    m.files.v[m.files.n - 1].cov = k->cov, m.files.v[m.files.n - 1].n_cov = k->n_cov;
  }
  free(known.files.v);

  struct cfuzz_merge_result r = {.files = cfuzz_xcalloc(m.files.n + 1, sizeof(char *))};
  r.n_cov = cfuzz_merge_count_new_cov(&m);
  if (flags->set_cover_merge)
    cfuzz_merge_choose_set_cover(&m, &r);
  else
    cfuzz_merge_choose_greedy(&m, &r);
  fprintf(cfuzz_err(), "MERGE-OUTER: %zu new files with %zu new features added; %zu new coverage edges\n", r.n_files,
          r.n_features, r.n_cov);
  add_files(flags, dirs[0], &r);

  if (!flags->merge_control_file)
    unlink(cf);
  free(r.files);
  cfuzz_merge_files_free(&m.files);
  cfuzz_merge_files_free(&old);
  cfuzz_merge_files_free(&new);
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
  struct cfuzz_merge_control m;
  if (!cfuzz_merge_control_read(cf, false, &m, NULL)) {
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
  cfuzz_merge_files_free(&m.files);
  return 0;
}
