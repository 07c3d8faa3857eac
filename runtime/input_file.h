/* input_file.h - the memory-mapped file holding the input being executed.
 *
 * Layout (native endianness):
 *   struct cfuzz_input_header   64 bytes, below
 *   uint8_t data[capacity]      the input's bytes; only `length` are valid
 * The mutator writes the next input straight into `data`, then the length is
 * stored in the header, and only then does the target run: whatever kills
 * the process, the file holds the exact input. The file grows (ftruncate +
 * remap) only when an input outgrows it, so steady-state execution makes no
 * syscall and no allocation. */
#ifndef CFUZZ_INPUT_FILE_H
#define CFUZZ_INPUT_FILE_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_INPUT_MAGIC "CFZINPUT"
#define CFUZZ_INPUT_VERSION 2u

/* Besides the input, the header carries what a supervisor needs to know
 * about the process writing it: how many runs it began and whether one is
 * in progress (for the watchdog and the supervisor's own timeout), and, when
 * the process caught its own death, the death record (kind, signal and
 * signature; see artifact.h). */
struct cfuzz_input_header {
  char magic[8];            /* "CFZINPUT" */
  uint32_t version;         /* CFUZZ_INPUT_VERSION */
  uint32_t header_size;     /* 64 */
  uint64_t length;          /* bytes of data[] that form the current input */
  uint64_t capacity;        /* bytes available for data[] */
  uint64_t runs_started;    /* executions begun (written only by the owner) */
  uint32_t running;         /* 1 while the target runs */
  uint32_t death_kind;      /* enum cfuzz_artifact_kind; 0: no death recorded */
  uint64_t death_signature; /* cfuzz_signature of the death; 0 if none */
  uint32_t death_signal;    /* the deadly signal, 0 if none */
  uint32_t reserved;        /* zero */
};

struct cfuzz_input_file {
  volatile struct cfuzz_input_header *header; /* its own mapping: never moves */
  void *map;                                  /* header + data, remapped on growth */
  size_t map_size;
  uint8_t *data;
  size_t capacity;
  int fd;
};

/* Creates (truncating) the file at path without following a symlink, with
 * room for at least `capacity` bytes. Returns 0, or -1 with reason in err. */
int cfuzz_input_file_create(struct cfuzz_input_file *f, const char *path, size_t capacity, char *err,
                            size_t err_len);
/* Makes room for `capacity` bytes, growing the file by at least half its size
 * so growth is rare. Pointers into data[] are invalid afterwards. Returns 0,
 * or -1 with reason in err. */
int cfuzz_input_file_reserve(struct cfuzz_input_file *f, size_t capacity, char *err, size_t err_len);

/* Publishes the length of the bytes already written into data[]. */
static inline void cfuzz_input_file_set_length(struct cfuzz_input_file *f, size_t length) {
  __atomic_store_n(&f->header->length, (uint64_t)length, __ATOMIC_RELEASE);
}
static inline size_t cfuzz_input_file_length(const struct cfuzz_input_file *f) {
  return (size_t)__atomic_load_n(&f->header->length, __ATOMIC_ACQUIRE);
}

void cfuzz_input_file_close(struct cfuzz_input_file *f);

/* Reads the input recorded in a (possibly foreign or damaged) input file,
 * checking magic and bounds. Returns 0 with a malloc'd copy (and the header
 * in *header unless NULL), or -1 with reason in err. Used to recover a
 * crashing input. */
int cfuzz_input_file_recover(const char *path, uint8_t **data, size_t *len, struct cfuzz_input_header *header,
                             char *err, size_t err_len);

#endif
