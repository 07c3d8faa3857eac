/* srcmap.c - see srcmap.h. */
#define _GNU_SOURCE
#include "srcmap.h"

#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strbuf.h"

/* Interned file names: an open-addressing hash from path to index. */
struct interner {
  char **paths;
  size_t n, cap;
  uint32_t *slots; /* index + 1, 0 = empty */
  size_t n_slots;
};

static uint64_t hash_str(const char *s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; s++)
    h = (h ^ (uint8_t)*s) * 0x100000001b3ull;
  return h;
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fprintf(stderr, "cfuzz-view: out of memory\n");
    exit(1);
  }
  return p;
}

static uint32_t intern(struct interner *t, const char *path) {
  if (2 * (t->n + 1) > t->n_slots) {
    size_t n_slots = t->n_slots ? 2 * t->n_slots : 64;
    uint32_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
      xrealloc(NULL, SIZE_MAX); /* reports and exits */
    for (size_t i = 0; i < t->n; i++) {
      size_t s = hash_str(t->paths[i]) & (n_slots - 1);
      while (slots[s])
        s = (s + 1) & (n_slots - 1);
      slots[s] = (uint32_t)i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = n_slots;
  }
  size_t s = hash_str(path) & (t->n_slots - 1);
  while (t->slots[s]) {
    if (strcmp(t->paths[t->slots[s] - 1], path) == 0)
      return t->slots[s] - 1;
    s = (s + 1) & (t->n_slots - 1);
  }
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 64;
    t->paths = xrealloc(t->paths, t->cap * sizeof *t->paths);
  }
  t->paths[t->n] = strdup(path);
  t->slots[s] = (uint32_t)t->n + 1;
  return (uint32_t)t->n++;
}

static const Dwfl_Callbacks offline_callbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_standard_find_debuginfo,
    .section_address = dwfl_offline_section_address,
};

size_t srcmap_file_build_id(const char *path, uint8_t *id, size_t max) {
  elf_version(EV_CURRENT);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
  size_t len = 0;
  if (elf) {
    const void *bits;
    ssize_t n = dwelf_elf_gnu_build_id(elf, &bits);
    if (n > 0) {
      len = (size_t)n < max ? (size_t)n : max;
      memcpy(id, bits, len);
    }
    elf_end(elf);
  }
  close(fd);
  return len;
}

static void hex(struct strbuf *b, const uint8_t *id, size_t n) {
  for (size_t i = 0; i < n; i++)
    sb_printf(b, "%02x", id[i]);
  if (n == 0)
    sb_puts(b, "none");
}

/* One row of a module's line tables. */
struct row {
  Dwarf_Addr addr;
  uint32_t file; /* interned */
  uint32_t line; /* 0: code with no source line (compiler-made) */
  bool end;      /* end of a sequence: no code at this address */
  size_t order;  /* position in the tables, to keep the last row per address */
};

