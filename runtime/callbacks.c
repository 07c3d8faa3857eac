/* callbacks.c - the SanitizerCoverage runtime ABI and the sanitizer weak
 * string-compare hooks, as emitted by cfuzzpass.so or by clang's
 * -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp.
 *
 * Owns the runtime's single global, cfuzz_instr (see instrumentation.h).
 * Comparison callbacks do the reference's `traceValue(pc ^ arg1 ^ arg2)` and
 * also remember operands for comparison-guided mutation. String hooks trace
 * one value per matched leading byte so that a run which matches more of a
 * compared string traces more distinct values: that is what lets the loop's
 * "replace the parent if it traced at least as much" rule climb a string
 * one byte at a time. */
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "instrumentation.h"
#include "stack_depth.h"

#define CFUZZ_API __attribute__((visibility("default"), used))
/* Call sites are made relative to the runtime's own global, which sits in
 * the same executable: the traced values and the operand table's slots are
 * then the same in every run of the program despite address randomisation,
 * which is what makes -seed runs repeat exactly. */
#define RELATIVE_PC(pc) ((uint64_t)(uintptr_t)(pc) - (uint64_t)(uintptr_t)&cfuzz_instr)
#define CALLER_PC() RELATIVE_PC(__builtin_return_address(0))

/* Zero-initialised on purpose (all fields start valid at zero), so the big
 * tables live in .bss rather than in the executable. */
struct cfuzz_instrumentation cfuzz_instr;

/* The lowest frame address instrumented code reached (stack_depth.h). */
__attribute__((weak, visibility("default"))) __thread uintptr_t __sancov_lowest_stack;

/* Loop header executions (instrumentation.h); instrumented modules carry
 * weak copies, which this definition overrides. */
CFUZZ_API uint64_t __cfuzz_loop_iterations;

size_t cfuzz_instr_counter_count(const struct cfuzz_instrumentation *instr) {
  size_t n = 0;
  for (size_t i = 0; i < instr->n_modules; i++)
    n += instr->modules[i].n_counters;
  return n;
}

/* Every object file's constructor registers its module's whole section, so
 * the same range arrives many times; only the first registration counts. */
CFUZZ_API void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop) {
  if (start == stop)
    return;
  for (size_t i = 0; i < cfuzz_instr.n_modules; i++)
    if (cfuzz_instr.modules[i].counters == start)
      return;
  if (cfuzz_instr.n_modules == CFUZZ_MAX_MODULES) {
    cfuzz_instr.n_dropped_modules++;
    return;
  }
  struct cfuzz_module *m = &cfuzz_instr.modules[cfuzz_instr.n_modules++];
  m->counters = start;
  m->n_counters = (size_t)(stop - start);
}

/* libFuzzer's extra counters: uint8_t arrays a target places in the section
 * __libfuzzer_extra_counters, for events of its own. The linker defines
 * these bounds only when some object has that section. */
extern uint8_t __start___libfuzzer_extra_counters __attribute__((weak));
extern uint8_t __stop___libfuzzer_extra_counters __attribute__((weak));

size_t cfuzz_instr_add_extra_counters(void) {
  uint8_t *start = &__start___libfuzzer_extra_counters, *stop = &__stop___libfuzzer_extra_counters;
  if (cfuzz_instr.n_extra_counters || !start || stop <= start)
    return cfuzz_instr.n_extra_counters;
  size_t before = cfuzz_instr.n_modules;
  __sanitizer_cov_8bit_counters_init(start, stop);
  if (cfuzz_instr.n_modules > before) {
    cfuzz_instr.n_extra_counters = (size_t)(stop - start);
    cfuzz_instr.extra_counters_module = before;
  }
  return cfuzz_instr.n_extra_counters;
}

/* The PC table of a module arrives right after its counters; it is matched to
 * the module whose counter count equals its entry count and has no table. */
