/* Unit tests: merge_choose.c (which files -merge=1 and -set_cover_merge=1
 * add), from control files as the children write them. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "merge_choose.h"
#include "merge_control.h"

/* The first directory holds "old" (features 1 and 2). Of the others, "x"
 * and "y" are small and bring 10 and 11, "z" is large and brings 10, 11
 * and 12, "w" brings only what "old" has. */
static const char control[] = "5\n1\nold\nx\ny\nz\nw\n"
                              "STARTED 0 4\nFT 0 1 2\nCOV 0 1 2\n"
                              "STARTED 1 1\nFT 1 10\nCOV 1 10\n"
                              "STARTED 2 2\nFT 2 11\nCOV 2 11\n"
                              "STARTED 3 10\nFT 3 12 10 11\nCOV 3 12\n"
                              "STARTED 4 3\nFT 4 2 1\nCOV 4\n";

static void load(struct cfuzz_merge_control *m, struct cfuzz_merge_result *r) {
  char *text = strdup(control);
  CHECK(cfuzz_merge_control_parse(text, true, m));
  free(text);
  *r = (struct cfuzz_merge_result){.files = calloc(m->files.n + 1, sizeof(char *))};
}

static bool chose(const struct cfuzz_merge_result *r, size_t i, const char *name) {
  return i < r->n_files && strcmp(r->files[i], name) == 0;
}

/* Smallest first: x and y each bring a feature, so z brings only 12 but is
 * still added; w brings nothing. */
static void test_greedy(void) {
  struct cfuzz_merge_control m;
  struct cfuzz_merge_result r;
  load(&m, &r);
  CHECK(cfuzz_merge_count_new_cov(&m) == 3);
  cfuzz_merge_choose_greedy(&m, &r);
  CHECK(r.n_files == 3 && chose(&r, 0, "x") && chose(&r, 1, "y") && chose(&r, 2, "z"));
  CHECK(r.n_features == 3);
  free(r.files);
  cfuzz_merge_files_free(&m.files);
}

/* Most new features first: z alone covers what x and y bring. */
static void test_set_cover(void) {
  struct cfuzz_merge_control m;
  struct cfuzz_merge_result r;
  load(&m, &r);
  cfuzz_merge_choose_set_cover(&m, &r);
  CHECK(r.n_files == 1 && chose(&r, 0, "z"));
  CHECK(r.n_features == 3);
  free(r.files);
  cfuzz_merge_files_free(&m.files);
}

/* Among files with as many new features, the smaller one is taken. */
static void test_set_cover_prefers_smaller(void) {
  char text[] = "3\n0\nlarge\nsmall\nother\n"
                "STARTED 0 9\nFT 0 5\nCOV 0 5\n"
                "STARTED 1 2\nFT 1 5\nCOV 1\n"
                "STARTED 2 4\nFT 2 6 7\nCOV 2 6 7\n";
  struct cfuzz_merge_control m;
  CHECK(cfuzz_merge_control_parse(text, true, &m));
  struct cfuzz_merge_result r = {.files = calloc(m.files.n + 1, sizeof(char *))};
  cfuzz_merge_choose_set_cover(&m, &r);
  CHECK(r.n_files == 2 && chose(&r, 0, "other") && chose(&r, 1, "small"));
  CHECK(r.n_features == 3);
  free(r.files);
  cfuzz_merge_files_free(&m.files);
}

int main(void) {
  test_greedy();
  test_set_cover();
  test_set_cover_prefers_smaller();
  return check_finish("merge_choose");
}
