/* coverage_file.c - create, validate and map the shared coverage file (see
 * coverage_file.h). Nothing read from the file is trusted before its size
 * and header are checked. */
#define _GNU_SOURCE
#include "coverage_file.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(sizeof(struct cfuzz_coverage_header) == 64, "coverage header layout is fixed");

size_t cfuzz_coverage_file_size(uint64_t pc_count) {
  return sizeof(struct cfuzz_coverage_header) + (size_t)((pc_count + 63) / 64) * 8 + (size_t)pc_count * 8;
}

static void fill_new_file(uint8_t *map, uint64_t coverage_id, const uint64_t *pc_offsets, size_t pc_count) {
  struct cfuzz_coverage_header *h = (struct cfuzz_coverage_header *)map;
  memcpy(h->magic, CFUZZ_COVERAGE_MAGIC, 8);
  h->version = CFUZZ_COVERAGE_VERSION;
  h->header_size = sizeof *h;
  h->pc_count = pc_count;
  h->coverage_id = coverage_id;
  size_t n_words = (pc_count + 63) / 64;
  /* The bitset is already zero: ftruncate extends with zero bytes. */
  memcpy(map + sizeof *h + n_words * 8, pc_offsets, pc_count * 8);
}

static int validate(const uint8_t *map, uint64_t coverage_id, const uint64_t *pc_offsets, size_t pc_count,
                    const char *path, char *err, size_t err_len) {
  const struct cfuzz_coverage_header *h = (const struct cfuzz_coverage_header *)map;
  if (memcmp(h->magic, CFUZZ_COVERAGE_MAGIC, 8) != 0) {
    snprintf(err, err_len, "coverage file '%s' is not a cfuzz coverage file (bad magic)", path);
    return -1;
  }
  if (h->version != CFUZZ_COVERAGE_VERSION || h->header_size != sizeof *h) {
    snprintf(err, err_len, "coverage file '%s' has format version %" PRIu32 " (header %" PRIu32
             " bytes); this cfuzz writes version %u; remove the file or use another -workdir",
             path, h->version, h->header_size, CFUZZ_COVERAGE_VERSION);
    return -1;
  }
  if (h->pc_count != pc_count || h->coverage_id != coverage_id) {
    snprintf(err, err_len, "coverage file '%s' is for a different build (%" PRIu64
             " PCs, this program has %zu); remove it or use another -workdir", path, h->pc_count, pc_count);
    return -1;
  }
  size_t n_words = (pc_count + 63) / 64;
  if (memcmp(map + sizeof *h + n_words * 8, pc_offsets, pc_count * 8) != 0) {
    snprintf(err, err_len, "coverage file '%s' has different PC offsets than this program; remove it "
             "or use another -workdir", path);
    return -1;
  }
  return 0;
}

int cfuzz_coverage_file_open(struct cfuzz_coverage_file *cf, const char *dir, uint64_t coverage_id,
                             const uint64_t *pc_offsets, size_t pc_count, char *err, size_t err_len) {
  memset(cf, 0, sizeof *cf);
  cf->fd = -1;
  char path[4096];
  snprintf(path, sizeof path, "%s/%016" PRIx64, dir, coverage_id);
  /* O_NOFOLLOW: a planted symlink must not make us write someone else's file. */
  int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == ELOOP)
      snprintf(err, err_len, "coverage file '%s' is a symbolic link; refusing to follow it", path);
    else
      snprintf(err, err_len, "cannot open coverage file '%s': %s", path, strerror(errno));
    return -1;
  }
  /* The lock makes "empty means new" safe: only one process initialises. */
  while (flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      snprintf(err, err_len, "cannot lock coverage file '%s': %s", path, strerror(errno));
      close(fd);
      return -1;
    }
  }
  size_t size = cfuzz_coverage_file_size(pc_count);
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    snprintf(err, err_len, "coverage file '%s' is not a regular file", path);
    goto fail;
  }
  bool fresh_file = st.st_size == 0;
  if (fresh_file) {
    if (ftruncate(fd, (off_t)size) != 0) {
      snprintf(err, err_len, "cannot size coverage file '%s': %s", path, strerror(errno));
      goto fail;
    }
  } else if ((uint64_t)st.st_size != size) {
    snprintf(err, err_len, "coverage file '%s' has %lld bytes, expected %zu (truncated, damaged or from "
             "another build); remove it or use another -workdir", path, (long long)st.st_size, size);
    goto fail;
  }
  uint8_t *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) {
    snprintf(err, err_len, "cannot map coverage file '%s': %s", path, strerror(errno));
    goto fail;
  }
  if (fresh_file)
    fill_new_file(map, coverage_id, pc_offsets, pc_count);
  else if (validate(map, coverage_id, pc_offsets, pc_count, path, err, err_len) != 0) {
    munmap(map, size);
    goto fail;
  }
  flock(fd, LOCK_UN);
  cf->header = (struct cfuzz_coverage_header *)map;
  cf->seen = (uint64_t *)(map + sizeof(struct cfuzz_coverage_header));
  cf->n_words = (pc_count + 63) / 64;
  cf->map_size = size;
  cf->fd = fd;
  return 0;
fail:
  flock(fd, LOCK_UN);
  close(fd);
  return -1;
}

void cfuzz_coverage_file_close(struct cfuzz_coverage_file *cf) {
  if (cf->header)
    munmap(cf->header, cf->map_size);
  if (cf->fd >= 0)
    close(cf->fd);
  memset(cf, 0, sizeof *cf);
  cf->fd = -1;
}

size_t cfuzz_coverage_file_count_seen(const struct cfuzz_coverage_file *cf) {
  size_t n = 0;
  for (size_t i = 0; i < cf->n_words; i++)
    n += (size_t)__builtin_popcountll(__atomic_load_n(&cf->seen[i], __ATOMIC_RELAXED));
  return n;
}
