/* input_file.c - the memory-mapped current-input file (see input_file.h). */
#define _GNU_SOURCE
#include "input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

_Static_assert(sizeof(struct cfuzz_input_header) == 64, "input header layout is fixed");

static size_t round_to_page(size_t n) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  return (n + page - 1) / page * page;
}

/* Maps header + capacity; the mapping is always whole pages. The header
 * also has a mapping of its own, made once, which never moves: the watchdog
 * thread and signal handlers read it while the data mapping may be
 * replaced by a growth. */
static int map_file(struct cfuzz_input_file *f, size_t map_size, char *err, size_t err_len) {
  if (ftruncate(f->fd, (off_t)map_size) != 0) {
    snprintf(err, err_len, "cannot size input file: %s", strerror(errno));
    return -1;
  }
  void *map = mmap(NULL, map_size, PROT_READ | PROT_WRITE, MAP_SHARED, f->fd, 0);
  if (map == MAP_FAILED) {
    snprintf(err, err_len, "cannot map input file: %s", strerror(errno));
    return -1;
  }
  if (!f->header) {
    void *h = mmap(NULL, sizeof(struct cfuzz_input_header), PROT_READ | PROT_WRITE, MAP_SHARED, f->fd, 0);
    if (h == MAP_FAILED) {
      snprintf(err, err_len, "cannot map input file: %s", strerror(errno));
      munmap(map, map_size);
      return -1;
    }
    f->header = h;
  }
  if (f->map)
    munmap(f->map, f->map_size);
  f->map = map;
  f->map_size = map_size;
  f->data = (uint8_t *)map + sizeof(struct cfuzz_input_header);
  f->capacity = map_size - sizeof(struct cfuzz_input_header);
  f->header->capacity = f->capacity;
  return 0;
}

int cfuzz_input_file_create(struct cfuzz_input_file *f, const char *path, size_t capacity, char *err,
                            size_t err_len) {
  memset(f, 0, sizeof *f);
  f->fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (f->fd < 0) {
    snprintf(err, err_len, "cannot create input file '%s': %s", path,
             errno == ELOOP ? "it is a symbolic link" : strerror(errno));
    return -1;
  }
  if (map_file(f, round_to_page(sizeof(struct cfuzz_input_header) + capacity), err, err_len) != 0) {
    close(f->fd);
    f->fd = -1;
    return -1;
  }
  volatile struct cfuzz_input_header *h = f->header;
  memcpy((void *)h->magic, CFUZZ_INPUT_MAGIC, 8);
  h->version = CFUZZ_INPUT_VERSION;
  h->header_size = sizeof(struct cfuzz_input_header);
  h->length = 0;
  h->runs_started = 0;
  h->running = 0;
  h->death_kind = 0;
  h->death_signature = 0;
  h->death_signal = 0;
  return 0;
}

int cfuzz_input_file_reserve(struct cfuzz_input_file *f, size_t capacity, char *err, size_t err_len) {
  if (capacity <= f->capacity)
    return 0;
  size_t old_map = f->capacity + sizeof(struct cfuzz_input_header);
  size_t want = old_map + old_map / 2;
  if (want < capacity + sizeof(struct cfuzz_input_header))
    want = capacity + sizeof(struct cfuzz_input_header);
  if (map_file(f, round_to_page(want), err, err_len) != 0)
    return -1;
  return 0;
}

void cfuzz_input_file_close(struct cfuzz_input_file *f) {
  if (f->map)
    munmap(f->map, f->map_size);
  if (f->header)
    munmap((void *)f->header, sizeof(struct cfuzz_input_header));
  if (f->fd >= 0)
    close(f->fd);
  memset(f, 0, sizeof *f);
  f->fd = -1;
}

int cfuzz_input_file_recover(const char *path, uint8_t **data, size_t *len, struct cfuzz_input_header *header,
                             char *err, size_t err_len) {
  uint8_t *bytes;
  size_t size;
  if (cfuzz_read_file(path, SIZE_MAX / 2, &bytes, &size) != 0) {
    snprintf(err, err_len, "cannot read input file '%s': %s", path, strerror(errno));
    return -1;
  }
  struct cfuzz_input_header h;
  if (size < sizeof h) {
    snprintf(err, err_len, "input file '%s' is truncated (%zu bytes)", path, size);
    free(bytes);
    return -1;
  }
  memcpy(&h, bytes, sizeof h);
  if (memcmp(h.magic, CFUZZ_INPUT_MAGIC, 8) != 0 || h.version != CFUZZ_INPUT_VERSION ||
      h.header_size != sizeof h || h.length > size - sizeof h) {
    snprintf(err, err_len, "input file '%s' has a bad header", path);
    free(bytes);
    return -1;
  }
  if (header)
    *header = h;
  *len = (size_t)h.length;
  *data = cfuzz_xmalloc(*len);
  memcpy(*data, bytes + sizeof h, *len);
  free(bytes);
  return 0;
}
