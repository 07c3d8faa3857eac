/* mutate.c - the mutation dispatcher (see mutate.h): weighted choice from
 * the table, stacking, the applied sequence and per-mutation statistics. */
#include "mutate.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "mutation_util.h"
#include "mutations.h"
#include "util.h"

void cfuzz_mutator_init(struct cfuzz_mutator *m, struct cfuzz_rng *rng, const struct cfuzz_mutator_options *o) {
  memset(m, 0, sizeof *m);
  m->rng = rng;
  m->cmp = o->cmp;
  m->only_ascii = o->only_ascii;
  m->whole_sequence = o->whole_sequence;
  m->depth = o->depth ? o->depth : CFUZZ_DEFAULT_MUTATE_DEPTH;
  if (m->depth > CFUZZ_MAX_MUTATE_DEPTH)
    m->depth = CFUZZ_MAX_MUTATE_DEPTH;
  /* Looked up once: the runtime's own strcmp is intercepted (interceptors.c)
   * and would feed these names to the operand table. */
  m->fallbacks[0] = (size_t)cfuzz_mutation_index("InsertByte");
  m->fallbacks[1] = (size_t)cfuzz_mutation_index("ChangeByte");
  int custom = cfuzz_mutation_index("Custom"), custom_cross_over = cfuzz_mutation_index("CustomCrossOver");
  for (size_t i = 0; i < cfuzz_mutation_count; i++) {
    m->weights[i] = cfuzz_mutation_table[i].weight;
    m->builtin_weight += m->weights[i];
  }
  if (cfuzz_custom_mutator_defined()) {
    memset(m->weights, 0, sizeof m->weights);
    m->weights[custom] = 1;
  }
  if (cfuzz_custom_cross_over_defined() && o->max_len) {
    m->weights[custom_cross_over] = 1;
    m->scratch_cap = o->max_len;
    m->scratch = cfuzz_xcalloc(o->max_len, 1);
  }
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    m->total_weight += m->weights[i];
  m->adaptation = cfuzz_xcalloc(1, sizeof *m->adaptation);
  memcpy(m->adaptation->base_weights, m->weights, sizeof m->weights);
  if (m->total_weight > CFUZZ_PICK_SLOTS)
    cfuzz_fatal("internal error: mutation weights add up to %" PRIu64 " (at most %d)", m->total_weight,
              CFUZZ_PICK_SLOTS);
  memset(m->pick_n, CFUZZ_PICK_UNBUILT, sizeof m->pick_n);
  m->adaptive = o->adaptive && !cfuzz_custom_mutator_defined();
  m->cmp_difference = o->cmp_difference;
  cfuzz_custom_mutators_bind(m);
  cfuzz_dict_init(&m->manual_dict, 0);
  if (o->dict_path) {
    cfuzz_dict_load_or_die(&m->manual_dict, o->dict_path);
    fprintf(cfuzz_err(), "INFO: dictionary '%s': %zu entries\n", o->dict_path, m->manual_dict.n);
  }
  cfuzz_dict_init(&m->auto_dict, CFUZZ_AUTO_DICT_WORDS);
}

void cfuzz_mutator_set_partner_source(struct cfuzz_mutator *m, cfuzz_partner_source source, void *ctx) {
  m->partner_source = source;
  m->partner_ctx = ctx;
}

bool cfuzz_mutator_partner(struct cfuzz_mutator *m) {
  if (!m->partner && m->partner_source && !m->partner_asked) {
    m->partner_asked = true;
    m->partner = m->partner_source(m->partner_ctx, &m->partner_len);
  }
  return m->partner != NULL;
}

void cfuzz_mutator_free(struct cfuzz_mutator *m) {
  cfuzz_custom_mutators_bind(NULL);
  free(m->scratch);
  m->scratch = NULL;
  free(m->adaptation);
  m->adaptation = NULL;
  cfuzz_dict_free(&m->manual_dict);
  cfuzz_dict_free(&m->auto_dict);
}