CFUZZ_API void __sanitizer_cov_pcs_init(const uintptr_t *start, const uintptr_t *stop) {
  size_t n = (size_t)(stop - start) / 2;
  for (size_t i = 0; i < cfuzz_instr.n_modules; i++)
    if (cfuzz_instr.modules[i].pcs == start)
      return;
  for (size_t i = cfuzz_instr.n_modules; i-- > 0;) {
    struct cfuzz_module *m = &cfuzz_instr.modules[i];
    if (!m->pcs && m->n_counters == n) {
      m->pcs = start;
      m->n_pcs = n;
      return;
    }
  }
}

/* What every integer compare of the target runs: the hottest code of the
 * runtime, so it is kept small enough to inline into each callback and to
 * fit in the registers a call may clobber. The compare table's store goes
 * first: after it only the traced value and the table's base stay live. */
__attribute__((always_inline)) static inline void trace_cmp_plain(uint64_t pc, uint64_t a, uint64_t b,
                                                                   uint8_t size) {
  cfuzz_cmp_table_add_int(&cfuzz_instr.cmp, pc, a, b, size);
  cfuzz_traced_values_add(&cfuzz_instr.traced, pc ^ a ^ b);
}

/* With -use_value_profile=1 (off by default), out of line: inlined, it made
 * every compare pay a call and six register saves (7% of trace_cmp's
 * samples on libpng). */
__attribute__((noinline)) static void trace_cmp_profiled(uint64_t pc, uint64_t a, uint64_t b, uint8_t size) {
  cfuzz_value_profile_add(&cfuzz_instr.value_profile, pc, a, b);
  trace_cmp_plain(pc, a, b, size);
}

__attribute__((always_inline)) static inline void trace_cmp(uint64_t pc, uint64_t a, uint64_t b, uint8_t size) {
  if (__builtin_expect(cfuzz_instr.value_profile.enabled, 0))
    trace_cmp_profiled(pc, a, b, size);
  else
    trace_cmp_plain(pc, a, b, size);
}

CFUZZ_API void __sanitizer_cov_trace_cmp1(uint8_t a, uint8_t b) { trace_cmp(CALLER_PC(), a, b, 1); }
CFUZZ_API void __sanitizer_cov_trace_cmp2(uint16_t a, uint16_t b) { trace_cmp(CALLER_PC(), a, b, 2); }
CFUZZ_API void __sanitizer_cov_trace_cmp4(uint32_t a, uint32_t b) { trace_cmp(CALLER_PC(), a, b, 4); }
CFUZZ_API void __sanitizer_cov_trace_cmp8(uint64_t a, uint64_t b) { trace_cmp(CALLER_PC(), a, b, 8); }
CFUZZ_API void __sanitizer_cov_trace_const_cmp1(uint8_t a, uint8_t b) { trace_cmp(CALLER_PC(), a, b, 1); }
CFUZZ_API void __sanitizer_cov_trace_const_cmp2(uint16_t a, uint16_t b) { trace_cmp(CALLER_PC(), a, b, 2); }
CFUZZ_API void __sanitizer_cov_trace_const_cmp4(uint32_t a, uint32_t b) { trace_cmp(CALLER_PC(), a, b, 4); }
CFUZZ_API void __sanitizer_cov_trace_const_cmp8(uint64_t a, uint64_t b) { trace_cmp(CALLER_PC(), a, b, 8); }

/* cfuzz's own callbacks for float and double compares (the pass calls them
 * through an extern_weak select, so instrumented code also links without
 * them). The traced value is the usual pc ^ arg1 ^ arg2 over the bit
 * patterns. */
static inline void trace_fcmp(uint64_t pc, double a, double b, uint64_t bits_a, uint64_t bits_b, uint8_t size) {
  cfuzz_traced_values_add(&cfuzz_instr.traced, pc ^ bits_a ^ bits_b);
  if (bits_a != bits_b)
    cfuzz_cmp_table_add_float(&cfuzz_instr.cmp, pc, a, b, size);
}

CFUZZ_API void __cfuzz_trace_fcmp4(float a, float b) {
  uint32_t ba, bb;
  memcpy(&ba, &a, 4);
  memcpy(&bb, &b, 4);
  trace_fcmp(CALLER_PC(), a, b, ba, bb, 4);
}

