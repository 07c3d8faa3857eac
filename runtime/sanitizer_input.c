/* sanitizer_input.c - the target's input in an exact-size heap chunk under
 * AddressSanitizer (see sanitizer_input.h). */
#include "sanitizer_input.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Defined by ASan's runtime only. */
void __asan_poison_memory_region(const volatile void *addr, size_t size) __attribute__((weak));

static struct {
  uint8_t *by_len[CFUZZ_SANITIZER_INPUT_CACHED + 1];
  uint8_t *long_chunk; /* for longer inputs */
  size_t long_size;
} chunks;

const uint8_t *cfuzz_sanitizer_input(const uint8_t *data, size_t len) {
  if (!__asan_poison_memory_region)
    return data;
  uint8_t *to;
  if (len <= CFUZZ_SANITIZER_INPUT_CACHED) {
    if (!chunks.by_len[len] && !(chunks.by_len[len] = malloc(len))) /* ASan's malloc(0) is a chunk too */
      cfuzz_fatal("out of memory allocating %zu bytes", len);
    to = chunks.by_len[len];
  } else {
    if (len > chunks.long_size) {
      free(chunks.long_chunk);
      chunks.long_chunk = cfuzz_xmalloc(len);
      chunks.long_size = len;
    }
    to = chunks.long_chunk + chunks.long_size - len;
  }
  if (len)
    memcpy(to, data, len);
  return to;
}

/* As libFuzzer, only the first and last 32 bytes of a long input: the
 * check stays cheap whatever the length. */
#define COMPARED_AT_EACH_END 32

bool cfuzz_sanitizer_input_overwritten(const uint8_t *given, const uint8_t *data, size_t len) {
  if (given == data)
    return false;
  if (len <= 2 * COMPARED_AT_EACH_END)
    return memcmp(given, data, len) != 0;
  size_t tail = len - COMPARED_AT_EACH_END;
  return memcmp(given, data, COMPARED_AT_EACH_END) != 0 ||
         memcmp(given + tail, data + tail, COMPARED_AT_EACH_END) != 0;
}
