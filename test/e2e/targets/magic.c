/* A nested-if magic string: each byte opens the next branch, so edge coverage
 * alone (no comparison tracing needed) leads a fuzzer to "FUZZ". Built with
 * the cfuzz plugin and linked with libFuzzer's runtime, it shows that the
 * pass speaks the SanitizerCoverage ABI that libFuzzer consumes. */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  if (n >= 4)
    if (d[0] == 'F')
      if (d[1] == 'U')
        if (d[2] == 'Z')
          if (d[3] == 'Z')
            __builtin_trap();
  return 0;
}
