// Bug behind a 32-bit magic value: reachable only if the fuzzer learns the
// constant from __sanitizer_cov_trace_const_cmp4.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t value;
  if (size < sizeof value)
    return 0;
  memcpy(&value, data, sizeof value);
  if (value == 0x5eedc0deu)
    __builtin_trap();
  return 0;
}
