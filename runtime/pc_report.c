/* pc_report.c - NEW_PC / NEW_FUNC lines and -exit_on_src_pos (see
 * pc_report.h). */
#include "pc_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The sanitizers' symbolizer (sanitizer_common): formats %p (address), %F
 * ("in FUNCTION"), %L (FILE:LINE:COLUMN). Absent without a sanitizer. */
extern void __sanitizer_symbolize_pc(void *pc, const char *fmt, char *out, size_t out_size)
    __attribute__((weak));

void cfuzz_pc_report_init(struct cfuzz_pc_report *r, const struct cfuzz_instrumentation *instr,
                          const struct cfuzz_modules *modules, const struct cfuzz_flags *flags) {
  memset(r, 0, sizeof *r);
  r->instr = instr;
  r->modules = modules;
  r->print_pcs = flags->print_pcs != 0;
  r->print_funcs = flags->print_funcs > 0 ? (size_t)flags->print_funcs : 0;
  r->exit_on_src_pos = flags->exit_on_src_pos;
  if (r->exit_on_src_pos && !__sanitizer_symbolize_pc) {
    cfuzz_warn("-exit_on_src_pos needs a sanitizer's symbolizer (build with -fsanitize=address or "
               "-fsanitize=undefined); ignored");
    r->exit_on_src_pos = NULL;
  }
  if (cfuzz_pc_report_wanted(r))
    r->observed = cfuzz_xcalloc(modules->n_words ? modules->n_words : 1, sizeof(uint64_t));
}

void cfuzz_pc_report_free(struct cfuzz_pc_report *r) {
  free(r->observed);
  r->observed = NULL;
}

bool cfuzz_pc_report_wanted(const struct cfuzz_pc_report *r) {
  return r->print_pcs || r->print_funcs || r->exit_on_src_pos;
}

const uintptr_t *cfuzz_pc_table_entry(const struct cfuzz_instrumentation *instr,
                                      const struct cfuzz_modules *modules, size_t index) {
  for (size_t m = instr->n_modules; m-- > 0;) {
    if (index < modules->first_pc[m])
      continue;
    const struct cfuzz_module *mod = &instr->modules[m];
    size_t local = index - modules->first_pc[m];
    return mod->pcs && local < mod->n_pcs ? &mod->pcs[2 * local] : NULL;
  }
  return NULL;
}

static const uintptr_t *pc_entry(const struct cfuzz_pc_report *r, size_t index) {
  return cfuzz_pc_table_entry(r->instr, r->modules, index);
}

bool cfuzz_pc_can_symbolize(void) { return __sanitizer_symbolize_pc != NULL; }

/* As libFuzzer, the address after the block's first byte is symbolized (the
 * symbolizer takes addresses as return addresses and looks one byte back). */
void cfuzz_pc_describe(uintptr_t pc, const char *fmt, char *out, size_t size) {
  if (__sanitizer_symbolize_pc) {
    out[0] = '\0';
    __sanitizer_symbolize_pc((void *)(pc + 1), fmt, out, size);
  } else {
    snprintf(out, size, "%p", (void *)(pc + 1));
  }
}

static bool matches_src_pos(const struct cfuzz_pc_report *r, uintptr_t pc) {
  if (!r->exit_on_src_pos)
    return false;
  char text[1024];
  cfuzz_pc_describe(pc, "%F %L", text, sizeof text);
  if (!strstr(text, r->exit_on_src_pos))
    return false;
  fprintf(cfuzz_err(), "INFO: found line matching '%s', exiting.\n", r->exit_on_src_pos);
  return true;
}

/* Calls visit(r, entry) for every PC set in bits and not yet observed, marks
 * them observed, and stops early when visit returns true. */
static bool for_each_new(struct cfuzz_pc_report *r, const uint64_t *bits, bool mark,
                         bool (*visit)(struct cfuzz_pc_report *, const uintptr_t *, void *), void *ctx) {
  for (size_t w = 0; w < r->modules->n_words; w++) {
    uint64_t fresh = bits[w] & ~r->observed[w];
    while (fresh) {
      size_t bit = (size_t)__builtin_ctzll(fresh);
      fresh &= fresh - 1;
      const uintptr_t *entry = pc_entry(r, w * 64 + bit);
      if (entry && visit(r, entry, ctx))
        return true;
    }
    if (mark)
      r->observed[w] |= bits[w];
  }
  return false;
}

static bool check_src_pos(struct cfuzz_pc_report *r, const uintptr_t *entry, void *ctx) {
  (void)ctx;
  return matches_src_pos(r, entry[0]);
}

bool cfuzz_pc_report_start(struct cfuzz_pc_report *r, const uint64_t *covered) {
  if (!r->observed)
    return false;
  return for_each_new(r, covered, true, check_src_pos, NULL);
}

struct new_funcs {
  size_t n, printed;
};

static bool count_func(struct cfuzz_pc_report *r, const uintptr_t *entry, void *ctx) {
  (void)r;
  struct new_funcs *funcs = ctx;
  funcs->n += (entry[1] & CFUZZ_PC_FLAG_FUNCTION_ENTRY) != 0;
  return false;
}

static bool report_pc(struct cfuzz_pc_report *r, const uintptr_t *entry, void *ctx) {
  struct new_funcs *funcs = ctx;
  char text[1024];
  if (r->print_pcs) {
    cfuzz_pc_describe(entry[0], "%p %F %L", text, sizeof text);
    fprintf(cfuzz_err(), "\tNEW_PC: %s\n", text);
  }
  if ((entry[1] & CFUZZ_PC_FLAG_FUNCTION_ENTRY) && funcs->printed < r->print_funcs) {
    cfuzz_pc_describe(entry[0], "%p %F %L", text, sizeof text);
    fprintf(cfuzz_err(), "\tNEW_FUNC[%zu/%zu]: %s\n", ++funcs->printed, funcs->n, text);
  }
  return matches_src_pos(r, entry[0]);
}

bool cfuzz_pc_report_observe(struct cfuzz_pc_report *r, const uint64_t *run_bits) {
  if (!r->observed)
    return false;
  struct new_funcs funcs = {0, 0};
  if (r->print_funcs)
    for_each_new(r, run_bits, false, count_func, &funcs);
  return for_each_new(r, run_bits, true, report_pc, &funcs);
}
