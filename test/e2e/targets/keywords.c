/* Two keywords compared at one call site (a helper, as keyword tables and
 * std::string's operator== inside libstdc++ do): the bug needs the first,
 * and the second is compared after it on every run. The comparison-operand
 * table must keep both (libFuzzer's cxxstring test). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static volatile int sink;

__attribute__((noinline)) static int is_word(const uint8_t *d, size_t n, const char *word) {
  size_t len = strlen(word);
  return n == len && memcmp(d, word, len) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  int found = is_word(d, n, "FooBar");
  sink = is_word(d, n, "123456");
  if (found)
    __builtin_trap();
  return 0;
}
