/* supervisor.c - the supervisor of fork mode, jobs and keep-going (see
 * supervisor.h). It never calls the target; it forks and execs workers,
 * polls them every POLL_SECONDS (their input files' headers, /proc for RSS:
 * worker.c) and reaps them. */
#define _GNU_SOURCE
#include "supervisor.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "artifact.h"
#include "corpus.h"
#include "crash.h"
#include "input_file.h"
#include "report.h"
#include "sha1.h"
#include "stop_request.h"
#include "util.h"
#include "work_dir.h"
#include "worker.h"

#define POLL_SECONDS 0.05
#define STATUS_SECONDS 2.0
/* The supervisor's own timeout and RSS limits sit beyond the worker's (in
 * size and in time), so a worker normally reports its own death, with its
 * stack. */
#define BACKSTOP_GRACE_SECONDS 5.0
#define BACKSTOP_RSS_FACTOR 1.25
/* Workers that die while still loading the corpus (within as many runs as
 * there were corpus files at the start), this many times in a row, mean
 * restarting is pointless: a corpus input crashes. */
#define MAX_QUICK_DEATHS 20

/* Flags that concern the supervisor only, dropped from workers' argv. */
static const char *const supervisor_flags[] = {"fork",           "jobs",           "workers",     "keep_going",
                                               "ignore_crashes", "ignore_timeouts", "ignore_ooms", NULL};

struct supervisor {
  const struct cfuzz_flags *flags;
  char **argv;
  size_t argc;
  const char *corpus_dir;
  struct cfuzz_artifact_dest dest;
  char *input_dir, *log_dir;
  struct cfuzz_worker *workers;
  size_t n_workers;
  int64_t jobs_total, jobs_started; /* -jobs; 0: restart workers forever */
  bool ignore[CFUZZ_KIND_COUNT];
  struct cfuzz_signature_set seen;
  uint64_t bugs[CFUZZ_KIND_COUNT]; /* distinct bugs by kind */
  uint64_t runs_of_ended;          /* executions of workers that ended */
  uint64_t restarts, next_seed;
  unsigned quick_deaths;
  size_t corpus_at_start;
  int exit_code; /* why the run stopped early: a bug not ignored, a failing worker; else 0 */
  int found_exit_code; /* the exit code of the last distinct bug, ignored or not; 0 if none */
  bool done;
  double start, next_status;
  /* For the final stats: the longest any worker was seen on one run (at the
   * poll's resolution), and the largest worker RSS seen. */
  double slowest_run_seconds;
  size_t peak_worker_rss_mb;
};

/* Only to cut the poll's sleep short when a worker dies. */
static void on_child(int sig) { (void)sig; }

bool cfuzz_supervisor_wanted(const struct cfuzz_flags *flags) {
  if (getenv(CFUZZ_WORKER_ENV))
    return false;
  return flags->fork > 0 || flags->jobs > 0 || flags->keep_going > 0;
}

/* Files in the corpus directory and its subdirectories, as the workers
 * read it. */
static size_t count_corpus(const char *dir) { return dir ? (size_t)cfuzz_corpus_census(dir).files : 0; }

static bool is_supervisor_flag(const char *arg) {
  if (arg[0] != '-')
    return false;
  const char *name = arg + (arg[1] == '-' ? 2 : 1);
  size_t len = strcspn(name, "=");
  for (const char *const *f = supervisor_flags; *f; f++)
    if (strlen(*f) == len && strncmp(*f, name, len) == 0)
      return true;
  return false;
}

/* The workers' arguments: ours without the supervision flags, then per
 * worker -seed and -max_total_time (the last occurrence of a flag wins). */
static void build_argv(struct supervisor *s, char **argv) {
  size_t n = 0;
  while (argv[n])
    n++;
  s->argv = cfuzz_xcalloc(n + 3, sizeof(char *));
  for (size_t i = 0; i < n; i++)
    if (i == 0 || !is_supervisor_flag(argv[i]))
      s->argv[s->argc++] = argv[i];
}

