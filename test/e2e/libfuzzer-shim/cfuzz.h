/* A stand-in for cfuzz.h that builds a native-style cfuzz test (CFUZZ_TEST +
 * cfuzz_fuzz) as a libFuzzer harness, so that the very same example source can
 * be fuzzed by libFuzzer (clang -fsanitize=fuzzer -I<this dir>) to compare
 * runs-to-find and executions per second with cfuzz.
 *
 * LLVMFuzzerInitialize runs the CFUZZ_TEST body once; its cfuzz_fuzz call only
 * records the context and the test function, which LLVMFuzzerTestOneInput then
 * calls for every input, turning a failing result into abort() (a crash, as
 * cfuzz counts it). Seed corpora are not passed on: both fuzzers start empty.
 * One CFUZZ_TEST per program. */
#ifndef CFUZZ_LIBFUZZER_SHIM_H
#define CFUZZ_LIBFUZZER_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define CFUZZ_SKIP (-1)
#define CFUZZ_DISABLE_INSTRUMENTATION __attribute__((disable_sanitizer_instrumentation))

struct cfuzz_input {
  const uint8_t *data;
  size_t len;
};
#define CFUZZ_INPUT(literal) {(const uint8_t *)(literal), sizeof(literal) - 1}

struct cfuzz_options {
  const struct cfuzz_input *corpus;
  size_t corpus_len;
};

typedef int (*cfuzz_test_fn)(void *ctx, const uint8_t *data, size_t len);

static void *cfuzz_shim_ctx;
static cfuzz_test_fn cfuzz_shim_test;

static inline int cfuzz_fuzz(void *ctx, cfuzz_test_fn test, const struct cfuzz_options *opts) {
  (void)opts;
  cfuzz_shim_ctx = ctx;
  cfuzz_shim_test = test;
  return 0;
}

#define CFUZZ_TEST(name)                                                                 \
  static int cfuzz_shim_body_##name(void);                                               \
  int LLVMFuzzerInitialize(int *argc, char ***argv) {                                    \
    (void)argc;                                                                          \
    (void)argv;                                                                          \
    return cfuzz_shim_body_##name();                                                     \
  }                                                                                      \
  int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {                         \
    int r = cfuzz_shim_test(cfuzz_shim_ctx, data, size);                                 \
    if (r != 0 && r != CFUZZ_SKIP)                                                       \
      abort();                                                                           \
    return 0;                                                                            \
  }                                                                                      \
  static int cfuzz_shim_body_##name(void)

#endif
