/* cfuzz.h - the cfuzz harness API (C, usable from C++).
 *
 * Two styles of harness:
 *  - libFuzzer style: define LLVMFuzzerTestOneInput (and optionally
 *    LLVMFuzzerInitialize); link libcfuzz.a, which provides main.
 *  - native style: named fuzz tests that take a context and also run as
 *    ordinary regression tests:
 *
 *      static int test_one(void *ctx, const uint8_t *data, size_t len);
 *      CFUZZ_DISABLE_INSTRUMENTATION
 *      CFUZZ_TEST(my_test) {
 *        static const struct cfuzz_input seeds[] = {CFUZZ_INPUT("a = 1;")};
 *        return cfuzz_fuzz(&my_ctx, test_one,
 *                          &(struct cfuzz_options){.corpus = seeds, .corpus_len = 1});
 *      }
 *
 *    The program's main (from libcfuzz.a) runs every test once over its
 *    corpus without --fuzz, or fuzzes one with --fuzz=NAME. */
#ifndef CFUZZ_H
#define CFUZZ_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Leaves a function uninstrumented by cfuzzpass.so: for glue code between
 * the fuzzer and the code under test, which would only add noise. */
#define CFUZZ_DISABLE_INSTRUMENTATION __attribute__((annotate("disable_instrumentation")))

/* test_one's result for an input it does not accept: not a failure, and the
 * input is not kept in the corpus (libFuzzer's -1). */
#define CFUZZ_SKIP (-1)

struct cfuzz_input {
  const uint8_t *data;
  size_t len;
};

/* A seed input from a string literal, without its terminating NUL. */
#define CFUZZ_INPUT(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

struct cfuzz_options {
  const struct cfuzz_input *corpus; /* seed inputs, may be NULL */
  size_t corpus_len;
  size_t max_len;                   /* 0: -max_len, or the largest seed or corpus file (4096 to 1 MB) */
};

/* Smoke mode (no --fuzz for this test): runs test_one on every seed, every
 * corpus entry and saved crash reproducer of the current test, and the empty
 * input; returns 0 if all pass, else the first failing result.
 * Fuzz mode: fuzzes until -runs / -max_total_time; returns 0. A failure or a
 * deadly signal while fuzzing is a crash: reported, reproducer written, and
 * the process exits with 77. */
int cfuzz_fuzz(void *ctx, int (*test_one)(void *ctx, const uint8_t *data, size_t len),
               const struct cfuzz_options *options);

/* The runtime's main, for programs linking libcfuzz_nomain.a that have their
 * own main. */
int cfuzz_main(int argc, char **argv);

/* Registration behind CFUZZ_TEST; not called directly. */
struct cfuzz_test {
  const char *name;
  int (*run)(void);
  struct cfuzz_test *next;
};
void cfuzz_register_test(struct cfuzz_test *test);

/* Defines and registers a native fuzz test; the body follows the macro. An
 * attribute written before the macro (CFUZZ_DISABLE_INSTRUMENTATION) applies
 * to the test function's first declaration. */
#define CFUZZ_TEST(name)                                                                              \
  static int cfuzz_test_fn_##name(void);                                                              \
  static struct cfuzz_test cfuzz_test_reg_##name = {#name, cfuzz_test_fn_##name, 0};                  \
  __attribute__((constructor)) CFUZZ_DISABLE_INSTRUMENTATION static void cfuzz_test_ctor_##name(void) { \
    cfuzz_register_test(&cfuzz_test_reg_##name);                                                      \
  }                                                                                                   \
  CFUZZ_DISABLE_INSTRUMENTATION static int cfuzz_test_fn_##name(void)

/* libFuzzer's harness interface, unchanged. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *data1, size_t size1, const uint8_t *data2, size_t size2,
                                 uint8_t *out, size_t max_out_size, unsigned int seed);
/* Provided by the runtime: applies one built-in mutation to data (size bytes,
 * room for max_size); returns the new size. For custom mutators. */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

#ifdef __cplusplus
}
#endif

#endif