static int64_t remaining_seconds(const struct supervisor *s) {
  int64_t left = s->flags->max_total_time - (int64_t)(cfuzz_now() - s->start);
  return left > 1 ? left : 1;
}

static void start_worker(struct supervisor *s, struct cfuzz_worker *w) {
  char seed[48] = "", time_limit[48] = "";
  if (s->flags->seed > 0)
    snprintf(seed, sizeof seed, "-seed=%" PRIu64, (uint64_t)s->flags->seed + s->next_seed++);
  if (s->flags->max_total_time > 0)
    snprintf(time_limit, sizeof time_limit, "-max_total_time=%" PRId64, remaining_seconds(s));
  size_t argc = s->argc;
  if (seed[0])
    s->argv[argc++] = seed;
  if (time_limit[0])
    s->argv[argc++] = time_limit;
  s->argv[argc] = NULL;
  pid_t parent = getpid();
  fflush(stdout);
  fflush(cfuzz_err());
  pid_t pid = fork();
  if (pid < 0)
    cfuzz_fatal("cannot start a worker: %s", strerror(errno));
  if (pid == 0) {
    /* A worker dies with its supervisor, even one killed with kill -9. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
      _exit(1);
    /* Ctrl-C reaches the whole process group: the supervisor stops the
     * workers itself, so that none is mistaken for a crash. */
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_DFL);
    char log[4200];
    snprintf(log, sizeof log, "%s/%ld", s->log_dir, (long)getpid());
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    setenv(CFUZZ_WORKER_ENV, "1", 1);
    execv("/proc/self/exe", s->argv);
    _exit(127);
  }
  memset(w, 0, sizeof *w);
  w->pid = pid;
  snprintf(w->input_path, sizeof w->input_path, "%s/%ld", s->input_dir, (long)pid);
  snprintf(w->log_path, sizeof w->log_path, "%s/%ld", s->log_dir, (long)pid);
  w->last_change = cfuzz_now();
  if (s->jobs_total)
    s->jobs_started++;
}

static uint64_t total_runs(const struct supervisor *s) {
  uint64_t n = s->runs_of_ended;
  for (size_t i = 0; i < s->n_workers; i++)
    if (s->workers[i].pid)
      n += cfuzz_worker_runs(&s->workers[i]);
  return n;
}

static int exit_code_of(const struct supervisor *s, enum cfuzz_artifact_kind kind) {
  if (kind == CFUZZ_KIND_TIMEOUT)
    return (int)s->flags->timeout_exitcode;
  if (kind == CFUZZ_KIND_OOM)
    return CFUZZ_EXIT_OOM;
  return (int)s->flags->error_exitcode;
}