void cfuzz_mutator_note_word(struct cfuzz_mutator *m, struct cfuzz_dict_word *entry, const uint8_t *bytes,
                             size_t len) {
  if (entry)
    entry->uses++;
  if (m->n_words == CFUZZ_MAX_MUTATE_DEPTH || len == 0)
    return;
  if (len > CFUZZ_DICT_WORD_MAX)
    len = CFUZZ_DICT_WORD_MAX;
  struct cfuzz_used_word *w = &m->words[m->n_words++];
  w->entry = entry;
  w->len = (uint8_t)len;
  memcpy(w->bytes, bytes, len);
}

int cfuzz_mutation_index(const char *name) {
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    if (strcmp(cfuzz_mutation_table[i].name, name) == 0)
      return (int)i;
  return -1;
}

/* Entries are never cleared, so a kind once seen stays seen. */
static uint8_t scan_cmp_table(const struct cfuzz_cmp_table *t) {
  uint8_t seen = 0;
  for (size_t i = 0; i < CFUZZ_CMP_INT_ENTRIES; i++)
    if (t->ints[i].size)
      seen |= CFUZZ_NEEDS_CMP_INT;
  if (t->strs_filled)
    seen |= CFUZZ_NEEDS_CMP_STR;
  for (size_t i = 0; i < CFUZZ_CMP_FLOAT_ENTRIES; i++)
    if (t->floats[i].size)
      seen |= CFUZZ_NEEDS_CMP_FLOAT;
  return seen;
}

/* How often (in mutate calls) the cmp table is rescanned for new kinds. */
#define CMP_SCAN_INTERVAL 256

/* The needs the current call can meet. */
static unsigned needs_met(struct cfuzz_mutator *m) {
  if (m->cmp && m->cmp_seen != (CFUZZ_NEEDS_CMP_INT | CFUZZ_NEEDS_CMP_STR | CFUZZ_NEEDS_CMP_FLOAT) &&
      m->calls_since_cmp_scan++ % CMP_SCAN_INTERVAL == 0)
    m->cmp_seen = scan_cmp_table(m->cmp);
  unsigned met = m->cmp_seen;
  if ((m->partner && m->partner_len) || m->partner_source)
    met |= CFUZZ_NEEDS_PARTNER;
  if (m->manual_dict.n)
    met |= CFUZZ_NEEDS_MANUAL_DICT;
  if (m->auto_dict.n)
    met |= CFUZZ_NEEDS_AUTO_DICT;
  return met;
}

static void build_pick_table(struct cfuzz_mutator *m, size_t key, unsigned met, size_t len_class) {
  uint8_t n = 0;
  for (size_t i = 0; i < cfuzz_mutation_count; i++) {
    const struct cfuzz_mutation *mu = &cfuzz_mutation_table[i];
    if ((mu->needs & ~met) || mu->min_len > len_class)
      continue;
    for (uint32_t w = 0; w < m->weights[i]; w++)
      m->pick[key][n++] = (uint8_t)i;
  }
  m->pick_n[key] = n;
}

/* A table index by weight among the mutations that can apply, or -1. */
static int pick_mutation(struct cfuzz_mutator *m, unsigned met, size_t len) {
  size_t len_class = len < 2 ? len : 2;
  size_t key = met * 3 + len_class;
  if (m->pick_n[key] == CFUZZ_PICK_UNBUILT)
    build_pick_table(m, key, met, len_class);
  if (m->pick_n[key] == 0)
    return -1;
  return m->pick[key][cfuzz_rng_below(m->rng, m->pick_n[key])];
}

/* By the table's own weights, where Custom and CustomCrossOver are 0. */
size_t cfuzz_mutator_apply_builtin(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  uint64_t r = cfuzz_rng_below(m->rng, m->builtin_weight);
  size_t i = 0;
  while (r >= cfuzz_mutation_table[i].weight) {
    r -= cfuzz_mutation_table[i].weight;
    i++;
  }
  return cfuzz_mutator_apply(m, i, buf, len, cap);
}

