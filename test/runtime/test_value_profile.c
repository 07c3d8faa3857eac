/* Unit tests: value_profile (slot layout per call site, dedupe, per-run cap,
 * switch neighbours). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "value_profile.h"

static struct cfuzz_value_profile vp; /* zero-initialised, like the global */

static void reset(void) { memset(&vp, 0, sizeof vp); }

/* Slots a compare of a and b at pc marks, as offsets within the site's 128. */
static uint32_t marked_since(uint32_t from, uint32_t *offsets) {
  for (uint32_t i = from; i < vp.n; i++)
    offsets[i - from] = vp.marked[i] % 128;
  return vp.n - from;
}

static void test_slots_of_one_site(void) {
  reset();
  uint32_t off[4];
  /* Equal operands: one slot, "0 bits apart", no size slot. */
  cfuzz_value_profile_add(&vp, 0x1234, 7, 7);
  CHECK(marked_since(0, off) == 1 && off[0] == 0);
  /* 0 against 1: one bit apart (slot 1), a difference of size 1 (slot 64). */
  cfuzz_value_profile_add(&vp, 0x1234, 0, 1);
  CHECK(marked_since(1, off) == 2 && off[0] == 1 && off[1] == 64);
  /* 0 against its complement: 64 bits apart, kept in the bit slots (63),
   * never in the size slot of a difference of 1 (64). */
  cfuzz_value_profile_add(&vp, 0x1234, 0, UINT64_MAX);
  CHECK(marked_since(3, off) == 2 && off[0] == 63 && off[1] == 127);
  /* Every slot of the site is in the site's block of 128. */
  for (uint32_t i = 0; i < vp.n; i++)
    CHECK(vp.marked[i] / 128 == vp.marked[0] / 128);
}

static void test_measures_do_not_share_slots(void) {
  /* For operand pairs with any number of differing bits and any difference
   * size, the bit slots (0..63) and the size slots (64..127) stay apart. */
  for (uint32_t bits = 0; bits <= 64; bits++) {
    reset();
    uint64_t b = bits == 64 ? UINT64_MAX : (1ull << bits) - 1;
    cfuzz_value_profile_add(&vp, 0x99, 0, b);
    CHECK(vp.marked[0] % 128 <= 63);
    if (bits)
      CHECK(vp.n == 2 && vp.marked[1] % 128 >= 64);
  }
}

static void test_dedupe_and_cap(void) {
  reset();
  cfuzz_value_profile_add(&vp, 0x10, 3, 5);
  uint32_t n = vp.n;
  cfuzz_value_profile_add(&vp, 0x10, 3, 5);
  CHECK(vp.n == n); /* the same slots again: nothing new */
  reset();
  for (uint32_t s = 0; s < CFUZZ_VP_SLOTS; s++)
    cfuzz_value_profile_mark(&vp, s);
  CHECK(vp.n == CFUZZ_VP_MAX_PER_RUN); /* a busy run stops adding */
}

/* The slots a plain compare of value and neighbour at pc would mark. */
static uint32_t slots_of_compare(uint64_t pc, uint64_t value, uint64_t neighbour, uint16_t *out) {
  static struct cfuzz_value_profile other;
  memset(&other, 0, sizeof other);
  cfuzz_value_profile_add(&other, pc, value, neighbour);
  memcpy(out, other.marked, other.n * sizeof *out);
  return other.n;
}

/* What a switch marks: its value against the cases on either side, under
 * the site shifted by the value's place among the cases. */
static void check_switch(const uint64_t *cases, uint64_t value, uint64_t place, uint64_t below, uint64_t above) {
  reset();
  cfuzz_value_profile_add_switch(&vp, 0x4000, value, cases);
  uint16_t want[8];
  uint32_t n = slots_of_compare(0x4000 + 2 * place, value, below, want);
  n += slots_of_compare(0x4000 + 2 * place + 1, value, above, want + n);
  CHECK(vp.n == n);
  for (uint32_t i = 0; i < n && i < vp.n; i++)
    CHECK(vp.marked[i] == want[i]);
}

static void test_switch_neighbours(void) {
  static const uint64_t cases[] = {4, 32, 300, 1000, 70000, 100000001};
  check_switch(cases, 500, 1, 300, 1000);             /* between two cases */
  check_switch(cases, 1000, 2, 300, 70000);           /* equal to a case: the ones beside it */
  check_switch(cases, 299, 0, 0, 300);                /* below every case */
  check_switch(cases, 200000000, 4, 100000001, 0xffffffffu); /* above: the width's maximum */
  static const uint64_t wide[] = {1, 64, 1000};
  check_switch(wide, 5000, 1, 1000, UINT64_MAX);
  /* A value closer to the case above is a new feature at the same sites. */
  reset();
  cfuzz_value_profile_add_switch(&vp, 0x4000, 90000000, cases);
  uint32_t n = vp.n;
  cfuzz_value_profile_add_switch(&vp, 0x4000, 100000000, cases);
  CHECK(vp.n > n);
}

static void test_switch_skips_small(void) {
  static const uint64_t bytes[] = {3, 8, 'a', 'b', 255};
  reset();
  cfuzz_value_profile_add_switch(&vp, 0x4000, 1000, bytes); /* every case below 256 */
  CHECK(vp.n == 0);
  static const uint64_t big[] = {2, 32, 300, 1000};
  cfuzz_value_profile_add_switch(&vp, 0x4000, 255, big); /* value below 256 */
  CHECK(vp.n == 0);
  static const uint64_t none[] = {0, 32};
  cfuzz_value_profile_add_switch(&vp, 0x4000, 1000, none);
  CHECK(vp.n == 0);
}

int main(void) {
  test_slots_of_one_site();
  test_measures_do_not_share_slots();
  test_dedupe_and_cap();
  test_switch_neighbours();
  test_switch_skips_small();
  return check_finish("value_profile");
}
