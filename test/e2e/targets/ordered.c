/* -shrink: found() runs once 'F', 'U' and 'Z' first appear in that order,
 * anywhere in the input. The shortest such input is "FUZ"; only keeping the
 * shortest input per feature leads there, since every longer one traces
 * more compares (the loop) than a shorter one (libFuzzer's shrink test). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

__attribute__((noinline)) static void found(void) { sink++; }

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  int first[256];
  memset(first, -1, sizeof first);
  for (size_t i = 0; i < n; i++)
    if (first[d[i]] < 0)
      first[d[i]] = (int)i;
  if (first['F'] >= 0 && first['U'] > first['F'] && first['Z'] > first['U'])
    found();
  return 0;
}
