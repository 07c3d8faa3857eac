/* A bug 300 calls deep (after libFuzzer's DeepRecursionTest): each level
 * recurses only if its byte is the next letter of a cycle. Beyond 128
 * levels the recursive function's hit count stays in its top bucket and the
 * traced values repeat every ten levels, so only the stack-depth feature
 * tells a deeper input from a shallower one. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static volatile int sink;

__attribute__((noinline)) static void descend(const uint8_t *data, size_t size, int depth) {
  if (depth > 300)
    abort();
  if (!size)
    return;
  if (*data == 'A' + depth % 10)
    descend(data + 1, size - 1, depth + 1);
  sink++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  descend(data, size, 0);
  return 0;
}
