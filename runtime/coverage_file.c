/* coverage_file.c - create, validate and map the shared coverage file, and
 * read it from outside the fuzzer (see coverage_file.h). Nothing read from
 * the file is trusted before its size and header are checked. */
#define _GNU_SOURCE
#include "coverage_file.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(sizeof(struct cfuzz_coverage_header) == 128, "coverage header layout is fixed");
_Static_assert(sizeof(struct cfuzz_coverage_module_entry) == 72, "module entry layout is fixed");

/* Bounds that no real program reaches; they keep size arithmetic far from
 * overflow when the numbers come from a damaged file. */
#define MAX_PC_COUNT (UINT64_C(1) << 40)
#define MAX_MODULES 65536u
#define MAX_MODULE_TABLE (UINT64_C(1) << 30)

static uint64_t words_for(uint64_t pc_count) { return (pc_count + 63) / 64; }

static uint64_t file_size_for(uint64_t pc_count, uint64_t module_table_size) {
  return sizeof(struct cfuzz_coverage_header) + 8 * words_for(pc_count) + 8 * pc_count + module_table_size;
}

static uint64_t pc_offsets_at(uint64_t pc_count) {
  return sizeof(struct cfuzz_coverage_header) + 8 * words_for(pc_count);
}

static uint64_t module_table_at(uint64_t pc_count) { return pc_offsets_at(pc_count) + 8 * pc_count; }

size_t cfuzz_coverage_module_table_size(const struct cfuzz_coverage_module *modules, size_t module_count) {
  size_t size = module_count * sizeof(struct cfuzz_coverage_module_entry);
  for (size_t i = 0; i < module_count; i++)
    size += strlen(modules[i].path) + 1;
  return (size + 7) & ~(size_t)7;
}

static void fill_new_file(uint8_t *map, const struct cfuzz_coverage_layout *l, uint64_t table_size) {
  struct cfuzz_coverage_header *h = (struct cfuzz_coverage_header *)map;
  memcpy(h->magic, CFUZZ_COVERAGE_MAGIC, 8);
  h->version = CFUZZ_COVERAGE_VERSION;
  h->header_size = sizeof *h;
  h->pc_count = l->pc_count;
  h->coverage_id = l->coverage_id;
  h->module_count = l->module_count;
  h->module_table_size = table_size;
  /* The bitset is already zero: ftruncate extends with zero bytes. */
  memcpy(map + pc_offsets_at(l->pc_count), l->pc_offsets, l->pc_count * 8);
  uint8_t *table = map + module_table_at(l->pc_count);
  uint32_t path_offset = (uint32_t)(l->module_count * sizeof(struct cfuzz_coverage_module_entry));
  for (size_t i = 0; i < l->module_count; i++) {
    const struct cfuzz_coverage_module *m = &l->modules[i];
    struct cfuzz_coverage_module_entry e = {
        .first_pc = m->first_pc,
        .pc_count = m->pc_count,
        .link_base = m->link_base,
        .path_offset = path_offset,
        .path_len = (uint32_t)strlen(m->path),
        .build_id_len = m->build_id_len,
    };
    memcpy(e.build_id, m->build_id, m->build_id_len);
    memcpy(table + i * sizeof e, &e, sizeof e);
    memcpy(table + path_offset, m->path, e.path_len + 1);
    path_offset += e.path_len + 1;
  }
}

