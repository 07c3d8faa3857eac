/* modules.c - PC numbering, module-relative offsets, coverage id and the
 * module table (see modules.h). Runs once at start, never per execution. */
#define _GNU_SOURCE
#include "modules.h"

#include <dlfcn.h>
#include <elf.h>
#include <limits.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

uint64_t cfuzz_coverage_id_of(const uint64_t *offsets, size_t n) {
  /* FNV-1a over the offsets' bytes, then a final mix: cheap and stable. */
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    uint64_t v = offsets[i];
    for (int b = 0; b < 8; b++) {
      h ^= (uint8_t)(v >> (8 * b));
      h *= 0x100000001b3ull;
    }
  }
  h ^= (uint64_t)n;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

static uintptr_t module_base(const void *pc) {
  Dl_info info;
  if (pc && dladdr(pc, &info) != 0 && info.dli_fbase)
    return (uintptr_t)info.dli_fbase;
  return 0;
}

/* Finds NT_GNU_BUILD_ID in one mapped PT_NOTE segment. Notes are
 * {namesz, descsz, type, name (padded to 4), desc (padded to 4)}. */
static void find_build_id(const uint8_t *p, size_t size, struct cfuzz_coverage_module *out) {
  size_t at = 0;
  while (size - at >= sizeof(ElfW(Nhdr))) {
    ElfW(Nhdr) n;
    memcpy(&n, p + at, sizeof n);
    size_t name_at = at + sizeof n;
    size_t desc_at = name_at + ((n.n_namesz + 3u) & ~3u);
    size_t next = desc_at + ((n.n_descsz + 3u) & ~3u);
    if (n.n_namesz > size || n.n_descsz > size || next > size)
      return;
    if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && memcmp(p + name_at, "GNU", 4) == 0) {
      out->build_id_len = n.n_descsz < CFUZZ_BUILD_ID_MAX ? n.n_descsz : CFUZZ_BUILD_ID_MAX;
      memcpy(out->build_id, p + desc_at, out->build_id_len);
      return;
    }
    at = next;
  }
}

struct describe_query {
  uintptr_t pc;
  struct cfuzz_coverage_module *out;
  int found;
};

static int describe_object(struct dl_phdr_info *info, size_t size, void *ctx) {
  (void)size;
  struct describe_query *q = ctx;
  bool contains = false;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum && !contains; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph->p_vaddr;
    contains = ph->p_type == PT_LOAD && q->pc >= start && q->pc - start < ph->p_memsz;
  }
  if (!contains)
    return 0;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_NOTE && q->out->build_id_len == 0)
      find_build_id((const uint8_t *)(info->dlpi_addr + ph->p_vaddr), ph->p_memsz, q->out);
  }
  /* Offsets count from dladdr's base (the first mapped byte of the file);
   * the ELF address of that byte is base - load bias. */
  q->out->link_base = (uint64_t)(module_base((const void *)q->pc) - info->dlpi_addr);
  char exe[PATH_MAX];
  const char *path = info->dlpi_name;
  if (!path || !path[0]) {
    /* The main program has no name here. */
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    path = exe;
  }
  q->out->path = cfuzz_xstrdup(path);
  q->found = 1;
  return 1;
}

int cfuzz_module_describe(uintptr_t pc, struct cfuzz_coverage_module *out) {
  memset(out, 0, sizeof *out);
  struct describe_query q = {.pc = pc, .out = out};
  dl_iterate_phdr(describe_object, &q);
  if (!q.found) {
    out->path = cfuzz_xstrdup("");
    return -1;
  }
  return 0;
}

void cfuzz_modules_collect(const struct cfuzz_instrumentation *instr, struct cfuzz_modules *m) {
  m->n_pcs = cfuzz_instr_counter_count(instr);
  m->n_words = (m->n_pcs + 63) / 64;
  m->pc_offsets = cfuzz_xcalloc(m->n_pcs, sizeof(uint64_t));
  m->n_info = instr->n_modules;
  m->info = cfuzz_xcalloc(m->n_info ? m->n_info : 1, sizeof *m->info);
  size_t next = 0;
  for (size_t i = 0; i < instr->n_modules; i++) {
    const struct cfuzz_module *mod = &instr->modules[i];
    struct cfuzz_coverage_module *info = &m->info[i];
    m->first_pc[i] = next;
    if (mod->pcs && mod->n_counters > 0) {
      uintptr_t base = module_base((const void *)mod->pcs[0]);
      for (size_t k = 0; k < mod->n_counters; k++)
        m->pc_offsets[next + k] = (uint64_t)(mod->pcs[2 * k] - base);
      cfuzz_module_describe(mod->pcs[0], info);
    } else {
      for (size_t k = 0; k < mod->n_counters; k++)
        m->pc_offsets[next + k] = k;
      info->path = cfuzz_xstrdup("");
    }
    info->first_pc = next;
    info->pc_count = mod->n_counters;
    next += mod->n_counters;
  }
  m->coverage_id = cfuzz_coverage_id_of(m->pc_offsets, m->n_pcs);
}

struct cfuzz_coverage_layout cfuzz_modules_layout(const struct cfuzz_modules *m) {
  return (struct cfuzz_coverage_layout){
      .coverage_id = m->coverage_id,
      .pc_offsets = m->pc_offsets,
      .pc_count = m->n_pcs,
      .modules = m->info,
      .module_count = m->n_info,
  };
}

void cfuzz_modules_free(struct cfuzz_modules *m) {
  for (size_t i = 0; i < m->n_info; i++)
    free((char *)m->info[i].path);
  free(m->info);
  free(m->pc_offsets);
  m->info = NULL;
  m->n_info = 0;
  m->pc_offsets = NULL;
}
