/* len_control.c - see len_control.h. */
#include "len_control.h"

void cfuzz_len_control_init(struct cfuzz_len_control *lc, size_t max_len, uint64_t len_control, size_t longest,
                            uint64_t runs) {
  lc->max_len = max_len;
  lc->runs_per_log2 = len_control;
  lc->limit = longest > CFUZZ_LEN_LIMIT_START ? longest : CFUZZ_LEN_LIMIT_START;
  if (lc->limit > max_len || len_control == 0)
    lc->limit = max_len;
  lc->last_progress_run = runs;
}

size_t cfuzz_len_control_check(struct cfuzz_len_control *lc, uint64_t runs) {
  size_t log2_limit = (size_t)(64 - __builtin_clzll((unsigned long long)lc->limit | 1));
  if (lc->limit < lc->max_len && runs - lc->last_progress_run >= lc->runs_per_log2 * log2_limit) {
    lc->limit += log2_limit;
    if (lc->limit > lc->max_len)
      lc->limit = lc->max_len;
    lc->last_progress_run = runs;
  }
  return lc->limit;
}
