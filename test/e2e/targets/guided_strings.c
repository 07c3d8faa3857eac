/* A bug behind a strcmp against a word and a memcmp against binary bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char word[16];
  if (size < 24)
    return 0;
  memcpy(word, data, 15);
  word[15] = '\0';
  if (strcmp(word, "open_sesame") == 0 && memcmp(data + 16, "\x89PNG\r\n\x1a\n", 8) == 0)
    abort();
  return 0;
}