static void record(struct cfuzz_mutator *m, size_t index) {
  m->stats[index].uses++;
  if (m->sequence_len < CFUZZ_MAX_MUTATE_DEPTH)
    m->sequence[m->sequence_len++] = (uint8_t)index;
}

/* Keeps the promise that the input changes when it can: insert a byte, or
 * else change one. */
static size_t apply_fallback(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  for (size_t i = 0; i < 2; i++) {
    size_t k = m->fallbacks[i];
    size_t result = cfuzz_mutation_table[k].fn(m, buf, len, cap);
    if (result != CFUZZ_MUTATION_FAILED) {
      record(m, k);
      return result;
    }
  }
  return len;
}

size_t cfuzz_mutator_apply(struct cfuzz_mutator *m, size_t index, uint8_t *buf, size_t len, size_t cap) {
  if (len > cap)
    len = cap;
  size_t result = cfuzz_mutation_table[index].fn(m, buf, len, cap);
  if (result != CFUZZ_MUTATION_FAILED) {
    record(m, index);
    return result;
  }
  return apply_fallback(m, buf, len, cap);
}

/* A mutation that turns out not to apply (no operand found in the input,
 * no room left) is replaced by another pick, as libFuzzer does, so the
 * weights stay the frequencies of the mutations that actually apply. The
 * pick tables already leave out those that cannot apply at all. */
#define PICK_TRIES 16

static size_t apply_picked(struct cfuzz_mutator *m, unsigned met, uint8_t *buf, size_t len, size_t cap) {
  for (int t = 0; t < PICK_TRIES; t++) {
    int k = pick_mutation(m, met, len);
    if (k < 0)
      break;
    size_t result = cfuzz_mutation_table[k].fn(m, buf, len, cap);
    if (result != CFUZZ_MUTATION_FAILED) {
      record(m, k);
      return result;
    }
  }
  return apply_fallback(m, buf, len, cap);
}

/* libFuzzer's -only_ascii: clear the high bit, and make what is neither
 * printable nor whitespace a space. */
static void to_ascii(uint8_t *buf, size_t len) {
  for (size_t i = 0; i < len; i++) {
    uint8_t c = buf[i] & 0x7f;
    if (!((c >= ' ' && c < 0x7f) || (c >= '\t' && c <= '\r')))
      c = ' ';
    buf[i] = c;
  }
}

size_t cfuzz_mutator_mutate(struct cfuzz_mutator *m, const uint8_t *src, size_t src_len, uint8_t *dst,
                            size_t cap, const uint8_t *partner, size_t partner_len) {
  size_t len = cfuzz_mutator_start(m, src, src_len, dst, cap);
  m->partner = partner;
  m->partner_len = partner ? partner_len : 0;
  /* 1 mutation half the time, else 2..depth: single steps climb
   * comparisons, stacked ones jump further. */
  size_t count = cfuzz_rng_below(m->rng, 2) || m->depth < 2 ? 1 : 2 + cfuzz_rng_below(m->rng, m->depth - 1);
  unsigned met = needs_met(m);
  for (size_t i = 0; i < count; i++)
    len = apply_picked(m, met, dst, len, cap);
  if (m->only_ascii)
    to_ascii(dst, len);
  return len;
}

size_t cfuzz_mutator_start(struct cfuzz_mutator *m, const uint8_t *src, size_t src_len, uint8_t *dst, size_t cap) {
  size_t len = src_len < cap ? src_len : cap;
  memcpy(dst, src, len);
  m->partner = NULL;
  m->partner_len = 0;
  m->partner_asked = false;
  m->sequence_len = 0;
  m->n_words = 0;
  return len;
}

