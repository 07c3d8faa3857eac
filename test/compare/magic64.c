// Bug behind a 64-bit magic value (__sanitizer_cov_trace_const_cmp8).
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t value;
  if (size < sizeof value)
    return 0;
  memcpy(&value, data, sizeof value);
  if (value == 0x7a3c91e4d2b86f05ull)
    __builtin_trap();
  return 0;
}
