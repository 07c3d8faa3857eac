/* pc_report.h - libFuzzer's reports of newly covered code: -print_pcs=1
 * (`NEW_PC: 0x... in FUNC FILE:LINE`), -print_funcs=N (`NEW_FUNC[i/n]: ...`,
 * the first N new functions of a run) and -exit_on_src_pos=FILE:LINE (stop
 * once a PC whose description contains it is covered).
 *
 * Descriptions come from the sanitizer's symbolizer (the weak
 * __sanitizer_symbolize_pc) when a sanitizer is linked; without one only the
 * address is printed and -exit_on_src_pos cannot match (warned once).
 * Called only for runs that add an entry, never per execution. */
#ifndef CFUZZ_PC_REPORT_H
#define CFUZZ_PC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flags.h"
#include "instrumentation.h"
#include "modules.h"

struct cfuzz_pc_report {
  const struct cfuzz_instrumentation *instr;
  const struct cfuzz_modules *modules;
  uint64_t *observed;       /* PCs already reported (or covered before the loop) */
  bool print_pcs;
  size_t print_funcs;       /* most NEW_FUNC lines per run */
  const char *exit_on_src_pos; /* NULL: unset */
};

void cfuzz_pc_report_init(struct cfuzz_pc_report *r, const struct cfuzz_instrumentation *instr,
                          const struct cfuzz_modules *modules, const struct cfuzz_flags *flags);
void cfuzz_pc_report_free(struct cfuzz_pc_report *r);
/* Whether anything is to be reported (else observe need not be called). */
bool cfuzz_pc_report_wanted(const struct cfuzz_pc_report *r);
/* The PCs covered while loading the corpus: observed silently (as libFuzzer,
 * which prints from the first mutation on), but checked for -exit_on_src_pos.
 * Returns true when it matched. */
bool cfuzz_pc_report_start(struct cfuzz_pc_report *r, const uint64_t *covered);
/* A run's PCs (a bitset over all modules' PCs): prints what is new and marks
 * it observed. Returns true when -exit_on_src_pos matched. */
bool cfuzz_pc_report_observe(struct cfuzz_pc_report *r, const uint64_t *run_bits);

/* PC table entries' flag for a function's entry block. */
#define CFUZZ_PC_FLAG_FUNCTION_ENTRY 1u
/* The PC table entry {pc, flags} of global PC number `index`; NULL without
 * a table. */
const uintptr_t *cfuzz_pc_table_entry(const struct cfuzz_instrumentation *instr,
                                      const struct cfuzz_modules *modules, size_t index);
/* The symbolizer's description of a PC table address in fmt (%p, %F, %L);
 * the address only without a sanitizer. */
void cfuzz_pc_describe(uintptr_t pc, const char *fmt, char *out, size_t size);
bool cfuzz_pc_can_symbolize(void);

#endif
