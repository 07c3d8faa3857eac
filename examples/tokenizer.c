/* A property test in the native cfuzz style, after the reference design's
 * "fuzzable properties upheld" tokenizer test: a small tokenizer for a C-like
 * toy language, and a fuzz test that checks properties every tokenization
 * must have, whatever the input bytes are.
 *
 * The tokenizer is meant to be correct: this example measures executions per
 * second and coverage, so a failure here is a bug in the tokenizer (or in the
 * properties), not a planted one.
 *
 * Language: whitespace, // and block comments, identifiers and keywords,
 * decimal/hex/fractional numbers, "strings" and 'chars' with escapes
 * (\n \t \r \0 \\ \' \" \xHH), C operators (longest match), and single invalid
 * bytes. Every byte of the input belongs to exactly one token, so the token
 * stream can be checked against the input without a separate model. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cfuzz.h"

enum token_kind {
  TOKEN_EOF,
  TOKEN_WHITESPACE,
  TOKEN_LINE_COMMENT,
  TOKEN_BLOCK_COMMENT,
  TOKEN_UNTERMINATED_COMMENT,
  TOKEN_IDENTIFIER,
  TOKEN_KEYWORD,
  TOKEN_NUMBER,
  TOKEN_STRING,
  TOKEN_CHAR,
  TOKEN_BAD_ESCAPE_LITERAL,   /* terminated, but holds an unknown escape */
  TOKEN_UNTERMINATED_LITERAL, /* string or char cut by a newline or the end */
  TOKEN_OPERATOR,
  TOKEN_INVALID, /* one byte that starts no token */
};

struct token {
  enum token_kind kind;
  size_t start, end; /* byte range [start, end) of the source */
};

struct tokenizer {
  const uint8_t *src;
  size_t len;
  size_t pos;
};

/* Spellings with their lengths, so that matching compares bytes only where
 * the length (keywords) or the first byte (operators) already agrees: a
 * tokenizer is a hot loop, and every memcmp is also traced by the fuzzer. */
struct spelling {
  const char *text;
  size_t len;
};
#define SPELLING(s) {s, sizeof(s) - 1}

static const struct spelling keywords[] = {
    SPELLING("if"),     SPELLING("else"),  SPELLING("while"),    SPELLING("for"),
    SPELLING("return"), SPELLING("int"),   SPELLING("char"),     SPELLING("void"),
    SPELLING("break"),  SPELLING("continue"), SPELLING("struct"), SPELLING("sizeof")};

/* The matcher tries every entry that starts with the right byte and keeps
 * the longest, so the order does not matter. */
static const struct spelling operators[] = {
    SPELLING("<<="), SPELLING(">>="), SPELLING("..."), SPELLING("=="), SPELLING("!="),
    SPELLING("<="),  SPELLING(">="),  SPELLING("&&"),  SPELLING("||"), SPELLING("++"),
    SPELLING("--"),  SPELLING("->"),  SPELLING("<<"),  SPELLING(">>"), SPELLING("+="),
    SPELLING("-="),  SPELLING("*="),  SPELLING("/="),  SPELLING("%="), SPELLING("&="),
    SPELLING("|="),  SPELLING("^="),  SPELLING("+"),   SPELLING("-"),  SPELLING("*"),
    SPELLING("/"),   SPELLING("%"),   SPELLING("="),   SPELLING("<"),  SPELLING(">"),
    SPELLING("!"),   SPELLING("&"),   SPELLING("|"),   SPELLING("^"),  SPELLING("~"),
    SPELLING("?"),   SPELLING(":"),   SPELLING(";"),   SPELLING(","),  SPELLING("."),
    SPELLING("("),   SPELLING(")"),   SPELLING("["),   SPELLING("]"),  SPELLING("{"),
    SPELLING("}")};

