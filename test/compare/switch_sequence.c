// Bug behind a sequence of four 32-bit words, each of which must select the
// right case of one switch (__sanitizer_cov_trace_switch): the fuzzer learns
// the case values from the switch's sorted case table. position() is kept
// out of line so that -O2 keeps one real switch; inlined into the unrolled
// loop it would be folded into four plain compares.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

// Which position in the sequence a word stands for, or -1.
__attribute__((noinline)) static int position(uint32_t word) {
  switch (word) {
  case 0x1f2e3d4cu:
    return 0;
  case 0x2b3a4958u:
    return 1;
  case 0x6d7c8b9au:
    return 2;
  case 0x41526374u:
    return 3;
  default:
    return -1;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  for (int step = 0; step < 4; step++) {
    uint32_t word;
    if (size < (size_t)(step + 1) * sizeof word)
      return 0;
    memcpy(&word, data + step * sizeof word, sizeof word);
    if (position(word) != step)
      return 0;
  }
  __builtin_trap();
}
