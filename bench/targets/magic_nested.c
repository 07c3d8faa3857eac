/* Bug behind nested single-byte magic checks: each byte must be right before
 * the next check is even reached, so only per-edge coverage guides a fuzzer. */
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 8) return 0;
  if (data[0] == 'F')
    if (data[1] == 'U')
      if (data[3] == 'Z')
        if (data[2] == 'z')
          if (data[5] == 0x7f)
            if (data[4] == '!')
              if (data[7] == 0x00)
                if (data[6] == 0xa5) abort();
  return 0;
}
