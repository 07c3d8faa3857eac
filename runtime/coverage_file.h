/* coverage_file.h - the shared coverage file <workdir>/v/<id>, written by the
 * fuzzer processes of a campaign and read by cfuzz-view. This header is the
 * one description of the format that both sides compile.
 *
 * Layout (native endianness, every part 8-byte aligned):
 *   struct cfuzz_coverage_header          128 bytes, below
 *   uint64_t seen[n_words]                bit i set = PC i was reached by some run
 *   uint64_t pc_offsets[pc_count]         offset of PC i from its module's load address
 *   module table (module_table_size bytes):
 *     struct cfuzz_coverage_module_entry[module_count]
 *     the modules' paths, each NUL-terminated, zero-padded to 8 bytes
 * where n_words = ceil(pc_count / 64). Several processes map the file shared
 * and OR their coverage into `seen` atomically; the run counters are atomic
 * adds. Everything but `seen` and the counters is written once, by the first
 * process, under an exclusive flock; every later one validates it under the
 * same lock. Readers (cfuzz-view) never trust it: see
 * cfuzz_coverage_reader_open. */
#ifndef CFUZZ_COVERAGE_FILE_H
#define CFUZZ_COVERAGE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CFUZZ_COVERAGE_MAGIC "CFUZZCOV"
#define CFUZZ_COVERAGE_VERSION 2u
#define CFUZZ_BUILD_ID_MAX 32

struct cfuzz_coverage_header {
  char magic[8];              /* "CFUZZCOV", no terminator */
  uint32_t version;           /* CFUZZ_COVERAGE_VERSION */
  uint32_t header_size;       /* sizeof(struct cfuzz_coverage_header) = 128 */
  uint64_t pc_count;
  uint64_t total_runs;        /* executions by all processes (atomic) */
  uint64_t unique_runs;       /* executions that added or improved an entry (atomic) */
  uint64_t coverage_id;       /* the <id> of the file name */
  uint64_t module_count;
  uint64_t module_table_size; /* bytes, a multiple of 8 */
  uint64_t reserved[8];       /* zero */
};

/* One instrumented module: PCs first_pc .. first_pc + pc_count - 1 belong to
 * it. A PC's address in the module's ELF file (as debug information sees it)
 * is link_base + its offset. */
struct cfuzz_coverage_module_entry {
  uint64_t first_pc;
  uint64_t pc_count;
  uint64_t link_base;     /* ELF address of the load address the offsets count from */
  uint32_t path_offset;   /* of the path, from the start of the module table */
  uint32_t path_len;      /* without the NUL */
  uint32_t build_id_len;  /* 0 = none; at most CFUZZ_BUILD_ID_MAX */
  uint32_t reserved;      /* zero */
  uint8_t build_id[CFUZZ_BUILD_ID_MAX]; /* NT_GNU_BUILD_ID, truncated */
};

/* A module as the fuzzer describes it (and the reader returns it). */
struct cfuzz_coverage_module {
  uint64_t first_pc;
  uint64_t pc_count;
  uint64_t link_base;
  const char *path;       /* "" when unknown */
  uint32_t build_id_len;
  uint8_t build_id[CFUZZ_BUILD_ID_MAX];
};

/* What a fuzzer process expects the file to hold. */
struct cfuzz_coverage_layout {
  uint64_t coverage_id;
  const uint64_t *pc_offsets;
  size_t pc_count;
  const struct cfuzz_coverage_module *modules;
  size_t module_count;
};

struct cfuzz_coverage_file {
  struct cfuzz_coverage_header *header;
  uint64_t *seen;          /* n_words words inside the mapping */
  size_t n_words;
  size_t map_size;
  int fd;
};

/* Size of the module table for these modules. */
size_t cfuzz_coverage_module_table_size(const struct cfuzz_coverage_module *modules, size_t module_count);

/* Creates or opens and validates <dir>/<id as 16 hex digits>; dir must
 * exist. Returns 0, or -1 with a one-line reason in err. */
int cfuzz_coverage_file_open(struct cfuzz_coverage_file *cf, const char *dir,
                             const struct cfuzz_coverage_layout *layout, char *err, size_t err_len);
void cfuzz_coverage_file_close(struct cfuzz_coverage_file *cf);

/* PCs set in the shared bitset (for statistics, not per run). */
size_t cfuzz_coverage_file_count_seen(const struct cfuzz_coverage_file *cf);

/* A read-only copy of a coverage file, for programs beside the fuzzer. It is
 * read with pread, never mapped, so a file truncated or rewritten by someone
 * else cannot fault the reader; every count, offset and length is checked
 * against the file's size before use. */
struct cfuzz_coverage_reader {
  int fd;
  uint64_t file_size;
  struct cfuzz_coverage_header header;   /* counters as of the last refresh */
  uint64_t *seen;                        /* n_words, as of the last refresh */
  size_t n_words;
  uint64_t *pc_offsets;                  /* header.pc_count */
  struct cfuzz_coverage_module *modules; /* header.module_count, paths malloc'd */
  size_t module_count;
};

/* Opens and validates the file at path (not following a symlink). Returns 0,
 * or -1 with a one-line reason in err (old format versions are named as such). */
int cfuzz_coverage_reader_open(struct cfuzz_coverage_reader *r, const char *path, char *err, size_t err_len);
/* Re-reads the counters and the seen bits. Returns 0, or -1 with a reason if
 * the file changed shape (then the old snapshot is kept). */
int cfuzz_coverage_reader_refresh(struct cfuzz_coverage_reader *r, char *err, size_t err_len);
/* Whether PC i is set in the last snapshot. */
bool cfuzz_coverage_reader_seen(const struct cfuzz_coverage_reader *r, uint64_t pc);
size_t cfuzz_coverage_reader_count_seen(const struct cfuzz_coverage_reader *r);
void cfuzz_coverage_reader_close(struct cfuzz_coverage_reader *r);

#endif