/* Classifies a worker's death and writes its reproducer if it is a new bug. */
static void on_worker_ended(struct supervisor *s, struct cfuzz_worker *w, int status) {
  cfuzz_worker_map_header(w); /* it may have died before the first poll */
  s->runs_of_ended += cfuzz_worker_runs(w);
  cfuzz_worker_unmap_header(w);
  uint8_t *data = NULL;
  size_t len = 0;
  struct cfuzz_input_header h;
  char err[4300];
  bool have_input = cfuzz_input_file_recover(w->input_path, &data, &len, &h, err, sizeof err) == 0;
  bool was_running = have_input && h.running;

  enum cfuzz_artifact_kind kind = CFUZZ_KIND_NONE;
  uint64_t signature = 0;
  char how[128];
  if (WIFSIGNALED(status))
    snprintf(how, sizeof how, "killed by signal %d", WTERMSIG(status));
  else
    snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(status));
  if (w->stopping) {
    /* Stopped by us at the end of the run. */
  } else if (have_input && h.death_kind > CFUZZ_KIND_NONE && h.death_kind < CFUZZ_KIND_COUNT) {
    kind = (enum cfuzz_artifact_kind)h.death_kind;
    signature = h.death_signature;
  } else if (w->killed_for) {
    kind = w->killed_for;
    signature = cfuzz_signature(kind, NULL, 0);
    snprintf(how, sizeof how, "%s", kind == CFUZZ_KIND_TIMEOUT ? "stuck beyond -timeout, killed"
                                                               : "over -rss_limit_mb, killed");
  } else if (was_running && (WIFSIGNALED(status) || WEXITSTATUS(status) != 0)) {
    /* Killed from outside (kill -9, the kernel's OOM killer) or _exit()
     * in the target: no stack to tell bugs apart, so the input itself is
     * part of the signature and every such input is kept. */
    kind = CFUZZ_KIND_CRASH;
    uint8_t digest[20];
    cfuzz_sha1(data, len, digest);
    uint64_t words[2] = {(uint64_t)status, 0};
    memcpy(&words[1], digest, 8);
    signature = cfuzz_signature(kind, words, 2);
  } else if (WIFSIGNALED(status)) {
    fprintf(cfuzz_err(), "INFO: cfuzz: worker %ld %s between runs; no input to recover\n", (long)w->pid, how);
  } else if (WEXITSTATUS(status) == CFUZZ_EXIT_INTERRUPTED) {
    /* SIGINT or SIGTERM sent to the worker itself. */
    fprintf(cfuzz_err(), "==%ld== libFuzzer: a child was interrupted; exiting\n", (long)getpid());
    s->exit_code = CFUZZ_EXIT_INTERRUPTED;
    s->done = true;
  } else if (WEXITSTATUS(status) != 0) {
    /* Not a bug: the worker could not run (bad flags, directories...). */
    fflush(cfuzz_err());
    cfuzz_worker_show_log(w, cfuzz_err_fd());
    fprintf(cfuzz_err(), "ERROR: cfuzz: worker %ld failed (%s); stopping\n", (long)w->pid, how);
    s->exit_code = WEXITSTATUS(status);
    s->done = true;
  }

  /* A timed-out run lasted at least -timeout, whatever the poll last saw. */
  if (kind == CFUZZ_KIND_TIMEOUT && (double)s->flags->timeout > s->slowest_run_seconds)
    s->slowest_run_seconds = (double)s->flags->timeout;
  if (kind != CFUZZ_KIND_NONE) {
    bool is_new = cfuzz_signature_set_add(&s->seen, signature);
    fprintf(cfuzz_err(), "INFO: cfuzz: worker %ld: %s (%s)%s\n", (long)w->pid, cfuzz_kind_name(kind), how,
            is_new ? "" : ", a duplicate of a bug already reported");
    if (is_new) {
      s->bugs[kind]++;
      fflush(cfuzz_err());
      cfuzz_worker_show_log(w, cfuzz_err_fd());
      fflush(cfuzz_err());
      if (have_input)
        cfuzz_artifact_write(&s->dest, kind, data, len);
      else
        fprintf(cfuzz_err(), "WARNING: cfuzz: cannot recover the input: %s\n", err);
      s->found_exit_code = exit_code_of(s, kind);
      if (!s->ignore[kind] && !s->done) {
        s->exit_code = exit_code_of(s, kind);
        s->done = true;
      }
    }
    if (!have_input || h.runs_started <= s->corpus_at_start + 1) {
      if (++s->quick_deaths >= MAX_QUICK_DEATHS && !s->done) {
        fprintf(cfuzz_err(), "ERROR: cfuzz: %d workers in a row died while loading the corpus; stopping\n",
                MAX_QUICK_DEATHS);
        s->exit_code = exit_code_of(s, kind);
        s->done = true;
      }
    } else {
      s->quick_deaths = 0;
    }
  }
  free(data);
  unlink(w->input_path);
  unlink(w->log_path);
  cfuzz_worker_remove_temporaries(s->corpus_dir, w->pid);
  w->pid = 0;
}