static int by_addr(const void *a, const void *b) {
  const struct row *x = a, *y = b;
  if (x->addr != y->addr)
    return x->addr < y->addr ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Every row of every CU's line table, sorted by address. The lookup is done
 * here rather than with dwfl_module_getsrc, which needs .debug_aranges (clang
 * does not emit it by default) to find the CU of an address. */
static size_t collect_rows(Dwfl_Module *dm, struct interner *names, struct row **out) {
  size_t n = 0, cap = 0;
  struct row *rows = NULL;
  Dwarf_Die *cu = NULL;
  Dwarf_Addr bias;
  while ((cu = dwfl_module_nextcu(dm, cu, &bias)) != NULL) {
    Dwarf_Lines *lines;
    size_t n_lines;
    if (dwarf_getsrclines(cu, &lines, &n_lines) != 0)
      continue;
    for (size_t i = 0; i < n_lines; i++) {
      Dwarf_Line *l = dwarf_onesrcline(lines, i);
      Dwarf_Addr addr;
      int lineno = 0;
      bool end = false;
      const char *file = l ? dwarf_linesrc(l, NULL, NULL) : NULL;
      if (!l || dwarf_lineaddr(l, &addr) != 0 || dwarf_lineno(l, &lineno) != 0 || dwarf_lineendsequence(l, &end) != 0)
        continue;
      if (n == cap) {
        cap = cap ? 2 * cap : 1024;
        rows = xrealloc(rows, cap * sizeof *rows);
      }
      bool usable = !end && file && lineno > 0;
      rows[n] = (struct row){addr, usable ? intern(names, file) : 0, usable ? (uint32_t)lineno : 0, end, n};
      n++;
    }
  }
  if (n > 1)
    qsort(rows, n, sizeof *rows, by_addr);
  *out = rows;
  return n;
}

/* The last row at or below addr, unless that is a sequence end. A block
 * whose first instructions have no line (line 0: the counter increment
 * of a block that starts with compiler-made code) gets the next line of its
 * sequence: the first statement of the block. */
static const struct row *row_for(const struct row *rows, size_t n, Dwarf_Addr addr) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (rows[mid].addr <= addr)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0 || rows[lo - 1].end)
    return NULL;
  for (size_t i = lo - 1; i < n && !rows[i].end; i++)
    if (rows[i].line > 0)
      return &rows[i];
  return NULL;
}

/* Maps one module's PCs. */
static void map_module(struct srcmap *m, struct interner *names, const struct cfuzz_coverage_reader *r,
                       const struct cfuzz_coverage_module *mod, const char *path, struct strbuf *warn) {
  if (!path || !path[0]) {
    sb_printf(warn, "module %" PRIu64 "-%" PRIu64 ": the coverage file does not name its binary; give BINARY\n",
              mod->first_pc, mod->first_pc + mod->pc_count);
    return;
  }
  if (access(path, R_OK) != 0) {
    sb_printf(warn, "%s: binary not found or not readable; its %" PRIu64 " points cannot be shown\n", path,
              mod->pc_count);
    return;
  }
  Dwfl *dwfl = dwfl_begin(&offline_callbacks);
  Dwfl_Module *dm = dwfl ? dwfl_report_offline(dwfl, path, path, -1) : NULL;
  if (!dm) {
    sb_printf(warn, "%s: cannot read it as an ELF file: %s\n", path, dwfl_errmsg(-1));
    if (dwfl)
      dwfl_end(dwfl);
    return;
  }
  dwfl_report_end(dwfl, NULL, NULL);
  const unsigned char *bits;
  GElf_Addr vaddr;
  int id_len = dwfl_module_build_id(dm, &bits, &vaddr);
  if (mod->build_id_len > 0 &&
      (id_len != (int)mod->build_id_len || memcmp(bits, mod->build_id, mod->build_id_len) != 0)) {
    sb_printf(warn, "%s: build ID ", path);
    hex(warn, id_len > 0 ? bits : NULL, id_len > 0 ? (size_t)id_len : 0);
    sb_puts(warn, " is not the fuzzed build's (");
    hex(warn, mod->build_id, mod->build_id_len);
    sb_puts(warn, "); lines may be wrong: rebuild, or give the fuzzed binary\n");
  }
  Dwarf_Addr bias = 0;
  if (!dwfl_module_getdwarf(dm, &bias)) {
    sb_printf(warn, "%s: no debug information (build with -g); its %" PRIu64 " points cannot be shown\n", path,
              mod->pc_count);
    dwfl_end(dwfl);
    return;
  }
  struct row *rows;
  size_t n_rows = collect_rows(dm, names, &rows);
  for (uint64_t i = mod->first_pc; i < mod->first_pc + mod->pc_count; i++) {
    const struct row *row = row_for(rows, n_rows, mod->link_base + r->pc_offsets[i]);
    if (!row) {
      m->n_unmapped++;
      continue;
    }
    m->pc_file[i] = row->file;
    m->pc_line[i] = row->line;
  }
  free(rows);
  dwfl_end(dwfl);
}

