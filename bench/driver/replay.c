/* Replay driver: runs LLVMFuzzerTestOneInput over files without any fuzzer.
 *
 *   replay [-seconds=S] [-loops=N] PATH...
 *
 * PATHs are files or directories (their regular files, one level). All inputs
 * are read into memory first so that the timed loop does no I/O. Without
 * options every input runs once (coverage and overhead replays); -loops repeats
 * the whole set N times; -seconds keeps looping until S seconds have passed
 * (the "bare loop": the physical limit of calling the harness).
 * Prints one JSON object: {"execs": N, "seconds": S, "inputs": K}. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

struct input {
  uint8_t *data;
  size_t size;
};

static struct input *inputs;
static size_t input_count, input_cap;

static void add_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    exit(1);
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0) exit(1);
  /* +1 so that an empty file still gets its own (non-NULL) buffer. */
  uint8_t *buf = malloc((size_t)st.st_size + 1);
  if (!buf || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
    fprintf(stderr, "replay: cannot read %s\n", path);
    exit(1);
  }
  fclose(f);
  if (input_count == input_cap) {
    input_cap = input_cap ? 2 * input_cap : 64;
    inputs = realloc(inputs, input_cap * sizeof *inputs);
    if (!inputs) exit(1);
  }
  inputs[input_count++] = (struct input){buf, (size_t)st.st_size};
}

static void add_path(const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "replay: no such path %s\n", path);
    exit(1);
  }
  if (!S_ISDIR(st.st_mode)) {
    add_file(path);
    return;
  }
  DIR *d = opendir(path);
  struct dirent *e;
  char full[4096];
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue; /* also skips AFL's .state dirs */
    snprintf(full, sizeof full, "%s/%s", path, e->d_name);
    if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) add_file(full);
  }
  if (d) closedir(d);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  double seconds = 0;
  unsigned long loops = 1;
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    if (strncmp(argv[i], "-seconds=", 9) == 0)
      seconds = atof(argv[i] + 9);
    else if (strncmp(argv[i], "-loops=", 7) == 0)
      loops = strtoul(argv[i] + 7, NULL, 10);
    else if (argv[i][0] == '-') {
      fprintf(stderr, "replay: unknown option %s\n", argv[i]);
      return 1;
    } else
      add_path(argv[i]);
  }
  if (input_count == 0) {
    fprintf(stderr, "usage: replay [-seconds=S] [-loops=N] FILE|DIR...\n");
    return 1;
  }
  unsigned long long execs = 0, next_check = 0;
  double start = now();
  for (unsigned long l = 0; seconds > 0 || l < loops; l++) {
    for (size_t i = 0; i < input_count; i++)
      LLVMFuzzerTestOneInput(inputs[i].data, inputs[i].size);
    execs += input_count;
    /* Reading the clock only every few thousand runs keeps it out of the bare
     * loop's cost. */
    if (seconds > 0 && execs >= next_check) {
      if (now() - start >= seconds) break;
      next_check = execs + 4096;
    }
  }
  double elapsed = now() - start;
  printf("{\"execs\": %llu, \"seconds\": %.3f, \"inputs\": %zu}\n", execs, elapsed, input_count);
  return 0;
}
