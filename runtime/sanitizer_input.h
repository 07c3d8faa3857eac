/* sanitizer_input.h - where the target reads its input when AddressSanitizer
 * is linked: a heap chunk of exactly the input's length, as libFuzzer's copy
 * of each input, so that a read past the input is reported as ASan reports
 * any heap overflow ("heap-buffer-overflow", "0 bytes to the right of
 * N-byte region"). Without ASan the target reads the mapped input file.
 *
 * libFuzzer allocates that copy on every run; here each length up to
 * CFUZZ_SANITIZER_INPUT_CACHED gets its chunk the first time it is seen and
 * keeps it (at most ~8 MB in all), and longer inputs go at the end of one
 * chunk as long as the longest so far (its redzone follows the input; ASan
 * then names the chunk's size). Per run: a memcpy of the input, no
 * allocation once the lengths have been seen, no syscall. */
#ifndef CFUZZ_SANITIZER_INPUT_H
#define CFUZZ_SANITIZER_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CFUZZ_SANITIZER_INPUT_CACHED 4096

/* The bytes the target is to be given for data[0..len): data itself, or
 * its copy in a heap chunk when ASan is linked. Call before the run starts
 * (it may allocate). */
const uint8_t *cfuzz_sanitizer_input(const uint8_t *data, size_t len);

/* Whether the target wrote into `given` (what cfuzz_sanitizer_input
 * returned for data): libFuzzer's "fuzz target overwrites its const input".
 * Only the copy can tell (without ASan this is always false); long inputs
 * are compared at both ends only, as libFuzzer does. */
bool cfuzz_sanitizer_input_overwritten(const uint8_t *given, const uint8_t *data, size_t len);

#endif
