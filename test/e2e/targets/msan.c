/* Built with -fsanitize=memory: the runtime, which MSan does not
 * instrument, must cause no report, and the target's own use of an
 * uninitialised value must be reported. Each run ends by passing
 * uninitialised values to take(), which leaves MSan's parameter shadow
 * poisoned: unless the runtime clears it before the next call, that call's
 * `n == 0` is reported. The input "UNI" hands strlen an uninitialised
 * string (the planted bug). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

volatile int zero;

__attribute__((noinline)) int take(int a, int b) {
  (void)a;
  (void)b;
  return zero;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  if (n == 0)
    return 0;
  if (n >= 3 && d[0] == 'U' && d[1] == 'N' && d[2] == 'I') {
    char s[8];
    s[zero + 7] = 0;
    return (int)strlen(s) & zero;
  }
  int a, b;
  return take(a, b);
}
