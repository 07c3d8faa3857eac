/* worker.c - the supervisor's view of a worker process (worker.h). */
#define _GNU_SOURCE
#include "worker.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

void cfuzz_worker_map_header(struct cfuzz_worker *w) {
  if (w->header)
    return;
  int fd = open(w->input_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return;
  struct stat st;
  if (fstat(fd, &st) == 0 && (size_t)st.st_size >= sizeof(struct cfuzz_input_header)) {
    void *m = mmap(NULL, sizeof(struct cfuzz_input_header), PROT_READ, MAP_SHARED, fd, 0);
    if (m != MAP_FAILED)
      w->header = m;
  }
  close(fd);
}

void cfuzz_worker_unmap_header(struct cfuzz_worker *w) {
  if (w->header)
    munmap((void *)w->header, sizeof(struct cfuzz_input_header));
  w->header = NULL;
}

uint64_t cfuzz_worker_runs(const struct cfuzz_worker *w) {
  if (!w->header || memcmp((const void *)w->header->magic, CFUZZ_INPUT_MAGIC, 8) != 0)
    return 0;
  return w->header->runs_started;
}

size_t cfuzz_process_rss_mb(pid_t pid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
  FILE *f = fopen(path, "r");
  if (!f)
    return 0;
  unsigned long long size = 0, resident = 0;
  int n = fscanf(f, "%llu %llu", &size, &resident);
  fclose(f);
  return n == 2 ? (size_t)(resident * (unsigned long long)sysconf(_SC_PAGESIZE) >> 20) : 0;
}

void cfuzz_worker_show_log(const struct cfuzz_worker *w, int out_fd) {
  int fd = open(w->log_path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  off_t size = lseek(fd, 0, SEEK_END);
  off_t from = size > CFUZZ_WORKER_LOG_TAIL_BYTES ? size - CFUZZ_WORKER_LOG_TAIL_BYTES : 0;
  char buf[4096];
  int n_line = snprintf(buf, sizeof buf, "INFO: log from the worker (pid %ld):\n", (long)w->pid);
  cfuzz_write_all(out_fd, buf, (size_t)n_line);
  ssize_t n;
  lseek(fd, from, SEEK_SET);
  while ((n = read(fd, buf, sizeof buf)) > 0)
    cfuzz_write_all(out_fd, buf, (size_t)n);
  close(fd);
}

void cfuzz_worker_remove_temporaries(const char *corpus_dir, pid_t pid) {
  DIR *d = corpus_dir ? opendir(corpus_dir) : NULL;
  if (!d)
    return;
  char prefix[64];
  int len = snprintf(prefix, sizeof prefix, ".cfuzz-tmp-%ld-", (long)pid);
  for (struct dirent *e; (e = readdir(d));) {
    if (strncmp(e->d_name, prefix, (size_t)len) != 0)
      continue;
    char *path = cfuzz_path_join(corpus_dir, e->d_name);
    unlink(path);
    free(path);
  }
  closedir(d);
}