CFUZZ_API void __cfuzz_trace_fcmp8(double a, double b) {
  uint64_t ba, bb;
  memcpy(&ba, &a, 8);
  memcpy(&bb, &b, 8);
  trace_fcmp(CALLER_PC(), a, b, ba, bb, 8);
}

/* With -use_value_profile=1 only; out of line for trace_cmp_profiled's
 * reason. */
__attribute__((noinline)) static void profile_switch(uint64_t pc, uint64_t value, const uint64_t *cases) {
  cfuzz_value_profile_add_switch(&cfuzz_instr.value_profile, pc, value, cases);
}

/* cases = {count, bit width, case values...}. The reference traces
 * pc ^ value; one case value (chosen by the value, so different inputs offer
 * different cases) is kept as a mutation target. */
CFUZZ_API void __sanitizer_cov_trace_switch(uint64_t value, uint64_t *cases) {
  uint64_t pc = CALLER_PC();
  cfuzz_traced_values_add(&cfuzz_instr.traced, pc ^ value);
  uint64_t n = cases[0];
  if (n == 0)
    return;
  /* value scaled into [0, n) by a multiply: a division here cost more than
   * the rest of the callback, and parsers switch once per input byte. */
  uint64_t pick = (((value * 0x9E3779B97F4A7C15ull) >> 32) * (uint32_t)n) >> 32;
  uint64_t chosen = cases[2 + pick];
  /* No branch on chosen == value: the table puts equal operands in its
   * spare slot, which the mutator never reads. */
  cfuzz_cmp_table_add_int(&cfuzz_instr.cmp, pc ^ chosen, value, chosen, (uint8_t)(cases[1] / 8));
  if (__builtin_expect(cfuzz_instr.value_profile.enabled, 0))
    profile_switch(pc, value, cases);
}

/* A divisor is traced as a comparison with zero (as libFuzzer does): with
 * -use_value_profile=1 a divisor with fewer bits set is a new feature, which
 * leads to a division by zero. */
CFUZZ_API void __sanitizer_cov_trace_div4(uint32_t value) { trace_cmp(CALLER_PC(), value, 0, 4); }
CFUZZ_API void __sanitizer_cov_trace_div8(uint64_t value) { trace_cmp(CALLER_PC(), value, 0, 8); }

/* Older SanitizerCoverage modes give no counters cfuzz can read: a program
 * built with them stops at start-up with libFuzzer's message (its own test
 * reads it) rather than fuzzing blind. */
static void refuse_instrumentation(const char *flag) {
  static const char rest[] = " is no longer supported by libFuzzer, nor by cfuzz: build with "
                             "-fpass-plugin=cfuzzpass.so or -fsanitize-coverage=inline-8bit-counters,pc-table\n";
  (void)!write(2, "ERROR: ", 7);
  (void)!write(2, flag, strlen(flag));
  (void)!write(2, rest, sizeof rest - 1);
  _exit(1);
}

CFUZZ_API void __sanitizer_cov_trace_pc_guard_init(uint32_t *start, uint32_t *stop) {
  if (start != stop)
    refuse_instrumentation("-fsanitize-coverage=trace-pc-guard");
}
CFUZZ_API void __sanitizer_cov_trace_pc_guard(uint32_t *guard) {
  (void)guard;
  refuse_instrumentation("-fsanitize-coverage=trace-pc-guard");
}
CFUZZ_API void __sanitizer_cov_trace_pc(void) { refuse_instrumentation("-fsanitize-coverage=trace-pc"); }

/* Not useful yet: edges already come from the 8-bit counters. */
CFUZZ_API void __sanitizer_cov_trace_pc_indir(uintptr_t callee) { (void)callee; }
CFUZZ_API void __sanitizer_cov_trace_gep(uintptr_t index) { (void)index; }

/* At most this many prefix bytes are traced per call, so one compare of two
 * large equal buffers cannot fill the per-run set. */
#define STRING_TRACE_MAX CFUZZ_CMP_STR_MAX

/* Traces one value per matched leading byte (plus one for the call site), and
 * keeps both operands for the mutator. */
