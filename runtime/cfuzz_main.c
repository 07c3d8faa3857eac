/* cfuzz_main.c - cfuzz_main: libFuzzer mode when the program defines
 * LLVMFuzzerTestOneInput, otherwise the native CFUZZ_TEST runner. In
 * libcfuzz_nomain.a for programs with their own main. */
#include "cfuzz.h"
#include "entry_points.h"

int cfuzz_main(int argc, char **argv) {
  if (cfuzz_has_libfuzzer_target())
    return cfuzz_libfuzzer_main(argc, argv);
  return cfuzz_native_main(argc, argv);
}
