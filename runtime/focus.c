/* focus.c - -focus_function (see focus.h). */
#include "focus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_report.h"
#include "util.h"

void cfuzz_focus_init(struct cfuzz_focus *f, const struct cfuzz_instrumentation *instr,
                      const struct cfuzz_modules *modules, const char *name) {
  memset(f, 0, sizeof *f);
  if (!name || !name[0])
    return;
  if (strcmp(name, "auto") == 0) {
    cfuzz_warn("-focus_function=auto needs data-flow traces (-data_flow_trace), which cfuzz does not "
               "support; ignored");
    return;
  }
  for (size_t i = 0; i < modules->n_pcs; i++) {
    const uintptr_t *entry = cfuzz_pc_table_entry(instr, modules, i);
    if (!entry || !(entry[1] & CFUZZ_PC_FLAG_FUNCTION_ENTRY))
      continue;
    /* "in NAME", as libFuzzer compares it. */
    char text[1024];
    cfuzz_pc_describe(entry[0], "%F", text, sizeof text);
    const char *func = strncmp(text, "in ", 3) == 0 ? text + 3 : text;
    if (strcmp(func, name) != 0)
      continue;
    fprintf(cfuzz_err(), "INFO: Focus function is set to '%s'\n", name);
    f->set = true;
    f->pc = i;
    return;
  }
  fprintf(cfuzz_err(),
          "ERROR: Failed to set focus function. Make sure the function name is valid (%s) and symbolization "
          "is enabled%s.\n",
          name, cfuzz_pc_can_symbolize() ? "" : " (it needs a sanitizer linked, e.g. -fsanitize=address)");
  exit(CFUZZ_EXIT_USAGE);
}

size_t cfuzz_focus_count(const struct cfuzz_focus *f, const struct cfuzz_corpus *c) {
  size_t n = 0;
  for (size_t i = 0; f->set && i < c->n; i++)
    n += cfuzz_focus_reached(f, c->entries[i].bits);
  return n;
}
