/* state.h - what the server shows, refreshed once a second by the sampler
 * (the main thread) and read by the HTTP threads under one mutex: the
 * coverage file's snapshot, the PC -> line map, the campaign's inputs and
 * the history of totals. */
#ifndef CFUZZ_VIEW_STATE_H
#define CFUZZ_VIEW_STATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "coverage_file.h"
#include "srcmap.h"
#include "workdir.h"

struct view_sample {
  double t;         /* seconds since the viewer started */
  uint64_t runs, unique_runs;
  double execs_per_sec;
  size_t covered;
  size_t corpus, crashes;
};

struct view_state {
  const char *workdir;
  const char *binary;        /* NULL: the recorded one */
  pthread_mutex_t lock;
  pthread_cond_t changed;    /* broadcast after every sample */
  uint64_t generation;       /* samples taken */
  uint64_t load_version;     /* bumped when the coverage file is (re)loaded */
  volatile bool stop;

  bool loaded;
  char error[4400];          /* why nothing is loaded, "" when loaded */
  char *cov_path;
  struct cfuzz_coverage_reader reader;
  struct srcmap map;
  struct view_campaign campaign;
  char campaign_error[4400];
  char *meta_json;           /* files, per-PC file and line, warnings */
  char *inputs_json;         /* corpus and reproducers */
  uint64_t inputs_version;   /* bumped when the listing changes */

  struct view_sample *history;
  size_t n_history, cap_history;
  double started;            /* monotonic seconds */
};

void view_state_init(struct view_state *s, const char *workdir, const char *binary);
/* Loads or refreshes everything; call once a second. */
void view_state_sample(struct view_state *s);
void view_state_free(struct view_state *s);

/* Loads the workdir's coverage file and map once, for --lcov/--summary.
 * Returns 0, or -1 with the reason in err. */
int view_load_once(const char *workdir, const char *binary, struct cfuzz_coverage_reader *r, struct srcmap *m,
                   char *err, size_t err_len);

/* Appends the current totals as a JSON object (lock held). */
struct strbuf;
void view_state_totals_json(const struct view_state *s, struct strbuf *b);

#endif
