/* mutate.h - the mutation engine: producing the next input from a corpus
 * entry (after libFuzzer's MutationDispatcher).
 *
 * Each mutation is a small function with a name, listed once in a table
 * (mutations.c) with a weight. The mutator picks from the table by weight,
 * stacks mutations (one more per run of the same parent, or a few at once
 * for cfuzz_mutator_mutate), and remembers which ones produced
 * the current input; when the loop judges a run useful it calls
 * cfuzz_mutator_credit, which counts the sequence's mutations as useful (for
 * -print_mutation_stats) and returns the sequence for the `MS:` part of the
 * NEW line. All state is in struct cfuzz_mutator and is allocated once, at
 * init: a mutation does no allocation and no syscall, and its work is
 * proportional to the input's length. */
#ifndef CFUZZ_MUTATE_H
#define CFUZZ_MUTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cmp_table.h"
#include "dictionary.h"
#include "rng.h"

/* A mutation returns this when it cannot apply to the input (nothing to
 * erase, an empty operand table...); the mutator then tries another one. */
#define CFUZZ_MUTATION_FAILED SIZE_MAX
/* Upper bounds for the table and for -mutate_depth. */
#define CFUZZ_MAX_MUTATIONS 32
#define CFUZZ_MAX_MUTATE_DEPTH 32
#define CFUZZ_DEFAULT_MUTATE_DEPTH 5
/* Pick tables: one per (needs met, input length 0 / 1 / 2+), each holding
 * every applicable mutation index `weight` times, so a pick is one random
 * index. The enabled weights must add up to at most CFUZZ_PICK_SLOTS. */
#define CFUZZ_PICK_SLOTS 64
#define CFUZZ_PICK_TABLES (64 * 3)
#define CFUZZ_PICK_UNBUILT 0xff

struct cfuzz_mutator;

/* Mutates buf[0..len) in place with room for cap bytes; returns the new
 * length (<= cap) or CFUZZ_MUTATION_FAILED, in which case buf is unchanged. */
