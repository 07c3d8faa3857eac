/* dictionary.c - dictionary storage, the -dict file parser and printing
 * (see dictionary.h). */
#include "dictionary.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void cfuzz_dict_init(struct cfuzz_dict *d, size_t cap) {
  d->n = 0;
  d->cap = cap;
  d->words = cap ? cfuzz_xcalloc(cap, sizeof *d->words) : NULL;
}

void cfuzz_dict_free(struct cfuzz_dict *d) {
  free(d->words);
  d->words = NULL;
  d->n = d->cap = 0;
}

struct cfuzz_dict_word *cfuzz_dict_find(const struct cfuzz_dict *d, const uint8_t *bytes, size_t len) {
  for (size_t i = 0; i < d->n; i++)
    if (d->words[i].len == len && memcmp(d->words[i].bytes, bytes, len) == 0)
      return &d->words[i];
  return NULL;
}

struct cfuzz_dict_word *cfuzz_dict_add(struct cfuzz_dict *d, const uint8_t *bytes, size_t len) {
  if (len == 0 || len > CFUZZ_DICT_WORD_MAX || d->n == d->cap || cfuzz_dict_find(d, bytes, len))
    return NULL;
  struct cfuzz_dict_word *w = &d->words[d->n++];
  memset(w, 0, sizeof *w);
  w->len = (uint8_t)len;
  memcpy(w->bytes, bytes, len);
  return w;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '@';
}

/* One non-empty, non-comment line [p, end) into word/len; NULL or a message. */
static const char *parse_line(const char *p, const char *end, uint8_t *word, size_t *len) {
  while (p < end && is_name_char(*p))
    p++;
  if (p < end && *p == '=')
    p++;
  else if (p < end && *p != '"')
    return "expected \"value\" or name=\"value\"";
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p == end || *p != '"')
    return "expected a double-quoted value";
  p++;
  size_t n = 0;
  for (;;) {
    if (p == end)
      return "unterminated value (missing closing \")";
    char c = *p++;
    if (c == '"')
      break;
    if (c == '\\') {
      if (p == end)
        return "backslash at the end of the line";
      char e = *p++;
      if (e == '\\' || e == '"') {
        c = e;
      } else if (e == 'x') {
        int hi = p < end ? hex_digit(p[0]) : -1, lo = p + 1 < end ? hex_digit(p[1]) : -1;
        if (hi < 0 || lo < 0)
          return "\\x must be followed by two hex digits";
        c = (char)(hi * 16 + lo);
        p += 2;
      } else {
        return "unknown escape (use \\\\, \\\" or \\xNN)";
      }
    }
    if (n == CFUZZ_DICT_WORD_MAX)
      return "value longer than 64 bytes";
    word[n++] = (uint8_t)c;
  }
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  if (p < end)
    return "text after the closing \"";
  if (n == 0)
    return "empty value";
  *len = n;
  return NULL;
}

size_t cfuzz_dict_parse(struct cfuzz_dict *d, const char *text, size_t len, char *err, size_t err_size) {
  const char *p = text, *end = text + len;
  size_t line = 0;
  while (p < end) {
    line++;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
      eol = end;
    const char *s = p;
    while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r'))
      s++;
    if (s < eol && *s != '#') {
      uint8_t word[CFUZZ_DICT_WORD_MAX];
      size_t n = 0;
      const char *msg = parse_line(s, eol, word, &n);
      if (msg) {
        snprintf(err, err_size, "%s", msg);
        return line;
      }
      if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        d->words = cfuzz_xrealloc(d->words, cap * sizeof *d->words);
        d->cap = cap;
      }
      cfuzz_dict_add(d, word, n); /* a repeated word is kept once */
    }
    p = eol < end ? eol + 1 : end;
  }
  return 0;
}

void cfuzz_dict_load_or_die(struct cfuzz_dict *d, const char *path) {
  uint8_t *data;
  size_t len;
  if (cfuzz_read_file(path, (size_t)1 << 30, &data, &len) != 0)
    cfuzz_fatal("cannot read dictionary '%s': %s", path, strerror(errno));
  char err[128];
  size_t line = cfuzz_dict_parse(d, (const char *)data, len, err, sizeof err);
  free(data);
  if (line)
    cfuzz_fatal("%s:%zu: %s", path, line, err);
}

void cfuzz_dict_print_word(FILE *out, const uint8_t *bytes, size_t len) {
  fputc('"', out);
  for (size_t i = 0; i < len; i++) {
    uint8_t c = bytes[i];
    if (c == '\\' || c == '"')
      fprintf(out, "\\%c", c);
    else if (c >= 0x20 && c < 0x7f)
      fputc(c, out);
    else
      fprintf(out, "\\x%02X", c);
  }
  fputc('"', out);
}