size_t cfuzz_mutator_step(struct cfuzz_mutator *m, uint8_t *buf, size_t len, size_t cap) {
  if (len > cap)
    len = cap;
  len = apply_picked(m, needs_met(m), buf, len, cap);
  if (m->only_ascii)
    to_ascii(buf, len);
  return len;
}

size_t cfuzz_mutator_turn_step(struct cfuzz_mutator *m, size_t step, const uint8_t *parent, size_t parent_len,
                               uint8_t *buf, size_t len, size_t cap) {
  if (step == 0 || cfuzz_rng_below(m->rng, 2) == 0)
    len = cfuzz_mutator_start(m, parent, parent_len, buf, cap);
  return cfuzz_mutator_step(m, buf, len, cap);
}

/* Besides counting, keeps each word that helped in the automatic
 * dictionary (unless the manual one has it), as libFuzzer does. Useful
 * inputs are rare, so the linear searches cost nothing per execution. */
void cfuzz_mutator_credit(struct cfuzz_mutator *m, bool new_features) {
  for (size_t i = 0; i < m->sequence_len; i++)
    m->stats[m->sequence[i]].useful++;
  if (new_features && m->sequence_len)
    m->adaptation->new_as_last[m->sequence[m->sequence_len - 1]]++;
  for (size_t i = 0; i < m->n_words; i++) {
    struct cfuzz_used_word *w = &m->words[i];
    if (w->entry)
      w->entry->useful++;
    if (cfuzz_dict_find(&m->manual_dict, w->bytes, w->len))
      continue;
    struct cfuzz_dict_word *a = cfuzz_dict_find(&m->auto_dict, w->bytes, w->len);
    if (!a) {
      a = cfuzz_dict_add(&m->auto_dict, w->bytes, w->len);
      if (a)
        a->uses = 1;
    }
    if (a && a != w->entry)
      a->useful++;
  }
}

void cfuzz_mutator_print_recommended_dict(const struct cfuzz_mutator *m, FILE *out) {
  if (m->auto_dict.n == 0)
    return;
  fprintf(out, "###### Recommended dictionary. ######\n");
  for (size_t i = 0; i < m->auto_dict.n; i++) {
    const struct cfuzz_dict_word *w = &m->auto_dict.words[i];
    cfuzz_dict_print_word(out, w->bytes, w->len);
    fprintf(out, " # Uses: %" PRIu64 "\n", w->uses);
  }
  fprintf(out, "###### End of recommended dictionary. ######\n");
}

void cfuzz_mutator_format_sequence(const struct cfuzz_mutator *m, char *out, size_t size) {
  if (size == 0)
    return;
  int n = snprintf(out, size, "MS: %zu ", m->sequence_len);
  size_t names = cfuzz_mutator_names_to_print(m, m->sequence_len);
  for (size_t i = 0; i < names && n >= 0 && (size_t)n < size; i++)
    n += snprintf(out + n, size - (size_t)n, "%s-", cfuzz_mutation_table[m->sequence[i]].name);
  /* libFuzzer's " DE: " part: the words that dictionary mutations wrote. */
  size_t words = cfuzz_mutator_names_to_print(m, m->n_words);
  for (size_t i = 0; i < words && n >= 0 && (size_t)n < size; i++) {
    const struct cfuzz_used_word *w = &m->words[i];
    n += snprintf(out + n, size - (size_t)n, i == 0 ? " DE: \"" : "\"");
    for (size_t k = 0; k < w->len && n >= 0 && (size_t)n < size; k++) {
      uint8_t c = w->bytes[k];
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
        n += snprintf(out + n, size - (size_t)n, "%c", c);
      else
        n += snprintf(out + n, size - (size_t)n, "\\x%02X", c);
    }
    if (n >= 0 && (size_t)n < size)
      n += snprintf(out + n, size - (size_t)n, "\"-");
  }
}

