/* For the corpus and crash tools: each of six byte positions reaches its own
 * branch when it holds its letter of "FUZZER", so inputs differ in coverage
 * by the letters they have; the two bytes "!*" anywhere crash (so a crashing
 * input minimizes to them, and a random input rarely has them). The input
 * "say" prints a line on stdout and one on stderr (for -close_fd_mask). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Volatile stores: the optimiser cannot turn these branches into selects,
 * which would leave every input with the same coverage (LLVM 19 did). */
static volatile int letter_seen[6];

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  static const char word[] = "FUZZER";
  for (size_t i = 1; i < n; i++)
    if (d[i - 1] == '!' && d[i] == '*')
      __builtin_trap();
  if (n == 3 && d[0] == 's' && d[1] == 'a' && d[2] == 'y') {
    printf("TARGET_STDOUT\n");
    fflush(stdout);
    fprintf(stderr, "TARGET_STDERR\n");
  }
  if (n > 0 && d[0] == word[0])
    letter_seen[0] = 1;
  if (n > 1 && d[1] == word[1])
    letter_seen[1] = 1;
  if (n > 2 && d[2] == word[2])
    letter_seen[2] = 1;
  if (n > 3 && d[3] == word[3])
    letter_seen[3] = 1;
  if (n > 4 && d[4] == word[4])
    letter_seen[4] = 1;
  if (n > 5 && d[5] == word[5])
    letter_seen[5] = 1;
  return 0;
}