/* The header checks shared by writers and readers. */
static int check_header(const struct cfuzz_coverage_header *h, uint64_t file_size, const char *path, char *err,
                        size_t err_len) {
  if (memcmp(h->magic, CFUZZ_COVERAGE_MAGIC, 8) != 0) {
    snprintf(err, err_len, "coverage file '%s' is not a cfuzz coverage file (bad magic)", path);
    return -1;
  }
  if (h->version != CFUZZ_COVERAGE_VERSION || h->header_size != sizeof *h) {
    snprintf(err, err_len, "coverage file '%s' has format version %" PRIu32 " (header %" PRIu32
             " bytes)%s; this cfuzz reads and writes version %u only; remove the file or use another -workdir",
             path, h->version, h->header_size, h->version < CFUZZ_COVERAGE_VERSION ? ", from an older cfuzz" : "",
             CFUZZ_COVERAGE_VERSION);
    return -1;
  }
  if (h->pc_count > MAX_PC_COUNT || h->module_count > MAX_MODULES || h->module_table_size > MAX_MODULE_TABLE ||
      h->module_table_size % 8 != 0 ||
      h->module_table_size < h->module_count * sizeof(struct cfuzz_coverage_module_entry)) {
    snprintf(err, err_len, "coverage file '%s' has an implausible header (%" PRIu64 " PCs, %" PRIu64
             " modules, module table of %" PRIu64 " bytes); it is damaged", path, h->pc_count, h->module_count,
             h->module_table_size);
    return -1;
  }
  uint64_t want = file_size_for(h->pc_count, h->module_table_size);
  if (file_size != want) {
    snprintf(err, err_len, "coverage file '%s' has %" PRIu64 " bytes, its header says %" PRIu64
             " (truncated or damaged); remove it or use another -workdir", path, file_size, want);
    return -1;
  }
  return 0;
}

/* Parses and checks the module table: entries cover the PCs in order without
 * gaps, paths lie inside the table and are NUL-terminated. Fills out[] (paths
 * point into table) when out is not NULL. */
static int parse_module_table(const uint8_t *table, const struct cfuzz_coverage_header *h,
                              struct cfuzz_coverage_module *out, const char *path, char *err, size_t err_len) {
  uint64_t next_pc = 0;
  uint64_t entries_end = h->module_count * sizeof(struct cfuzz_coverage_module_entry);
  for (uint64_t i = 0; i < h->module_count; i++) {
    struct cfuzz_coverage_module_entry e;
    memcpy(&e, table + i * sizeof e, sizeof e);
    const char *what = NULL;
    if (e.first_pc != next_pc || e.pc_count > h->pc_count - next_pc)
      what = "PC range";
    else if (e.build_id_len > CFUZZ_BUILD_ID_MAX)
      what = "build ID length";
    else if (e.path_offset < entries_end || (uint64_t)e.path_offset + e.path_len >= h->module_table_size ||
             table[e.path_offset + e.path_len] != 0 || memchr(table + e.path_offset, 0, e.path_len) != NULL)
      what = "path";
    if (what) {
      snprintf(err, err_len, "coverage file '%s' is damaged: module %" PRIu64 " has a bad %s", path, i, what);
      return -1;
    }
    next_pc += e.pc_count;
    if (out) {
      out[i] = (struct cfuzz_coverage_module){
          .first_pc = e.first_pc,
          .pc_count = e.pc_count,
          .link_base = e.link_base,
          .path = (const char *)table + e.path_offset,
          .build_id_len = e.build_id_len,
      };
      memcpy(out[i].build_id, e.build_id, e.build_id_len);
    }
  }
  if (next_pc != h->pc_count) {
    snprintf(err, err_len, "coverage file '%s' is damaged: its modules hold %" PRIu64 " of %" PRIu64 " PCs", path,
             next_pc, h->pc_count);
    return -1;
  }
  return 0;
}

/* A fuzzer process joining an existing file: it must hold the same PCs. A
 * module rebuilt without moving an instrumented PC (a change to code that is
 * not instrumented, such as the runtime) keeps its coverage; its build ID and
 * link base are updated so that readers find the new build. Paths may differ
 * (the same build run from another place); the first one stays. Called under
 * the exclusive lock. */