static bool is_space(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static bool is_hex(uint8_t c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_ident_start(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_ident_char(uint8_t c) { return is_ident_start(c) || is_digit(c); }

/* Byte at i, or -1 past the end, so lookahead needs no separate bounds test. */
static int peek(const struct tokenizer *t, size_t i) {
  return i < t->len ? t->src[i] : -1;
}

static enum token_kind scan_literal(struct tokenizer *t, uint8_t quote) {
  bool bad_escape = false;
  size_t i = t->pos + 1;
  for (;;) {
    int c = peek(t, i);
    if (c < 0 || c == '\n')
      break; /* cut short: the newline is not part of the literal */
    if (c == quote) {
      t->pos = i + 1;
      if (bad_escape)
        return TOKEN_BAD_ESCAPE_LITERAL;
      return quote == '"' ? TOKEN_STRING : TOKEN_CHAR;
    }
    if (c != '\\') {
      i++;
      continue;
    }
    int e = peek(t, i + 1);
    if (e < 0 || e == '\n') {
      i++; /* a backslash cannot continue a literal onto the next line */
      break;
    }
    if (e == 'x') {
      if (!is_hex((uint8_t)peek(t, i + 2)) || !is_hex((uint8_t)peek(t, i + 3)))
        bad_escape = true;
    } else if (e == 0 || !strchr("ntr0\\'\"", e)) { /* strchr would match NUL */
      bad_escape = true;
    }
    i += 2; /* the \x digits, if any, are ordinary bytes from here on */
  }
  t->pos = i;
  return TOKEN_UNTERMINATED_LITERAL;
}

static enum token_kind scan_number(struct tokenizer *t) {
  size_t i = t->pos;
  if (peek(t, i) == '0' && (peek(t, i + 1) == 'x' || peek(t, i + 1) == 'X') &&
      peek(t, i + 2) >= 0 && is_hex((uint8_t)peek(t, i + 2))) {
    i += 2;
    while (peek(t, i) >= 0 && is_hex((uint8_t)peek(t, i)))
      i++;
    t->pos = i;
    return TOKEN_NUMBER;
  }
  while (peek(t, i) >= 0 && is_digit((uint8_t)peek(t, i)))
    i++;
  /* A fraction needs a digit after the dot; "1." is a number and a dot. */
  if (peek(t, i) == '.' && peek(t, i + 1) >= 0 && is_digit((uint8_t)peek(t, i + 1))) {
    i++;
    while (peek(t, i) >= 0 && is_digit((uint8_t)peek(t, i)))
      i++;
  }
  t->pos = i;
  return TOKEN_NUMBER;
}

static enum token_kind scan_word(struct tokenizer *t) {
  size_t start = t->pos, i = t->pos;
  while (peek(t, i) >= 0 && is_ident_char((uint8_t)peek(t, i)))
    i++;
  t->pos = i;
  for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
    if (keywords[k].len == i - start && memcmp(t->src + start, keywords[k].text, keywords[k].len) == 0)
      return TOKEN_KEYWORD;
  }
  return TOKEN_IDENTIFIER;
}

static size_t match_operator(const struct tokenizer *t) {
  size_t best = 0;
  const uint8_t *at = t->src + t->pos;
  size_t left = t->len - t->pos;
  for (size_t k = 0; k < sizeof operators / sizeof operators[0]; k++) {
    const struct spelling *op = &operators[k];
    if ((uint8_t)op->text[0] != at[0] || op->len <= best || op->len > left)
      continue;
    if (memcmp(at, op->text, op->len) == 0)
      best = op->len;
  }
  return best;
}

static enum token_kind scan_comment_or_operator(struct tokenizer *t) {
  size_t i = t->pos;
  if (peek(t, i) == '/' && peek(t, i + 1) == '/') {
    while (peek(t, i) >= 0 && peek(t, i) != '\n')
      i++;
    t->pos = i;
    return TOKEN_LINE_COMMENT;
  }
  if (peek(t, i) == '/' && peek(t, i + 1) == '*') {
    for (i += 2; peek(t, i) >= 0; i++) {
      if (peek(t, i) == '*' && peek(t, i + 1) == '/') {
        t->pos = i + 2;
        return TOKEN_BLOCK_COMMENT;
      }
    }
    t->pos = i;
    return TOKEN_UNTERMINATED_COMMENT;
  }
  size_t n = match_operator(t);
  if (n == 0) {
    t->pos++;
    return TOKEN_INVALID;
  }
  t->pos += n;
  return TOKEN_OPERATOR;
}

static void tokenizer_init(struct tokenizer *t, const uint8_t *src, size_t len) {
  t->src = src;
  t->len = len;
  t->pos = 0;
}

static struct token tokenizer_next(struct tokenizer *t) {
  struct token tok = {TOKEN_EOF, t->pos, t->pos};
  if (t->pos >= t->len)
    return tok;
  uint8_t c = t->src[t->pos];
  if (is_space(c)) {
    while (t->pos < t->len && is_space(t->src[t->pos]))
      t->pos++;
    tok.kind = TOKEN_WHITESPACE;
  } else if (is_ident_start(c)) {
    tok.kind = scan_word(t);
  } else if (is_digit(c)) {
    tok.kind = scan_number(t);
  } else if (c == '"' || c == '\'') {
    tok.kind = scan_literal(t, c);
  } else {
    tok.kind = scan_comment_or_operator(t);
  }
  tok.end = t->pos;
  return tok;
}

/* Decodes the body of a terminated, well-escaped literal into out (capacity
 * cap); returns the decoded length, or (size_t)-1 if it does not fit. */
static size_t literal_decode(const uint8_t *lit, size_t len, uint8_t *out, size_t cap) {
  size_t n = 0;
  for (size_t i = 1; i + 1 < len; i++) {
    uint8_t c = lit[i];
    if (c == '\\') {
      uint8_t e = lit[++i];
      switch (e) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case 'r': c = '\r'; break;
      case '0': c = 0; break;
      case 'x': {
        unsigned v = 0;
        for (int k = 0; k < 2; k++) {
          uint8_t h = lit[++i];
          v = v * 16 + (unsigned)(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        c = (uint8_t)v;
        break;
      }
      default: c = e; break; /* \\ \' \" */
      }
    }
    if (n == cap)
      return (size_t)-1;
    out[n++] = c;
  }
  return n;
}

/* The canonical spelling of a byte string as a literal: printable bytes as
 * they are, everything else as \xHH. Returns the length, or (size_t)-1. */
static size_t literal_encode(const uint8_t *s, size_t n, uint8_t quote, uint8_t *out,
                             size_t cap) {
  static const char hex[] = "0123456789abcdef";
  size_t k = 0;
  if (cap < 2)
    return (size_t)-1;
  out[k++] = quote;
  for (size_t i = 0; i < n; i++) {
    if (k + 4 + 1 > cap)
      return (size_t)-1;
    uint8_t c = s[i];
    if (c == quote || c == '\\') {
      out[k++] = '\\';
      out[k++] = c;
    } else if (c >= 0x20 && c < 0x7f) {
      out[k++] = c;
    } else {
      out[k++] = '\\';
      out[k++] = 'x';
      out[k++] = (uint8_t)hex[c >> 4];
      out[k++] = (uint8_t)hex[c & 15];
    }
  }
  out[k++] = quote;
  return k;
}

enum property {
  PROPERTY_OK,
  PROPERTY_CONTIGUOUS,     /* each token starts where the previous ended */
  PROPERTY_PROGRESS,       /* every token but EOF is non-empty */
  PROPERTY_ENDS_AT_LEN,    /* the EOF token sits at the input length */
  PROPERTY_FIRST_BYTE,     /* the kind agrees with the token's first byte */
  PROPERTY_RETOKENIZE,     /* a token's text alone is that one token again */
  PROPERTY_LITERAL_ROUNDTRIP, /* decode, re-encode, re-tokenize, decode: same */
};

static const char *const property_names[] = {
    "ok", "contiguous", "progress", "ends at len", "first byte", "retokenize",
    "literal round trip"};

static enum property check_first_byte(const uint8_t *text, struct token tok) {
  uint8_t c = text[0];
  size_t n = tok.end - tok.start;
  bool ok;
  switch (tok.kind) {
  case TOKEN_WHITESPACE:
    ok = true;
    for (size_t i = 0; i < n; i++)
      ok = ok && is_space(text[i]);
    break;
  case TOKEN_LINE_COMMENT:
  case TOKEN_BLOCK_COMMENT:
  case TOKEN_UNTERMINATED_COMMENT: ok = n >= 2 && c == '/'; break;
  case TOKEN_IDENTIFIER:
  case TOKEN_KEYWORD: ok = is_ident_start(c); break;
  case TOKEN_NUMBER: ok = is_digit(c); break;
  case TOKEN_STRING: ok = c == '"' && n >= 2 && text[n - 1] == '"'; break;
  case TOKEN_CHAR: ok = c == '\'' && n >= 2 && text[n - 1] == '\''; break;
  case TOKEN_BAD_ESCAPE_LITERAL:
  case TOKEN_UNTERMINATED_LITERAL: ok = c == '"' || c == '\''; break;
  case TOKEN_INVALID: ok = n == 1; break;
  default: ok = true; break;
  }
  return ok ? PROPERTY_OK : PROPERTY_FIRST_BYTE;
}

static enum property check_retokenize(const uint8_t *text, struct token tok) {
  struct tokenizer alone;
  tokenizer_init(&alone, text, tok.end - tok.start);
  struct token again = tokenizer_next(&alone);
  if (again.kind != tok.kind || again.end != tok.end - tok.start)
    return PROPERTY_RETOKENIZE;
  if (tokenizer_next(&alone).kind != TOKEN_EOF)
    return PROPERTY_RETOKENIZE;
  return PROPERTY_OK;
}

/* Scratch space for the literal round trip: static so that an execution makes
 * no allocation; literals that do not fit skip the check. */
static uint8_t decoded[4096], redecoded[4096], encoded[4 * 4096 + 2];

static enum property check_literal_roundtrip(const uint8_t *text, struct token tok) {
  if (tok.kind != TOKEN_STRING && tok.kind != TOKEN_CHAR)
    return PROPERTY_OK;
  size_t n = literal_decode(text, tok.end - tok.start, decoded, sizeof decoded);
  if (n == (size_t)-1)
    return PROPERTY_OK;
  size_t e = literal_encode(decoded, n, text[0], encoded, sizeof encoded);
  if (e == (size_t)-1)
    return PROPERTY_OK;
  struct tokenizer t;
  tokenizer_init(&t, encoded, e);
  struct token again = tokenizer_next(&t);
  if (again.kind != tok.kind || again.end != e)
    return PROPERTY_LITERAL_ROUNDTRIP;
  size_t m = literal_decode(encoded, e, redecoded, sizeof redecoded);
  if (m != n || memcmp(decoded, redecoded, n) != 0)
    return PROPERTY_LITERAL_ROUNDTRIP;
  return PROPERTY_OK;
}

static enum property check_properties(const uint8_t *src, size_t len, size_t *where) {
  struct tokenizer t;
  tokenizer_init(&t, src, len);
  size_t prev_end = 0;
  for (;;) {
    struct token tok = tokenizer_next(&t);
    enum property p = PROPERTY_OK;
    *where = tok.start;
    if (tok.start != prev_end)
      return PROPERTY_CONTIGUOUS;
    if (tok.kind == TOKEN_EOF)
      return tok.end == len ? PROPERTY_OK : PROPERTY_ENDS_AT_LEN;
    if (tok.end <= tok.start || tok.end > len)
      return PROPERTY_PROGRESS;
    const uint8_t *text = src + tok.start;
    if ((p = check_first_byte(text, tok)) != PROPERTY_OK ||
        (p = check_retokenize(text, tok)) != PROPERTY_OK ||
        (p = check_literal_roundtrip(text, tok)) != PROPERTY_OK)
      return p;
    prev_end = tok.end;
  }
}

static int test_one(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  size_t where = 0;
  enum property p = check_properties(data, len, &where);
  if (p == PROPERTY_OK)
    return 0;
  fprintf(stderr, "tokenizer: property '%s' violated at byte %zu\n", property_names[p], where);
  return 1;
}

/* Seeds touch each token kind once, so that a regression run without --fuzz
 * already checks the properties on every path the tokenizer has. */
static const struct cfuzz_input seeds[] = {
    CFUZZ_INPUT("int main(void) { return 0; }"),
    CFUZZ_INPUT("a = 0x1f + 3.25 - b->c[2] <<= 1; // done\n"),
    CFUZZ_INPUT("s = \"tab\\there\\x41\\\"\"; c = '\\n'; /* block */"),
    CFUZZ_INPUT("while (x != y && !z) { x++; } \"open"),
    CFUZZ_INPUT("@ # $ \"bad\\q\" '\\x4' /* never closed"),
};

CFUZZ_DISABLE_INSTRUMENTATION
CFUZZ_TEST(tokenizer_properties) {
  return cfuzz_fuzz(NULL, test_one,
                    &(struct cfuzz_options){.corpus = seeds,
                                            .corpus_len = sizeof seeds / sizeof seeds[0]});
}
