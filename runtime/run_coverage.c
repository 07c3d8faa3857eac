/* run_coverage.c - counter scan, shared-bitset merge, bitset comparison (see
 * run_coverage.h). */
#include "run_coverage.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define REPEAT4(x) x, x, x, x
#define REPEAT16(x) REPEAT4(x), REPEAT4(x), REPEAT4(x), REPEAT4(x)
#define REPEAT32(x) REPEAT16(x), REPEAT16(x)
const uint8_t cfuzz_hitcount_bucket_of[256] = {
    0, 0, 1, 2,                                 /* 0 (unused), 1, 2, 3 */
    REPEAT4(3),                                 /* 4-7 */
    REPEAT4(4), REPEAT4(4),                     /* 8-15 */
    REPEAT16(5),                                /* 16-31 */
    REPEAT32(6), REPEAT32(6), REPEAT32(6),      /* 32-127 */
    REPEAT32(7), REPEAT32(7), REPEAT32(7), REPEAT32(7), /* 128-255 */
};

/* Puts the 64-bit mask of PCs [pc, pc + 64) into the bitset; pc need not be
 * word-aligned because modules are numbered back to back. */
static inline void or_mask_at(uint64_t *bits, size_t pc, uint64_t mask) {
  size_t word = pc / 64, shift = pc % 64;
  bits[word] |= mask << shift;
  if (shift && (mask >> (64 - shift)))
    bits[word + 1] |= mask >> (64 - shift);
}

/* Mask of non-zero bytes among 64 counters, or 0 fast when all are zero. */
static inline uint64_t nonzero_mask64(const uint8_t *c) {
#if defined(__SSE2__)
  __m128i a = _mm_loadu_si128((const __m128i *)c);
  __m128i b = _mm_loadu_si128((const __m128i *)(c + 16));
  __m128i d = _mm_loadu_si128((const __m128i *)(c + 32));
  __m128i e = _mm_loadu_si128((const __m128i *)(c + 48));
  __m128i zero = _mm_setzero_si128();
  __m128i any = _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(d, e));
  if (_mm_movemask_epi8(_mm_cmpeq_epi8(any, zero)) == 0xFFFF)
    return 0;
  uint64_t m0 = (uint16_t)~_mm_movemask_epi8(_mm_cmpeq_epi8(a, zero));
  uint64_t m1 = (uint16_t)~_mm_movemask_epi8(_mm_cmpeq_epi8(b, zero));
  uint64_t m2 = (uint16_t)~_mm_movemask_epi8(_mm_cmpeq_epi8(d, zero));
  uint64_t m3 = (uint16_t)~_mm_movemask_epi8(_mm_cmpeq_epi8(e, zero));
  return m0 | m1 << 16 | m2 << 32 | m3 << 48;
#else
  uint64_t w[8];
  memcpy(w, c, 64);
  if ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) == 0)
    return 0;
  uint64_t mask = 0;
  for (int i = 0; i < 64; i++)
    mask |= (uint64_t)(c[i] != 0) << i;
  return mask;
#endif
}

/* The scan for both entry points; ft may be NULL (no feature list). */
static inline void collect(const struct cfuzz_instrumentation *instr, const struct cfuzz_modules *m,
                           uint64_t *run_bits, struct cfuzz_run_features *ft) {
  memset(run_bits, 0, m->n_words * sizeof(uint64_t));
  size_t n_ft = 0;
  for (size_t i = 0; i < instr->n_modules; i++) {
    uint8_t *c = instr->modules[i].counters;
    size_t n = instr->modules[i].n_counters, first = m->first_pc[i];
    for (size_t k = 0; k < n; k += 64) {
      /* The last block of a module is usually short: it is read through a
       * zero-padded copy, since a byte loop over it cost as much as the
       * rest of a small program's scan. */
      size_t block = n - k < 64 ? n - k : 64;
      uint8_t padded[64];
      const uint8_t *src = c + k;
      if (block < 64) {
        memset(padded, 0, sizeof padded);
        memcpy(padded, src, block);
        src = padded;
      }
      uint64_t mask = nonzero_mask64(src);
      if (mask) {
        or_mask_at(run_bits, first + k, mask);
        if (ft) {
          for (uint64_t rest = mask; rest; rest &= rest - 1) {
            size_t j = (size_t)__builtin_ctzll(rest);
            ft->ids[n_ft++] = (uint32_t)((first + k + j) * CFUZZ_HITCOUNT_BUCKETS + cfuzz_hitcount_bucket(src[j]));
          }
        }
        if (block == 64)
          memset(c + k, 0, 64); /* a constant size: a few stores, not a call */
        else
          memset(c + k, 0, block);
      }
    }
  }
  if (ft)
    ft->n = n_ft;
}

void cfuzz_collect_run_bits(const struct cfuzz_instrumentation *instr, const struct cfuzz_modules *m,
                            uint64_t *run_bits) {
  collect(instr, m, run_bits, NULL);
}

void cfuzz_collect_run(struct cfuzz_instrumentation *instr, const struct cfuzz_modules *m, uint64_t *run_bits,
                       struct cfuzz_run_features *ft) {
  collect(instr, m, run_bits, ft);
  struct cfuzz_value_profile *vp = &instr->value_profile;
  for (uint32_t i = 0; i < vp->n; i++) {
    uint32_t slot = vp->marked[i];
    vp->bits[slot / 64] &= ~(1ull << (slot % 64));
    ft->ids[ft->n++] = cfuzz_vp_feature(m->n_pcs, slot);
  }
  vp->n = 0;
  /* The stack grows down; code that does not record its depth leaves the
   * mark at the top. */
  uintptr_t lowest = __sancov_lowest_stack;
  if (instr->stack_top > lowest)
    ft->ids[ft->n++] = cfuzz_stack_depth_feature(m->n_pcs, cfuzz_stack_depth_slot((instr->stack_top - lowest) / 8));
}

bool cfuzz_merge_run_bits(uint64_t *shared, const uint64_t *run_bits, size_t n_words) {
  bool fresh = false;
  for (size_t i = 0; i < n_words; i++) {
    uint64_t mine = run_bits[i];
    if (!mine)
      continue;
    uint64_t prev = __atomic_load_n(&shared[i], __ATOMIC_RELAXED);
    if ((prev | mine) == prev)
      continue;
    prev = __atomic_fetch_or(&shared[i], mine, __ATOMIC_RELAXED);
    if ((prev | mine) != prev)
      fresh = true;
  }
  return fresh;
}

bool cfuzz_bits_cover(const uint64_t *super, const uint64_t *sub, size_t n_words) {
  for (size_t i = 0; i < n_words; i++)
    if (sub[i] & ~super[i])
      return false;
  return true;
}

size_t cfuzz_bits_count(const uint64_t *bits, size_t n_words) {
  size_t n = 0;
  for (size_t i = 0; i < n_words; i++)
    n += (size_t)__builtin_popcountll(bits[i]);
  return n;
}