static struct cfuzz_worker *find_worker(struct supervisor *s, pid_t pid) {
  for (size_t i = 0; i < s->n_workers; i++)
    if (s->workers[i].pid == pid)
      return &s->workers[i];
  return NULL;
}

static void reap(struct supervisor *s, bool block) {
  int status;
  pid_t pid;
  struct rusage usage;
  while ((pid = wait4(-1, &status, block ? 0 : WNOHANG, &usage)) > 0) {
    /* The worker's own peak (kilobytes on Linux): the /proc polls of
     * watch_workers can miss the last growth before an out-of-memory exit. */
    size_t peak_mb = (size_t)usage.ru_maxrss >> 10;
    if (peak_mb > s->peak_worker_rss_mb)
      s->peak_worker_rss_mb = peak_mb;
    struct cfuzz_worker *w = find_worker(s, pid);
    if (w)
      on_worker_ended(s, w, status);
    if (block)
      return;
  }
}

/* The backstops: a worker whose run outlasts -timeout, or whose memory
 * outgrows -rss_limit_mb, by more than its own watchdog allows. */
static void watch_workers(struct supervisor *s, double now) {
  const struct cfuzz_flags *flags = s->flags;
  for (size_t i = 0; i < s->n_workers; i++) {
    struct cfuzz_worker *w = &s->workers[i];
    if (!w->pid || w->killed_for)
      continue;
    cfuzz_worker_map_header(w);
    if (!w->header)
      continue;
    uint64_t runs = w->header->runs_started;
    bool running = __atomic_load_n(&w->header->running, __ATOMIC_ACQUIRE);
    if (!running || runs != w->last_runs) {
      w->last_runs = runs;
      w->last_change = now;
    } else {
      double on_run = now - w->last_change;
      if (on_run > s->slowest_run_seconds)
        s->slowest_run_seconds = on_run;
      if (flags->timeout > 0 && on_run > (double)flags->timeout + BACKSTOP_GRACE_SECONDS) {
        w->killed_for = CFUZZ_KIND_TIMEOUT;
        kill(w->pid, SIGKILL);
        continue;
      }
    }
    size_t rss_mb = cfuzz_process_rss_mb(w->pid);
    if (rss_mb > s->peak_worker_rss_mb)
      s->peak_worker_rss_mb = rss_mb;
    if (flags->rss_limit_mb > 0 && rss_mb > (size_t)((double)flags->rss_limit_mb * BACKSTOP_RSS_FACTOR)) {
      /* The worker's watchdog looks once a second: give it the time to
       * report with its own lines first. */
      if (w->over_rss_since == 0)
        w->over_rss_since = now;
      else if (now - w->over_rss_since > BACKSTOP_GRACE_SECONDS) {
        w->killed_for = CFUZZ_KIND_OOM;
        kill(w->pid, SIGKILL);
      }
    } else {
      w->over_rss_since = 0;
    }
  }
}

static void print_status(struct supervisor *s, const char *event) {
  double elapsed = cfuzz_now() - s->start;
  uint64_t runs = total_runs(s);
  size_t live = 0;
  for (size_t i = 0; i < s->n_workers; i++)
    live += s->workers[i].pid != 0;
  fprintf(cfuzz_err(),
          "#%" PRIu64 "\t%-6s corp: %zu exec/s: %" PRIu64 " oom/timeout/crash: %" PRIu64 "/%" PRIu64 "/%" PRIu64
          " time: %" PRIu64 "s workers: %zu restarts: %" PRIu64 "\n",
          runs, event, count_corpus(s->corpus_dir), elapsed > 0 ? (uint64_t)((double)runs / elapsed) : 0,
          s->bugs[CFUZZ_KIND_OOM], s->bugs[CFUZZ_KIND_TIMEOUT], s->bugs[CFUZZ_KIND_CRASH] + s->bugs[CFUZZ_KIND_LEAK],
          (uint64_t)elapsed, live, s->restarts);
}