static void trace_bytes(uint64_t pc, const uint8_t *s1, size_t len1, const uint8_t *s2, size_t len2,
                        bool fold_case) {
  size_t n = len1 < len2 ? len1 : len2;
  if (n > STRING_TRACE_MAX)
    n = STRING_TRACE_MAX;
  size_t matched = 0;
  while (matched < n) {
    uint8_t a = s1[matched], b = s2[matched];
    if (fold_case) {
      a = (uint8_t)(a >= 'A' && a <= 'Z' ? a + 32 : a);
      b = (uint8_t)(b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
    if (a != b)
      break;
    matched++;
  }
  uint64_t site = pc * 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i <= matched; i++)
    cfuzz_traced_values_add(&cfuzz_instr.traced, site + i);
  cfuzz_cmp_table_add_str_pair(&cfuzz_instr.cmp, pc, s1, len1, s2, len2);
}

static size_t bounded_strlen(const char *s, size_t limit) {
  size_t n = 0;
  while (n < limit && s[n])
    n++;
  return n;
}

CFUZZ_API void __sanitizer_weak_hook_memcmp(void *caller_pc, const void *s1, const void *s2, size_t n,
                                            int result) {
  (void)result;
  if (n == 0)
    return;
  trace_bytes(RELATIVE_PC(caller_pc), s1, n, s2, n, false);
}

CFUZZ_API void __sanitizer_weak_hook_bcmp(void *caller_pc, const void *s1, const void *s2, size_t n,
                                          int result) {
  __sanitizer_weak_hook_memcmp(caller_pc, s1, s2, n, result);
}

/* A C string compares its terminator too: include it (when it is within the
 * traced limit) so "abc" vs "abcd" is not a full match. */
static void trace_cstrings(void *caller_pc, const char *s1, const char *s2, size_t limit, bool fold_case) {
  size_t cap = limit < STRING_TRACE_MAX ? limit : STRING_TRACE_MAX;
  size_t l1 = bounded_strlen(s1, cap), l2 = bounded_strlen(s2, cap);
  trace_bytes(RELATIVE_PC(caller_pc), (const uint8_t *)s1, l1, (const uint8_t *)s2, l2,
              fold_case);
}

CFUZZ_API void __sanitizer_weak_hook_strncmp(void *caller_pc, const char *s1, const char *s2, size_t n,
                                             int result) {
  (void)result;
  trace_cstrings(caller_pc, s1, s2, n, false);
}

CFUZZ_API void __sanitizer_weak_hook_strcmp(void *caller_pc, const char *s1, const char *s2, int result) {
  (void)result;
  trace_cstrings(caller_pc, s1, s2, SIZE_MAX, false);
}

CFUZZ_API void __sanitizer_weak_hook_strncasecmp(void *caller_pc, const char *s1, const char *s2, size_t n,
                                                 int result) {
  (void)result;
  trace_cstrings(caller_pc, s1, s2, n, true);
}

CFUZZ_API void __sanitizer_weak_hook_strcasecmp(void *caller_pc, const char *s1, const char *s2,
                                                int result) {
  (void)result;
  trace_cstrings(caller_pc, s1, s2, SIZE_MAX, true);
}

/* For searches only the needle is worth keeping: it is what the input has to
 * contain somewhere. */
CFUZZ_API void __sanitizer_weak_hook_strstr(void *caller_pc, const char *haystack, const char *needle,
                                            char *result) {
  (void)haystack;
  (void)result;
  cfuzz_cmp_table_add_str(&cfuzz_instr.cmp, RELATIVE_PC(caller_pc), needle,
                          bounded_strlen(needle, CFUZZ_CMP_STR_MAX));
}

CFUZZ_API void __sanitizer_weak_hook_strcasestr(void *caller_pc, const char *haystack, const char *needle,
                                                char *result) {
  __sanitizer_weak_hook_strstr(caller_pc, haystack, needle, result);
}

CFUZZ_API void __sanitizer_weak_hook_memmem(void *caller_pc, const void *haystack, size_t haystack_len,
                                            const void *needle, size_t needle_len, void *result) {
  (void)haystack;
  (void)haystack_len;
  (void)result;
  cfuzz_cmp_table_add_str(&cfuzz_instr.cmp, RELATIVE_PC(caller_pc), needle, needle_len);
}
