/* An out-of-memory trigger: behind a magic word, a size byte at or above 0xC0
 * allocates 3 GiB and touches it, so that it costs real memory. Needs an RSS
 * or malloc limit to be reported; the size is fixed so that a fuzzer without a
 * limit only wastes a second, it never exhausts the machine. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The allocation escapes through this pointer, so the compiler can neither
 * drop the malloc/memset/free nor assume malloc succeeds. */
static char *volatile escape;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 6 || memcmp(data, "OOM!", 4) != 0 || data[4] < 0xC0) return 0;
  size_t bytes = (size_t)3 << 30;
  char *p = malloc(bytes);
  if (!p) abort(); /* a refused allocation is the same bug under an rlimit */
  memset(p, 1, bytes);
  escape = p;
  free(escape);
  return 0;
}
