/* strbuf.c - see strbuf.h. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct strbuf *b, size_t more) {
  if (b->len + more + 1 <= b->cap)
    return;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + more + 1)
    cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) {
    fprintf(stderr, "cfuzz-view: out of memory\n");
    exit(1);
  }
  b->data = p;
  b->cap = cap;
}

void sb_init(struct strbuf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
  reserve(b, 0);
  b->data[0] = 0;
}

void sb_free(struct strbuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *sb_take(struct strbuf *b) {
  char *s = b->data;
  b->data = NULL;
  b->len = b->cap = 0;
  return s;
}

void sb_add(struct strbuf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void sb_puts(struct strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

void sb_printf(struct strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_length(const unsigned char *s, size_t n) {
  size_t len;
  uint32_t min, c;
  if (s[0] < 0x80)
    return 1;
  if ((s[0] & 0xe0) == 0xc0)
    len = 2, min = 0x80, c = s[0] & 0x1f;
  else if ((s[0] & 0xf0) == 0xe0)
    len = 3, min = 0x800, c = s[0] & 0x0f;
  else if ((s[0] & 0xf8) == 0xf0)
    len = 4, min = 0x10000, c = s[0] & 0x07;
  else
    return 0;
  if (len > n)
    return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80)
      return 0;
    c = c << 6 | (s[i] & 0x3f);
  }
  if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
    return 0;
  return len;
}

void sb_json_string(struct strbuf *b, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  sb_add(b, "\"", 1);
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\') {
      char esc[2] = {'\\', (char)c};
      sb_add(b, esc, 2);
      i++;
    } else if (c < 0x20 || c == 0x7f) {
      sb_printf(b, "\\u%04x", c);
      i++;
    } else {
      size_t len = utf8_length(s + i, n - i);
      if (len == 0) {
        sb_puts(b, "\\ufffd");
        i++;
      } else {
        sb_add(b, (const char *)s + i, len);
        i += len;
      }
    }
  }
  sb_add(b, "\"", 1);
}
