/* Unit tests: name_set.c (the file-name hash set behind the corpus's
 * "already loaded" and "still held by an entry" checks). */
#include <stdbool.h>
#include <stdio.h>

#include "check.h"
#include "name_set.h"

/* Added names are found, others not; adding twice reports it; the set
 * keeps every name across its growth (it starts at 256 slots). */
static void test_add_has_grow(void) {
  struct cfuzz_name_set set = {0};
  CHECK(!cfuzz_name_set_has(&set, cfuzz_name_hash("a")));
  CHECK(cfuzz_name_set_add(&set, cfuzz_name_hash("a")));
  CHECK(!cfuzz_name_set_add(&set, cfuzz_name_hash("a")));
  CHECK(cfuzz_name_set_has(&set, cfuzz_name_hash("a")));
  CHECK(!cfuzz_name_set_has(&set, cfuzz_name_hash("b")));
  char name[32];
  for (int i = 0; i < 1000; i++) {
    snprintf(name, sizeof name, "sub/%d", i);
    CHECK(cfuzz_name_set_add(&set, cfuzz_name_hash(name)));
  }
  CHECK(set.n == 1001 && set.cap >= 2 * set.n);
  bool all = cfuzz_name_set_has(&set, cfuzz_name_hash("a"));
  for (int i = 0; i < 1000; i++) {
    snprintf(name, sizeof name, "sub/%d", i);
    all &= cfuzz_name_set_has(&set, cfuzz_name_hash(name));
  }
  CHECK(all);
  CHECK(!cfuzz_name_set_has(&set, cfuzz_name_hash("sub/1000")));
  cfuzz_name_set_free(&set);
  CHECK(set.slots == NULL && set.n == 0 && set.cap == 0);
  CHECK(!cfuzz_name_set_has(&set, cfuzz_name_hash("a")));
}

/* 0 marks an empty slot, so no name may hash to it; the empty name too. */
static void test_hash_never_zero(void) {
  CHECK(cfuzz_name_hash("") != 0);
  CHECK(cfuzz_name_hash("a") != cfuzz_name_hash("b"));
  CHECK(cfuzz_name_hash("ab") != cfuzz_name_hash("ba"));
}

int main(void) {
  test_add_has_grow();
  test_hash_never_zero();
  return check_finish("name_set");
}