void cfuzz_mutator_print_stats(const struct cfuzz_mutator *m, FILE *out) {
  fprintf(out, "stat::mutations: name uses useful new_as_last weight\n");
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    fprintf(out, "stat::mutation: %-22s %" PRIu64 " %" PRIu64 " %" PRIu64 " %u\n", cfuzz_mutation_table[i].name,
            m->stats[i].uses, m->stats[i].useful, m->adaptation->new_as_last[i], m->weights[i]);
}

/* Each adaptation keeps this share of the window, so that it reflects the
 * last few adaptation intervals rather than the whole run. */
#define ADAPT_DECAY 0.9
/* Below this many successes in the window, weights go back to the table's. */
#define ADAPT_MIN_SUCCESSES 4.0
/* A mutation's rate is shrunk toward the mean as if it had this many more
 * successes at the mean rate. */
#define ADAPT_PRIOR_SUCCESSES 4.0
/* Weights move within [1/ADAPT_RANGE, ADAPT_RANGE] of the table's. */
#define ADAPT_RANGE 3.0
/* The adapted weights add up to about this many pick slots, leaving room
 * under CFUZZ_PICK_SLOTS for rounding up and the minimum of 1 (any
 * overshoot left is trimmed below). */
#define ADAPT_SLOTS 48.0

/* A stacked input's last mutation is what made it differ from the input
 * before it, which ran and was not useful (or the sequence restarted from
 * the parent): it is credited, not the whole sequence. */
void cfuzz_mutator_adapt(struct cfuzz_mutator *m) {
  struct cfuzz_mutation_adaptation *a = m->adaptation;
  if (!m->adaptive)
    return;
  double uses = 0, useful = 0;
  for (size_t i = 0; i < cfuzz_mutation_count; i++) {
    a->window_uses[i] = a->window_uses[i] * ADAPT_DECAY + (double)(m->stats[i].uses - a->seen_uses[i]);
    a->window_new[i] = a->window_new[i] * ADAPT_DECAY + (double)(a->new_as_last[i] - a->seen_new[i]);
    a->seen_uses[i] = m->stats[i].uses;
    a->seen_new[i] = a->new_as_last[i];
    if (a->base_weights[i]) {
      uses += a->window_uses[i];
      useful += a->window_new[i];
    }
  }
  if (useful < ADAPT_MIN_SUCCESSES) {
    memcpy(m->weights, a->base_weights, sizeof m->weights);
  } else {
    double want[CFUZZ_MAX_MUTATIONS], sum = 0, mean = useful / uses;
    double prior_uses = ADAPT_PRIOR_SUCCESSES / mean;
    for (size_t i = 0; i < cfuzz_mutation_count; i++) {
      double rate = (a->window_new[i] + ADAPT_PRIOR_SUCCESSES) / (a->window_uses[i] + prior_uses);
      double factor = rate / mean;
      factor = factor < 1 / ADAPT_RANGE ? 1 / ADAPT_RANGE : factor > ADAPT_RANGE ? ADAPT_RANGE : factor;
      want[i] = a->base_weights[i] * factor;
      sum += want[i];
    }
    for (size_t i = 0; i < cfuzz_mutation_count; i++) {
      uint32_t w = (uint32_t)(want[i] * ADAPT_SLOTS / sum + 0.5);
      m->weights[i] = a->base_weights[i] && w == 0 ? 1 : w;
    }
  }
  uint64_t total = 0;
  for (size_t i = 0; i < cfuzz_mutation_count; i++)
    total += m->weights[i];
  /* Should rounding ever overshoot the slots, take from the largest. */
  while (total > CFUZZ_PICK_SLOTS) {
    size_t big = 0;
    for (size_t i = 1; i < cfuzz_mutation_count; i++)
      if (m->weights[i] > m->weights[big])
        big = i;
    m->weights[big]--;
    total--;
  }
  m->total_weight = total;
  memset(m->pick_n, CFUZZ_PICK_UNBUILT, sizeof m->pick_n);
}
