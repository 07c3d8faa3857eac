/* Unit tests: worker.c (the supervisor's view of a worker: its input file's
 * header, its RSS, the tail of its log, its temporary corpus files). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "temp_dir.h"
#include "worker.h"

static void write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  fwrite(data, 1, len, f);
  fclose(f);
}

static bool exists(const char *dir, const char *name) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return access(path, F_OK) == 0;
}

static void test_header(const char *dir) {
  struct cfuzz_worker w = {.pid = 1};
  snprintf(w.input_path, sizeof w.input_path, "%s/input", dir);

  /* Not created yet: nothing mapped, no runs. */
  cfuzz_worker_map_header(&w);
  CHECK(w.header == NULL && cfuzz_worker_runs(&w) == 0);

  /* Shorter than a header (being created): still nothing. */
  write_file(w.input_path, "CFZ", 3);
  cfuzz_worker_map_header(&w);
  CHECK(w.header == NULL);

  struct cfuzz_input_header h = {.version = CFUZZ_INPUT_VERSION, .header_size = sizeof h, .runs_started = 42};
  memcpy(h.magic, CFUZZ_INPUT_MAGIC, 8);
  write_file(w.input_path, &h, sizeof h);
  cfuzz_worker_map_header(&w);
  CHECK(w.header != NULL && cfuzz_worker_runs(&w) == 42);

  /* The mapping is shared: the worker's later writes show through it. */
  int fd = open(w.input_path, O_WRONLY);
  uint64_t runs = 43;
  CHECK(pwrite(fd, &runs, sizeof runs, offsetof(struct cfuzz_input_header, runs_started)) == sizeof runs);
  CHECK(cfuzz_worker_runs(&w) == 43);
  CHECK(pwrite(fd, "XXXXXXXX", 8, 0) == 8);
  close(fd);
  CHECK(cfuzz_worker_runs(&w) == 0); /* a header without the magic counts for nothing */

  /* Mapping again keeps the first mapping. */
  volatile struct cfuzz_input_header *first = w.header;
  cfuzz_worker_map_header(&w);
  CHECK(w.header == first);
  cfuzz_worker_unmap_header(&w);
  CHECK(w.header == NULL && cfuzz_worker_runs(&w) == 0);
  cfuzz_worker_unmap_header(&w); /* twice is harmless */
}

static void test_rss(void) {
  enum { MB = 1 << 20, TOUCHED_MB = 24 };
  /* Written through a volatile pointer, page by page, so that the compiler
   * cannot drop the stores to memory that is freed unread. */
  volatile char *block = malloc(TOUCHED_MB * MB);
  for (size_t i = 0; i < TOUCHED_MB * MB; i += 4096)
    block[i] = 1;
  CHECK(cfuzz_process_rss_mb(getpid()) >= TOUCHED_MB);
  free((void *)block);

  pid_t child = fork();
  if (child == 0)
    _exit(0);
  waitpid(child, NULL, 0);
  CHECK(cfuzz_process_rss_mb(child) == 0); /* reaped: gone from /proc */
}

static void test_show_log(const char *dir) {
  struct cfuzz_worker w = {.pid = 4242};
  snprintf(w.log_path, sizeof w.log_path, "%s/log", dir);
  FILE *out = tmpfile();

  /* No log: nothing is written. */
  cfuzz_worker_show_log(&w, fileno(out));
  CHECK(lseek(fileno(out), 0, SEEK_END) == 0);

  /* A log longer than the tail: only its last bytes follow the line. */
  size_t len = CFUZZ_WORKER_LOG_TAIL_BYTES + 1000;
  char *log = malloc(len);
  memset(log, 'a', 1000);
  memset(log + 1000, 'b', len - 1000);
  memcpy(log + len - 6, "END!\n", 5);
  log[len - 1] = '\n';
  write_file(w.log_path, log, len);
  cfuzz_worker_show_log(&w, fileno(out));
  const char line[] = "INFO: log from the worker (pid 4242):\n";
  size_t expect = strlen(line) + CFUZZ_WORKER_LOG_TAIL_BYTES;
  CHECK((size_t)lseek(fileno(out), 0, SEEK_END) == expect);
  char *got = calloc(1, expect + 1);
  CHECK(pread(fileno(out), got, expect, 0) == (ssize_t)expect);
  CHECK(strncmp(got, line, strlen(line)) == 0);
  CHECK(strchr(got + strlen(line), 'a') == NULL);  /* the head of the log is cut */
  CHECK(memcmp(got + expect - 6, "END!\n\n", 6) == 0); /* the end is all there */
  free(got);
  free(log);
  fclose(out);
}

static void test_remove_temporaries(const char *dir) {
  const char *names[] = {".cfuzz-tmp-77-a", ".cfuzz-tmp-77-b", ".cfuzz-tmp-777-c", ".cfuzz-tmp-78-d", "entry77"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    write_file(path, "x", 1);
  }
  cfuzz_worker_remove_temporaries(dir, 77);
  CHECK(!exists(dir, ".cfuzz-tmp-77-a") && !exists(dir, ".cfuzz-tmp-77-b"));
  /* Another worker's (777 shares the digits), and real entries, stay. */
  CHECK(exists(dir, ".cfuzz-tmp-777-c") && exists(dir, ".cfuzz-tmp-78-d") && exists(dir, "entry77"));
  cfuzz_worker_remove_temporaries(NULL, 77); /* no corpus directory */
  cfuzz_worker_remove_temporaries("/nonexistent/cfuzz-corpus", 77);
}

int main(void) {
  char *dir = check_temp_dir("worker");
  test_header(dir);
  test_rss();
  test_show_log(dir);
  char *corpus = check_temp_dir("worker-corpus");
  test_remove_temporaries(corpus);
  check_temp_dir_done(corpus);
  check_temp_dir_done(dir);
  return check_finish("worker");
}
