/* sha1.h - SHA-1 of a byte string, for content-addressed corpus entry and
 * crash artifact names (the same names libFuzzer gives, so corpora mix).
 * Pure computation: safe to call from a signal handler. */
#ifndef CFUZZ_SHA1_H
#define CFUZZ_SHA1_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_SHA1_HEX_LEN 40

void cfuzz_sha1(const uint8_t *data, size_t len, uint8_t digest[20]);
/* Writes 40 lowercase hex digits and a terminating NUL into hex. */
void cfuzz_sha1_hex(const uint8_t *data, size_t len, char hex[CFUZZ_SHA1_HEX_LEN + 1]);

#endif
