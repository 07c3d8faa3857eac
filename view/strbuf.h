/* strbuf.h - a growable string for building responses, with JSON string
 * escaping. Allocation failure is fatal (the viewer has nothing to save). */
#ifndef CFUZZ_VIEW_STRBUF_H
#define CFUZZ_VIEW_STRBUF_H

#include <stddef.h>

struct strbuf {
  char *data; /* NUL-terminated */
  size_t len, cap;
};

void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
/* Hands the string over to the caller (b is empty afterwards). */
char *sb_take(struct strbuf *b);
void sb_add(struct strbuf *b, const char *s, size_t n);
void sb_puts(struct strbuf *b, const char *s);
__attribute__((format(printf, 2, 3))) void sb_printf(struct strbuf *b, const char *fmt, ...);
/* Appends s as a JSON string literal, quotes included. Bytes that are not
 * valid UTF-8 become U+FFFD, so any file's bytes give valid JSON. */
void sb_json_string(struct strbuf *b, const char *s, size_t n);

#endif
