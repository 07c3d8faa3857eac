/* Bug behind strcmp on a NUL-terminated copy of the input, as parsers of
 * textual commands do. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char word[32];
  if (size == 0 || size >= sizeof word) return 0;
  memcpy(word, data, size);
  word[size] = '\0';
  if (strcmp(word, "open-sesame") == 0) abort();
  return 0;
}
