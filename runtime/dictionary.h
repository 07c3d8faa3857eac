/* dictionary.h - dictionaries of byte strings the mutator inserts or writes
 * into inputs: the manual one from -dict=FILE (AFL / libFuzzer syntax) and
 * the persistent automatic one, which keeps the comparison operands and
 * words whose use produced a useful input (libFuzzer's
 * PersistentAutoDictionary, printed at exit as the "recommended
 * dictionary"). Storage is allocated when the dictionary is created or
 * loaded; adding a word later never allocates (a full dictionary refuses). */
#ifndef CFUZZ_DICTIONARY_H
#define CFUZZ_DICTIONARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CFUZZ_DICT_WORD_MAX 64
/* Size of the automatic dictionary (libFuzzer keeps 1 << 14). */
#define CFUZZ_AUTO_DICT_WORDS 4096

struct cfuzz_dict_word {
  uint8_t len;
  uint8_t bytes[CFUZZ_DICT_WORD_MAX];
  uint64_t uses;   /* times a mutation wrote it */
  uint64_t useful; /* of those, how many produced a useful input */
};

struct cfuzz_dict {
  struct cfuzz_dict_word *words;
  size_t n, cap;
};

/* An empty dictionary with room for cap words (0: none yet). */
void cfuzz_dict_init(struct cfuzz_dict *d, size_t cap);
void cfuzz_dict_free(struct cfuzz_dict *d);

/* The word's entry, or NULL. */
struct cfuzz_dict_word *cfuzz_dict_find(const struct cfuzz_dict *d, const uint8_t *bytes, size_t len);

/* Adds a word (1 to CFUZZ_DICT_WORD_MAX bytes) unless present or full;
 * returns its entry, or NULL if it could not be added. */
struct cfuzz_dict_word *cfuzz_dict_add(struct cfuzz_dict *d, const uint8_t *bytes, size_t len);

/* Parses dictionary text: one entry per line, `"value"` or `name="value"`
 * (AFL's `name@level="value"` too), escapes \\ \" \xNN; empty lines and
 * lines starting with # are skipped. Appends the words to d, growing it.
 * Returns 0, or the number of the first bad line with a message in err. */
size_t cfuzz_dict_parse(struct cfuzz_dict *d, const char *text, size_t len, char *err, size_t err_size);

/* Reads and parses FILE; on any error prints "FILE:LINE: message" and exits
 * 1. */
void cfuzz_dict_load_or_die(struct cfuzz_dict *d, const char *path);

/* One word as a dictionary-file value: "..." with \xNN escapes. */
void cfuzz_dict_print_word(FILE *out, const uint8_t *bytes, size_t len);

#endif
