/* Crossover: the bug needs "ABCDEFGHIJ", which only a splice of two seeds
 * reaches. The input is compared through a hash, so no comparison operand
 * and no branch leads to it byte by byte; the first-byte branches make both
 * seeds ("ABCDE....." and "....FGHIJ" or "ZFG") worth keeping. */
#include <stddef.h>
#include <stdint.h>

static volatile int sink;

static uint32_t mix(const uint8_t *d, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ d[i]) * 16777619u;
  return h ^ (h >> 15);
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  /* mix("ABCDEFGHIJ"), so the string itself is not in the binary. */
  if (n == 10 && mix(d, n) == 0xccba1fc5u)
    __builtin_trap();
  if (n > 0 && d[0] == 'A')
    sink++;
  if (n > 0 && d[0] == 'Z')
    sink--;
  return 0;
}
