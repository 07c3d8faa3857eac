/* An out-of-memory trigger: an allocation sized by the input (3 GiB at the
 * planted value), touched so that it costs real memory. Needs an RSS or malloc
 * limit to be reported. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 8 || memcmp(data, "MEM", 3) != 0) return 0;
  size_t mib = ((size_t)data[3] << 8) | data[4];
  if (mib < 3072) return 0;
  char *p = malloc(mib << 20);
  if (!p) abort(); /* a refused allocation is the same bug under an rlimit */
  memset(p, 1, mib << 20);
  free(p);
  return 0;
}
