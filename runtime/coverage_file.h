/* coverage_file.h - the shared coverage file <workdir>/v/<id>.
 *
 * Layout (native endianness, all fields 8-byte aligned):
 *   struct cfuzz_coverage_header   64 bytes, below
 *   uint64_t seen[n_words]         bit i set = PC i was reached by some run
 *   uint64_t pc_offsets[pc_count]  module-relative offset of PC i
 * where n_words = ceil(pc_count / 64). Several processes map the file shared
 * and OR their coverage into `seen` atomically; the run counters are atomic
 * adds. The first process creates the file under an exclusive flock; every
 * later one validates size, magic, version, PC count and offsets. */
#ifndef CFUZZ_COVERAGE_FILE_H
#define CFUZZ_COVERAGE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CFUZZ_COVERAGE_MAGIC "CFUZZCOV"
#define CFUZZ_COVERAGE_VERSION 1u

struct cfuzz_coverage_header {
  char magic[8];         /* "CFUZZCOV", no terminator */
  uint32_t version;      /* CFUZZ_COVERAGE_VERSION */
  uint32_t header_size;  /* sizeof(struct cfuzz_coverage_header) = 64 */
  uint64_t pc_count;
  uint64_t total_runs;   /* executions by all processes (atomic) */
  uint64_t unique_runs;  /* executions that added or improved an entry (atomic) */
  uint64_t coverage_id;  /* the <id> of the file name */
  uint64_t reserved[2];  /* zero */
};

struct cfuzz_coverage_file {
  struct cfuzz_coverage_header *header;
  uint64_t *seen;          /* n_words words inside the mapping */
  size_t n_words;
  size_t map_size;
  int fd;
};

/* Expected size of a coverage file with pc_count PCs. */
size_t cfuzz_coverage_file_size(uint64_t pc_count);

/* Creates or opens and validates <dir>/<id as 16 hex digits>; dir must
 * exist. Returns 0, or -1 with a one-line reason in err. */
int cfuzz_coverage_file_open(struct cfuzz_coverage_file *cf, const char *dir, uint64_t coverage_id,
                             const uint64_t *pc_offsets, size_t pc_count, char *err, size_t err_len);
void cfuzz_coverage_file_close(struct cfuzz_coverage_file *cf);

/* PCs set in the shared bitset (for statistics, not per run). */
size_t cfuzz_coverage_file_count_seen(const struct cfuzz_coverage_file *cf);

#endif