static int validate(uint8_t *map, uint64_t file_size, const struct cfuzz_coverage_layout *l, const char *path,
                    char *err, size_t err_len) {
  const struct cfuzz_coverage_header *h = (const struct cfuzz_coverage_header *)map;
  if (check_header(h, file_size, path, err, err_len) != 0)
    return -1;
  if (h->pc_count != l->pc_count || h->coverage_id != l->coverage_id || h->module_count != l->module_count) {
    snprintf(err, err_len, "coverage file '%s' is for a different build (%" PRIu64 " PCs in %" PRIu64
             " modules, this program has %zu in %zu); remove it or use another -workdir", path, h->pc_count,
             h->module_count, l->pc_count, l->module_count);
    return -1;
  }
  if (memcmp(map + pc_offsets_at(h->pc_count), l->pc_offsets, l->pc_count * 8) != 0) {
    snprintf(err, err_len, "coverage file '%s' has different PC offsets than this program; remove it "
             "or use another -workdir", path);
    return -1;
  }
  uint8_t *table = map + module_table_at(h->pc_count);
  if (parse_module_table(table, h, NULL, path, err, err_len) != 0)
    return -1;
  for (size_t i = 0; i < l->module_count; i++) {
    struct cfuzz_coverage_module_entry e;
    memcpy(&e, table + i * sizeof e, sizeof e);
    const struct cfuzz_coverage_module *m = &l->modules[i];
    if (e.pc_count != m->pc_count) {
      snprintf(err, err_len, "coverage file '%s' divides its PCs among modules differently; remove it or use "
               "another -workdir", path);
      return -1;
    }
    if (e.link_base != m->link_base || e.build_id_len != m->build_id_len ||
        memcmp(e.build_id, m->build_id, m->build_id_len) != 0) {
      e.link_base = m->link_base;
      e.build_id_len = m->build_id_len;
      memset(e.build_id, 0, sizeof e.build_id);
      memcpy(e.build_id, m->build_id, m->build_id_len);
      memcpy(table + i * sizeof e, &e, sizeof e);
    }
  }
  return 0;
}

int cfuzz_coverage_file_open(struct cfuzz_coverage_file *cf, const char *dir,
                             const struct cfuzz_coverage_layout *layout, char *err, size_t err_len) {
  memset(cf, 0, sizeof *cf);
  cf->fd = -1;
  char path[4096];
  snprintf(path, sizeof path, "%s/%016" PRIx64, dir, layout->coverage_id);
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
  uint64_t table_size = cfuzz_coverage_module_table_size(layout->modules, layout->module_count);
  uint64_t size = file_size_for(layout->pc_count, table_size);
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
  } else if ((uint64_t)st.st_size < sizeof(struct cfuzz_coverage_header)) {
    snprintf(err, err_len, "coverage file '%s' has %lld bytes, expected %" PRIu64 " (truncated, damaged or from "
             "another build); remove it or use another -workdir", path, (long long)st.st_size, size);
    goto fail;
  } else {
    /* Paths may differ in length from ours: the file's own header says. */
    size = (uint64_t)st.st_size;
  }
  uint8_t *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) {
    snprintf(err, err_len, "cannot map coverage file '%s': %s", path, strerror(errno));
    goto fail;
  }
  if (fresh_file)
    fill_new_file(map, layout, table_size);
  else if (validate(map, size, layout, path, err, err_len) != 0) {
    munmap(map, size);
    goto fail;
  }
  flock(fd, LOCK_UN);
  cf->header = (struct cfuzz_coverage_header *)map;
  cf->seen = (uint64_t *)(map + sizeof(struct cfuzz_coverage_header));
  cf->n_words = words_for(layout->pc_count);
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

/* ---- Reading from outside the fuzzer ---- */

static int read_exact(int fd, void *buf, uint64_t len, uint64_t at) {
  uint8_t *p = buf;
  while (len > 0) {
    ssize_t n = pread(fd, p, len, (off_t)at);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return -1;
    p += n;
    at += (uint64_t)n;
    len -= (uint64_t)n;
  }
  return 0;
}

static int current_size(int fd, uint64_t *size) {
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
    return -1;
  *size = (uint64_t)st.st_size;
  return 0;
}

