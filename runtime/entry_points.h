/* entry_points.h - the two program behaviours cfuzz_main chooses between. */
#ifndef CFUZZ_ENTRY_POINTS_H
#define CFUZZ_ENTRY_POINTS_H

#include <stdbool.h>

/* True if the program defines LLVMFuzzerTestOneInput (weak reference). */
bool cfuzz_has_libfuzzer_target(void);
int cfuzz_libfuzzer_main(int argc, char **argv);
int cfuzz_native_main(int argc, char **argv);

#endif
