/* srcmap.h - maps the coverage file's PCs to source lines with elfutils'
 * libdw: PC i of module m is at ELF address link_base(m) + offset(i) in the
 * module's file, and its line is the line-table row for that address (the
 * instrumented block's first instruction, or a function's opening line for
 * function entries). */
#ifndef CFUZZ_VIEW_SRCMAP_H
#define CFUZZ_VIEW_SRCMAP_H

#include <stddef.h>
#include <stdint.h>

#include "coverage_file.h"

#define SRCMAP_NO_FILE UINT32_MAX

struct srcmap_file {
  char *path;      /* as the debug information names it (absolute when it can be) */
  size_t n_points; /* PCs on this file's lines */
};

struct srcmap {
  struct srcmap_file *files; /* sorted by path */
  size_t n_files;
  uint32_t *pc_file;         /* per PC: index into files, or SRCMAP_NO_FILE */
  uint32_t *pc_line;         /* per PC: line (1-based), 0 if unknown */
  size_t n_pcs;
  size_t n_unmapped;         /* PCs without a line */
  char *warnings;            /* one line per problem (missing binary, other build), "" if none */
};

/* Maps every PC of r. `binary` (may be NULL) replaces the recorded path of
 * the module with the same build ID, or of the first module. Problems with a
 * module (no file, no debug information, another build) leave its PCs
 * unmapped and add a warning; this never fails as a whole. */
void srcmap_build(struct srcmap *m, const struct cfuzz_coverage_reader *r, const char *binary);
void srcmap_free(struct srcmap *m);

/* Reads a module's build ID from its file: returns its length (0 if none or
 * unreadable). For picking the coverage file that belongs to a binary. */
size_t srcmap_file_build_id(const char *path, uint8_t *id, size_t max);

#endif
