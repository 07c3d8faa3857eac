/* Unit tests: sha1.c against FIPS 180 test vectors, including inputs whose
 * padding needs a second block. */
#include <stdint.h>

#include "check.h"
#include "sha1.h"

static void expect(const char *input, size_t len, const char *hex) {
  char out[41];
  cfuzz_sha1_hex((const uint8_t *)input, len, out);
  CHECK(strcmp(out, hex) == 0);
}

int main(void) {
  expect("", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  expect("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
  expect("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
         "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  static char million[1000000];
  memset(million, 'a', sizeof million);
  expect(million, sizeof million, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  expect("canyoufindme", 12, "e4cc832ae92b1cda6b11d36156bb045290622900");
  return check_finish("sha1");
}