static int by_path(const void *a, const void *b) {
  return strcmp(((const struct srcmap_file *)a)->path, ((const struct srcmap_file *)b)->path);
}

void srcmap_build(struct srcmap *m, const struct cfuzz_coverage_reader *r, const char *binary) {
  memset(m, 0, sizeof *m);
  m->n_pcs = r->header.pc_count;
  m->pc_file = xrealloc(NULL, m->n_pcs * sizeof *m->pc_file);
  m->pc_line = calloc(m->n_pcs ? m->n_pcs : 1, sizeof *m->pc_line);
  for (size_t i = 0; i < m->n_pcs; i++)
    m->pc_file[i] = SRCMAP_NO_FILE;
  struct strbuf warn;
  sb_init(&warn);
  /* Which module BINARY stands for: the one with its build ID, else the first. */
  size_t replaced = 0;
  uint8_t id[CFUZZ_BUILD_ID_MAX];
  size_t id_len = binary ? srcmap_file_build_id(binary, id, sizeof id) : 0;
  for (size_t k = 0; k < r->module_count; k++)
    if (id_len && r->modules[k].build_id_len == id_len && memcmp(r->modules[k].build_id, id, id_len) == 0)
      replaced = k;
  struct interner names = {0};
  for (size_t k = 0; k < r->module_count; k++) {
    const struct cfuzz_coverage_module *mod = &r->modules[k];
    map_module(m, &names, r, mod, binary && k == replaced ? binary : mod->path, &warn);
  }
  if (m->n_unmapped > 0)
    sb_printf(&warn, "%zu of %zu points have no source line\n", m->n_unmapped, m->n_pcs);
  /* Sort the files by path and renumber the PCs' file indexes. */
  m->n_files = names.n;
  m->files = xrealloc(NULL, m->n_files * sizeof *m->files);
  for (size_t i = 0; i < names.n; i++)
    m->files[i] = (struct srcmap_file){.path = names.paths[i], .n_points = i};
  qsort(m->files, m->n_files, sizeof *m->files, by_path);
  uint32_t *new_index = xrealloc(NULL, m->n_files * sizeof *new_index);
  for (size_t i = 0; i < m->n_files; i++) {
    new_index[m->files[i].n_points] = (uint32_t)i;
    m->files[i].n_points = 0;
  }
  for (size_t i = 0; i < m->n_pcs; i++)
    if (m->pc_file[i] != SRCMAP_NO_FILE) {
      m->pc_file[i] = new_index[m->pc_file[i]];
      m->files[m->pc_file[i]].n_points++;
    }
  free(new_index);
  /* Files of the line tables without an instrumented point (headers, the
   * runtime) are not listed; renumber once more without them. */
  uint32_t *kept = xrealloc(NULL, m->n_files * sizeof *kept);
  size_t n_kept = 0;
  for (size_t i = 0; i < m->n_files; i++) {
    if (m->files[i].n_points == 0) {
      free(m->files[i].path);
      kept[i] = SRCMAP_NO_FILE;
    } else {
      kept[i] = (uint32_t)n_kept;
      m->files[n_kept++] = m->files[i];
    }
  }
  m->n_files = n_kept;
  for (size_t i = 0; i < m->n_pcs; i++)
    if (m->pc_file[i] != SRCMAP_NO_FILE)
      m->pc_file[i] = kept[m->pc_file[i]];
  free(kept);
  free(names.paths);
  free(names.slots);
  m->warnings = sb_take(&warn);
}

void srcmap_free(struct srcmap *m) {
  for (size_t i = 0; i < m->n_files; i++)
    free(m->files[i].path);
  free(m->files);
  free(m->pc_file);
  free(m->pc_line);
  free(m->warnings);
  memset(m, 0, sizeof *m);
}