typedef size_t (*cfuzz_mutation_fn)(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* What a mutation needs besides input bytes. The mutator picks only among
 * the mutations whose needs are met, so that on a tiny input or an empty
 * operand table it does not spend its time calling ones that must fail. */
enum cfuzz_mutation_need {
  CFUZZ_NEEDS_PARTNER = 1 << 0,     /* a crossover partner */
  CFUZZ_NEEDS_CMP_INT = 1 << 1,     /* an integer operand in the cmp table */
  CFUZZ_NEEDS_CMP_STR = 1 << 2,     /* a string operand */
  CFUZZ_NEEDS_CMP_FLOAT = 1 << 3,   /* a float operand */
  CFUZZ_NEEDS_MANUAL_DICT = 1 << 4, /* a -dict word */
  CFUZZ_NEEDS_AUTO_DICT = 1 << 5,   /* an automatic dictionary word */
  CFUZZ_NEEDS_ALL = (1 << 6) - 1,
};

struct cfuzz_mutation {
  const char *name; /* libFuzzer's name where libFuzzer has the mutation */
  cfuzz_mutation_fn fn;
  uint32_t weight;  /* relative frequency; 0 disables */
  uint8_t min_len;  /* it always fails on shorter inputs (at most 2) */
  uint8_t needs;    /* enum cfuzz_mutation_need bits */
};

/* The table, in mutations.c. */
extern const struct cfuzz_mutation cfuzz_mutation_table[];
extern const size_t cfuzz_mutation_count;

struct cfuzz_mutator_options {
  const struct cfuzz_cmp_table *cmp; /* recorded comparison operands; may be NULL */
  size_t depth;                      /* most mutations stacked per input; 0: default */
  bool only_ascii;                   /* -only_ascii=1: results are printable ASCII */
  const char *dict_path;             /* -dict=FILE, or NULL */
  size_t max_len;                    /* most bytes an input can have (for LLVMFuzzerCustomCrossOver) */
  bool whole_sequence;               /* -verbosity=2: print every name of a sequence */
  bool adaptive;                     /* -adapt_mutations: see cfuzz_mutator_adapt */
  bool cmp_difference;               /* -cmp_difference: see cfuzz_mutation_cmp_int */
};

struct cfuzz_mutation_stats {
  uint64_t uses;   /* times applied */
  uint64_t useful; /* times part of a sequence that produced a useful input */
};

/* Returns a crossover partner's bytes and sets *len; NULL: none. */
typedef const uint8_t *(*cfuzz_partner_source)(void *ctx, size_t *len);

struct cfuzz_mutator {
  struct cfuzz_rng *rng; /* shared with the loop: one stream makes -seed repeat */
  const struct cfuzz_cmp_table *cmp;
  size_t depth;
  bool only_ascii;
  bool whole_sequence; /* see cfuzz_mutator_names_to_print */
  bool adaptive;       /* -adapt_mutations (see cfuzz_mutator_adapt) */
  bool cmp_difference; /* -cmp_difference (see cfuzz_mutation_cmp_int) */
  /* The table's weights as this mutator uses them: with
   * LLVMFuzzerCustomMutator only Custom (and CustomCrossOver) are on, as in
   * libFuzzer. builtin_weight is the total of the built-in ones, for
   * LLVMFuzzerMutate. */
  uint32_t weights[CFUZZ_MAX_MUTATIONS];
  uint64_t total_weight, builtin_weight;
  /* Lazily built pick tables (see CFUZZ_PICK_SLOTS); pick_n is
   * CFUZZ_PICK_UNBUILT until built. */
  uint8_t pick_n[CFUZZ_PICK_TABLES];
  uint8_t pick[CFUZZ_PICK_TABLES][CFUZZ_PICK_SLOTS];
  /* Which cmp-table kinds have had an entry (entries are never cleared, so
   * once seen stays seen), refreshed every few hundred calls rather than
   * scanned per call. */
  uint8_t cmp_seen;
  uint32_t calls_since_cmp_scan;
  size_t fallbacks[2]; /* InsertByte, ChangeByte: when nothing else applies */
  uint8_t *scratch; /* output of LLVMFuzzerCustomCrossOver, scratch_cap bytes */
  size_t scratch_cap;
  /* Crossover partner of the current call (NULL: none yet). A call given
   * none asks partner_source, if set, the first time a mutation needs one:
   * most calls apply no crossover, and a pick is a draw by weight (the
   * empty target's run spent 3% of its instructions on it). */
  const uint8_t *partner;
  size_t partner_len;
  cfuzz_partner_source partner_source;
  void *partner_ctx;
  bool partner_asked;
  /* Mutations applied to the current input, in order (table indices). */
  uint8_t sequence[CFUZZ_MAX_MUTATE_DEPTH];
  size_t sequence_len;
  /* Words the current input's mutations wrote (dictionary words and
   * comparison operands): credited, and added to the automatic dictionary,
   * when the input turns out useful. `entry` is the dictionary entry the
   * word came from, if any. */
  struct cfuzz_used_word {
    struct cfuzz_dict_word *entry;
    uint8_t len;
    uint8_t bytes[CFUZZ_DICT_WORD_MAX];
  } words[CFUZZ_MAX_MUTATE_DEPTH];
  size_t n_words;
  struct cfuzz_dict manual_dict; /* -dict */
  struct cfuzz_dict auto_dict;   /* persistent automatic dictionary */
  struct cfuzz_mutation_stats stats[CFUZZ_MAX_MUTATIONS];
  /* Allocated at init, apart from the state above that every run touches
   * (inside it, and checked per step, it slowed the empty harness by
   * 1-11% even when off). */
  struct cfuzz_mutation_adaptation *adaptation;
};

/* Adaptive weights (see cfuzz_mutator_adapt). */
struct cfuzz_mutation_adaptation {
  uint32_t base_weights[CFUZZ_MAX_MUTATIONS]; /* the weights at init */
  /* New entries whose last mutation was this one (-print_mutation_stats'
   * new_as_last, counted whether adaptive or not). */
  uint64_t new_as_last[CFUZZ_MAX_MUTATIONS];
  /* Uses and new_as_last, decayed, over the last adaptations; `seen`: the
   * cumulative counts already added to the window. */
  double window_uses[CFUZZ_MAX_MUTATIONS], window_new[CFUZZ_MAX_MUTATIONS];
  uint64_t seen_uses[CFUZZ_MAX_MUTATIONS], seen_new[CFUZZ_MAX_MUTATIONS];
};

void cfuzz_mutator_init(struct cfuzz_mutator *m, struct cfuzz_rng *rng, const struct cfuzz_mutator_options *o);

/* Where crossover partners come from when cfuzz_mutator_mutate gets none,
 * and for cfuzz_mutator_step (the loop's corpus); NULL: no crossover
 * then. */
void cfuzz_mutator_set_partner_source(struct cfuzz_mutator *m, cfuzz_partner_source source, void *ctx);

/* The current call's crossover partner, asking the source the first time;
 * false if there is none. */
bool cfuzz_mutator_partner(struct cfuzz_mutator *m);

void cfuzz_mutator_free(struct cfuzz_mutator *m);

/* Copies src to dst (at most cap bytes) and applies 1 (half of the time) or
 * 2 to `depth` stacked mutations. partner (may be NULL: then the partner
 * source's, if needed) is another corpus entry for crossover. Returns the
 * new length, <= cap. src and dst must not overlap; dst has room for cap
 * bytes. */
size_t cfuzz_mutator_mutate(struct cfuzz_mutator *m, const uint8_t *src, size_t src_len, uint8_t *dst,
                            size_t cap, const uint8_t *partner, size_t partner_len);

/* libFuzzer's way of stacking (-mutate_depth runs per parent, each input
 * one mutation further from it): start copies src to dst (at most cap
 * bytes) and clears the sequence; each step applies one more mutation to
 * buf in place, so the k-th run of a parent has k stacked mutations for the
 * cost of one. Crossover partners come from the partner source. Return the
 * new length (<= cap). */
size_t cfuzz_mutator_start(struct cfuzz_mutator *m, const uint8_t *src, size_t src_len, uint8_t *dst, size_t cap);
size_t cfuzz_mutator_step(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* The input of step `step` (0-based) of a parent's turn, in buf (which
 * holds the previous step's input, len bytes). Step 0 and, at random, half
 * of the later steps start again from the parent (cfuzz_mutator_start);
 * the others stack one more mutation on the last input. A climb (a compared
 * value one bit closer at a time) needs single mutations of the best input,
 * and pure stacking made them one run in -mutate_depth. parent may change
 * between calls (a run can replace it). Returns the new length (<= cap). */
size_t cfuzz_mutator_turn_step(struct cfuzz_mutator *m, size_t step, const uint8_t *parent, size_t parent_len,
                               uint8_t *buf, size_t len, size_t cap);

/* Applies table entry `index` once in place; if it cannot apply, inserts or
 * changes a byte instead so that the input changes whenever cap allows.
 * Appends to the sequence. Returns the new length (<= cap). */
size_t cfuzz_mutator_apply(struct cfuzz_mutator *m, size_t index, uint8_t *buf, size_t len, size_t cap);

/* One built-in mutation (never the user's), for LLVMFuzzerMutate; returns
 * the new length (<= cap). */
size_t cfuzz_mutator_apply_builtin(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap);

/* Index of the table entry called `name`, or -1. */
int cfuzz_mutation_index(const char *name);

/* With -adapt_mutations, re-weights the built-in mutations by how often
 * each one, applied last, recently made a new entry; the loop calls it
 * every 65,536 runs, with the corpus's drop pass. Otherwise does nothing. */
void cfuzz_mutator_adapt(struct cfuzz_mutator *m);

/* The loop judged the input of the last cfuzz_mutator_mutate useful: credit
 * its mutations; new_features: it is a new entry (not a better replacement),
 * which also credits its last mutation for the adaptive weights. */
void cfuzz_mutator_credit(struct cfuzz_mutator *m, bool new_features);

/* libFuzzer's description of the current input's mutations,
 * "MS: 2 ChangeBit-InsertByte-", into out (always terminated). */
void cfuzz_mutator_format_sequence(const struct cfuzz_mutator *m, char *out, size_t size);

/* How many names (and dictionary words) of a sequence to print: as
 * libFuzzer, the first 10, or all with -verbosity=2. */
#define CFUZZ_MUTATIONS_TO_PRINT 10
static inline size_t cfuzz_mutator_names_to_print(const struct cfuzz_mutator *m, size_t n) {
  return m->whole_sequence || n < CFUZZ_MUTATIONS_TO_PRINT ? n : CFUZZ_MUTATIONS_TO_PRINT;
}

/* One line per mutation: name, uses, useful (-print_mutation_stats=1). */
void cfuzz_mutator_print_stats(const struct cfuzz_mutator *m, FILE *out);

/* libFuzzer's "###### Recommended dictionary. ######" block: the automatic
 * dictionary's words that are not in the manual one; nothing if empty. */
void cfuzz_mutator_print_recommended_dict(const struct cfuzz_mutator *m, FILE *out);

/* For mutations: remember that the current input got `bytes` written (from
 * dictionary entry `entry`, or NULL). */
void cfuzz_mutator_note_word(struct cfuzz_mutator *m, struct cfuzz_dict_word *entry, const uint8_t *bytes,
                             size_t len);

#endif
