// Bug behind a 16-byte memcmp (a bcmp call at -O2), reported through
// __sanitizer_weak_hook_memcmp.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= 16 && memcmp(data, "Qx7!pL2#vR9@kT4$", 16) == 0)
    __builtin_trap();
  return 0;
}
