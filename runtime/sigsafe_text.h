/* sigsafe_text.h - building report lines in a fixed buffer without stdio or
 * the heap, for code that runs in a signal handler, a sanitizer's death
 * callback or a malloc hook, where the target may have broken both. */
#ifndef CFUZZ_SIGSAFE_TEXT_H
#define CFUZZ_SIGSAFE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_TEXT_CAP 4608

struct cfuzz_text {
  char buf[CFUZZ_TEXT_CAP];
  size_t len; /* never more than CFUZZ_TEXT_CAP - 1; longer text is cut */
};

void cfuzz_text_str(struct cfuzz_text *t, const char *s);
void cfuzz_text_uint(struct cfuzz_text *t, uint64_t v);
void cfuzz_text_hex(struct cfuzz_text *t, uint64_t v); /* lowercase, no 0x */
/* Writes the text to fd in one write (so lines of several processes do not
 * interleave) and empties it. */
void cfuzz_text_flush(struct cfuzz_text *t, int fd);
/* The text as a NUL-terminated string. */
const char *cfuzz_text_cstr(struct cfuzz_text *t);

#endif
