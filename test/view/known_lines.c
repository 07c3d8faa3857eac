/* A target whose functions sit on known lines, for cfuzz-view's PC -> line
 * test: every line marked REACHED has an instrumented point that any run
 * reaches; every line marked NEVER has one that no run within the test's
 * bounds can reach (a 64-bit hash must match). The test reads the markers,
 * so moving code keeps it honest. */
#include <stddef.h>
#include <stdint.h>

__attribute__((noinline)) static uint64_t hash(const uint8_t *data, size_t size) { /* REACHED */
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < size; i++)
    h = (h ^ data[i]) * 0x100000001b3ull;
  return h;
}

__attribute__((noinline)) static int never_called(size_t size) { /* NEVER */
  return (int)size * 3;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { /* REACHED */
  if (hash(data, size) == 0x0123456789abcdefull)
    return never_called(size); /* NEVER */
  return 0;
}