static bool limits_reached(struct supervisor *s, double now) {
  const struct cfuzz_flags *flags = s->flags;
  if (flags->runs >= 0 && total_runs(s) >= (uint64_t)flags->runs)
    return true;
  return flags->max_total_time > 0 && now - s->start >= (double)flags->max_total_time;
}

static bool may_start(const struct supervisor *s, double now) {
  if (s->done || limits_reached((struct supervisor *)s, now))
    return false;
  return !s->jobs_total || s->jobs_started < s->jobs_total;
}

static void stop_all(struct supervisor *s) {
  for (size_t i = 0; i < s->n_workers; i++)
    if (s->workers[i].pid) {
      s->workers[i].stopping = true;
      kill(s->workers[i].pid, SIGTERM);
    }
  double deadline = cfuzz_now() + 5;
  for (;;) {
    reap(s, false);
    bool any = false;
    for (size_t i = 0; i < s->n_workers; i++)
      any |= s->workers[i].pid != 0;
    if (!any)
      return;
    if (cfuzz_now() > deadline)
      for (size_t i = 0; i < s->n_workers; i++)
        if (s->workers[i].pid)
          kill(s->workers[i].pid, SIGKILL);
    struct timespec ts = {0, 10 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
}

static void setup(struct supervisor *s, const struct cfuzz_flags *flags, char **argv, const char *corpus_dir,
                  const char *keep_dir) {
  memset(s, 0, sizeof *s);
  s->flags = flags;
  s->corpus_dir = corpus_dir;
  s->dest = (struct cfuzz_artifact_dest){flags->artifact_prefix, flags->exact_artifact_path, keep_dir};
  build_argv(s, argv);
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (flags->fork > 0 || flags->keep_going > 0) {
    s->n_workers = flags->fork > 0 ? (size_t)flags->fork : 1;
    bool all = flags->keep_going > 0;
    s->ignore[CFUZZ_KIND_CRASH] = s->ignore[CFUZZ_KIND_LEAK] = all || flags->ignore_crashes;
    s->ignore[CFUZZ_KIND_TIMEOUT] = all || flags->ignore_timeouts;
    s->ignore[CFUZZ_KIND_OOM] = all || flags->ignore_ooms;
  } else {
    /* -jobs: every job runs to its end; a bug ends only its own job. */
    s->jobs_total = flags->jobs;
    int64_t workers = flags->workers > 0 ? flags->workers : (cores / 2 > 0 ? cores / 2 : 1);
    if (workers > flags->jobs)
      workers = flags->jobs;
    s->n_workers = (size_t)workers;
    for (int k = 0; k < CFUZZ_KIND_COUNT; k++)
      s->ignore[k] = true;
  }
  s->workers = cfuzz_xcalloc(s->n_workers, sizeof *s->workers);
  cfuzz_make_dir_or_die(flags->workdir, "work directory");
  s->input_dir = cfuzz_path_join(flags->workdir, CFUZZ_WORK_INPUT_SUBDIR);
  s->log_dir = cfuzz_path_join(flags->workdir, "l");
  cfuzz_make_dirs_or_die(s->input_dir, "input directory");
  cfuzz_make_dirs_or_die(s->log_dir, "worker log directory");
  if (corpus_dir)
    cfuzz_make_dirs_or_die(corpus_dir, "corpus directory");
  s->corpus_at_start = count_corpus(corpus_dir);
  cfuzz_stop_defer(true); /* SIGINT & co. stop the loop below (stop_request.h) */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_child;
  sa.sa_flags = SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
}

int cfuzz_supervise(const struct cfuzz_flags *flags, char **argv, const char *corpus_dir, const char *keep_dir) {
  struct supervisor s;
  setup(&s, flags, argv, corpus_dir, keep_dir);
  if (flags->jobs > 0 && !(flags->fork > 0 || flags->keep_going > 0))
    fprintf(cfuzz_err(), "INFO: -jobs=%" PRId64 ": %zu worker(s) at a time; their logs are in %s/ while they run\n",
            flags->jobs, s.n_workers, s.log_dir);
  else
    fprintf(cfuzz_err(), "INFO: -fork=%zu: fuzzing in separate process(s)\n", s.n_workers);
  s.start = cfuzz_now();
  s.next_status = s.start + STATUS_SECONDS;
  bool first_round = true;
  while (!s.done && !cfuzz_stop_requested) {
    double now = cfuzz_now();
    for (size_t i = 0; i < s.n_workers; i++) {
      if (s.workers[i].pid || !may_start(&s, now))
        continue;
      if (!first_round)
        s.restarts++;
      start_worker(&s, &s.workers[i]);
    }
    first_round = false;
    bool any = false;
    for (size_t i = 0; i < s.n_workers; i++)
      any |= s.workers[i].pid != 0;
    if (!any && !may_start(&s, now))
      break;
    if (limits_reached(&s, now))
      break;
    watch_workers(&s, now);
    if (now >= s.next_status) {
      print_status(&s, "pulse");
      s.next_status = now + STATUS_SECONDS;
    }
    reap(&s, false);
    if (s.done)
      break;
    struct timespec ts = {0, (long)(POLL_SECONDS * 1e9)};
    nanosleep(&ts, NULL); /* a worker's death (SIGCHLD) ends it early */
    reap(&s, false);
  }
  int stop_code = cfuzz_stop_requested ? cfuzz_stop_report() : -1;
  double end = cfuzz_now();
  if (stop_code < 0 && !s.done && limits_reached(&s, end)) {
    /* libFuzzer's fork-mode lines; the workers finish their current run. */
    if (flags->max_total_time > 0 && end - s.start >= (double)flags->max_total_time)
      fprintf(cfuzz_err(), "INFO: fuzzed for %" PRIu64 " seconds, wrapping up soon\n", (uint64_t)(end - s.start));
    else
      fprintf(cfuzz_err(), "INFO: fuzzed for %" PRIu64 " iterations, wrapping up soon\n", total_runs(&s));
  }
  stop_all(&s);
  print_status(&s, "DONE");
  uint64_t runs = total_runs(&s);
  double elapsed = cfuzz_now() - s.start;
  if (flags->print_final_stats) {
    fprintf(cfuzz_err(), "stat::number_of_executed_units: %" PRIu64 "\n", runs);
    fprintf(cfuzz_err(), "stat::average_exec_per_sec:     %" PRIu64 "\n",
            elapsed > 0 ? (uint64_t)((double)runs / elapsed) : 0);
    size_t now_entries = count_corpus(corpus_dir);
    fprintf(cfuzz_err(), "stat::new_units_added:          %zu\n",
            now_entries > s.corpus_at_start ? now_entries - s.corpus_at_start : 0);
    /* Observed from outside, so at the poll's resolution. */
    fprintf(cfuzz_err(), "stat::slowest_unit_time_sec:    %" PRIu64 "\n", (uint64_t)s.slowest_run_seconds);
    size_t own_rss_mb = cfuzz_peak_rss_mb();
    fprintf(cfuzz_err(), "stat::peak_rss_mb:              %zu\n",
            s.peak_worker_rss_mb > own_rss_mb ? s.peak_worker_rss_mb : own_rss_mb);
  }
  cfuzz_report_done(runs, elapsed);
  int code = stop_code >= 0 ? stop_code : s.exit_code;
  /* -fork with -ignore_*: the run went on, but it found bugs; libFuzzer
   * exits with its last job's status, which is then a crash's. */
  if (code == 0 && flags->fork > 0 && !flags->keep_going)
    code = s.found_exit_code;
  if (flags->fork > 0)
    fprintf(cfuzz_err(), "INFO: exiting: %d time: %" PRIu64 "s\n", code, (uint64_t)elapsed);
  cfuzz_signature_set_free(&s.seen);
  free(s.workers);
  free(s.argv);
  free(s.input_dir);
  free(s.log_dir);
  return code;
}