int cfuzz_coverage_reader_open(struct cfuzz_coverage_reader *r, const char *path, char *err, size_t err_len) {
  memset(r, 0, sizeof *r);
  r->fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (r->fd < 0) {
    snprintf(err, err_len, "cannot open coverage file '%s': %s", path,
             errno == ELOOP ? "it is a symbolic link" : strerror(errno));
    return -1;
  }
  /* A shared lock waits out a fuzzer that is still initialising the file. */
  while (flock(r->fd, LOCK_SH) != 0 && errno == EINTR) {
  }
  uint8_t *table = NULL;
  if (current_size(r->fd, &r->file_size) != 0) {
    snprintf(err, err_len, "coverage file '%s' is not a regular file", path);
    goto fail;
  }
  if (r->file_size < sizeof r->header || read_exact(r->fd, &r->header, sizeof r->header, 0) != 0) {
    snprintf(err, err_len, "coverage file '%s' is shorter than its header (%" PRIu64 " bytes)", path,
             r->file_size);
    goto fail;
  }
  if (check_header(&r->header, r->file_size, path, err, err_len) != 0)
    goto fail;
  const struct cfuzz_coverage_header *h = &r->header;
  r->n_words = words_for(h->pc_count);
  r->seen = calloc(r->n_words ? r->n_words : 1, 8);
  r->pc_offsets = calloc(h->pc_count ? h->pc_count : 1, 8);
  r->modules = calloc(h->module_count ? h->module_count : 1, sizeof *r->modules);
  table = malloc(h->module_table_size ? h->module_table_size : 1);
  if (!r->seen || !r->pc_offsets || !r->modules || !table) {
    snprintf(err, err_len, "out of memory reading coverage file '%s'", path);
    goto fail;
  }
  if (read_exact(r->fd, r->seen, 8 * r->n_words, sizeof *h) != 0 ||
      read_exact(r->fd, r->pc_offsets, 8 * h->pc_count, pc_offsets_at(h->pc_count)) != 0 ||
      read_exact(r->fd, table, h->module_table_size, module_table_at(h->pc_count)) != 0) {
    snprintf(err, err_len, "cannot read coverage file '%s' (it shrank while being read?)", path);
    goto fail;
  }
  if (h->pc_count % 64 != 0)
    r->seen[r->n_words - 1] &= (UINT64_C(1) << (h->pc_count % 64)) - 1;
  if (parse_module_table(table, h, r->modules, path, err, err_len) != 0)
    goto fail;
  r->module_count = h->module_count;
  for (size_t i = 0; i < r->module_count; i++) {
    r->modules[i].path = strdup(r->modules[i].path);
    if (!r->modules[i].path) {
      snprintf(err, err_len, "out of memory reading coverage file '%s'", path);
      goto fail;
    }
  }
  free(table);
  flock(r->fd, LOCK_UN);
  return 0;
fail:
  free(table);
  cfuzz_coverage_reader_close(r);
  return -1;
}

int cfuzz_coverage_reader_refresh(struct cfuzz_coverage_reader *r, char *err, size_t err_len) {
  uint64_t size;
  struct cfuzz_coverage_header h;
  if (current_size(r->fd, &size) != 0 || size != r->file_size ||
      read_exact(r->fd, &h, sizeof h, 0) != 0 || memcmp(&h, &r->header, 24) != 0 ||
      h.coverage_id != r->header.coverage_id || h.module_count != r->header.module_count ||
      h.module_table_size != r->header.module_table_size) {
    snprintf(err, err_len, "the coverage file changed shape (truncated or replaced); showing the last good read");
    return -1;
  }
  uint64_t *seen = malloc(8 * (r->n_words ? r->n_words : 1));
  if (!seen || read_exact(r->fd, seen, 8 * r->n_words, sizeof h) != 0) {
    free(seen);
    snprintf(err, err_len, "cannot read the coverage file's bits");
    return -1;
  }
  /* Bits beyond pc_count would count PCs that do not exist. */
  if (h.pc_count % 64 != 0 && r->n_words > 0)
    seen[r->n_words - 1] &= (UINT64_C(1) << (h.pc_count % 64)) - 1;
  free(r->seen);
  r->seen = seen;
  r->header = h;
  return 0;
}

bool cfuzz_coverage_reader_seen(const struct cfuzz_coverage_reader *r, uint64_t pc) {
  return pc < r->header.pc_count && (r->seen[pc / 64] >> (pc % 64) & 1);
}

size_t cfuzz_coverage_reader_count_seen(const struct cfuzz_coverage_reader *r) {
  size_t n = 0;
  for (size_t i = 0; i < r->n_words; i++)
    n += (size_t)__builtin_popcountll(r->seen[i]);
  return n;
}

void cfuzz_coverage_reader_close(struct cfuzz_coverage_reader *r) {
  if (r->modules)
    for (size_t i = 0; i < r->module_count; i++)
      free((char *)r->modules[i].path);
  free(r->modules);
  free(r->seen);
  free(r->pc_offsets);
  if (r->fd > 0)
    close(r->fd);
  memset(r, 0, sizeof *r);
  r->fd = -1;
}
