/* sigsafe_text.c - report lines without stdio or the heap (see
 * sigsafe_text.h). Only write(2) is called. */
#include "sigsafe_text.h"

#include <unistd.h>

#include "util.h"

void cfuzz_text_str(struct cfuzz_text *t, const char *s) {
  while (*s && t->len + 1 < CFUZZ_TEXT_CAP)
    t->buf[t->len++] = *s++;
  t->buf[t->len] = '\0';
}

void cfuzz_text_uint(struct cfuzz_text *t, uint64_t v) {
  char digits[24];
  int i = (int)sizeof digits - 1;
  digits[i] = '\0';
  do {
    digits[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v && i > 0);
  cfuzz_text_str(t, digits + i);
}

void cfuzz_text_hex(struct cfuzz_text *t, uint64_t v) {
  char digits[20];
  int i = (int)sizeof digits - 1;
  digits[i] = '\0';
  do {
    digits[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v && i > 0);
  cfuzz_text_str(t, digits + i);
}

void cfuzz_text_flush(struct cfuzz_text *t, int fd) {
  cfuzz_write_all(fd, t->buf, t->len);
  t->len = 0;
  t->buf[0] = '\0';
}

const char *cfuzz_text_cstr(struct cfuzz_text *t) {
  t->buf[t->len] = '\0';
  return t->buf;
}
