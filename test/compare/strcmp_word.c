// Bug behind a strcmp against an 8-character word, reported through
// __sanitizer_weak_hook_strcmp. The text lives in a heap buffer of unknown
// size: with a fixed-size local array clang proves the first 9 bytes
// readable and turns the strcmp into a bcmp, which would test the memcmp
// hook instead.
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  if (!text)
    return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  int match = strcmp(text, "zebrafox") == 0;
  free(text);
  if (match)
    __builtin_trap();
  return 0;
}
