/* Unit tests: merge_control.c (the merge's file list and control file). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "merge_control.h"
#include "temp_dir.h"

static bool parse(const char *text, bool coverage, struct cfuzz_merge_control *m) {
  char *copy = strdup(text);
  bool ok = cfuzz_merge_control_parse(copy, coverage, m);
  free(copy);
  return ok;
}

/* A child that finished file 0 and started file 1 without finishing it:
 * file 1 is the one that failed, and file 1 is where the next child starts
 * (it skips the failed one by starting after its STARTED line). */
static void test_parse_progress(void) {
  struct cfuzz_merge_control m;
  CHECK(parse("3\n1\nout/a\nin/b\nin/c\n"
              "STARTED 0 5\nFT 0 9 3 7\nCOV 0 3 7\n"
              "STARTED 1 12\n",
              true, &m));
  CHECK(m.files.n == 3 && m.n_first == 1);
  CHECK(strcmp(m.files.v[2].name, "in/c") == 0);
  CHECK(m.first_unprocessed == 2);
  CHECK(m.last_failure && strcmp(m.last_failure, "in/b") == 0);
  CHECK(m.files.v[0].size == 5 && m.files.v[1].size == 12);
  /* FT is sorted; COV kept as written. */
  CHECK(m.files.v[0].n_ft == 3 && m.files.v[0].ft[0] == 3 && m.files.v[0].ft[1] == 7 && m.files.v[0].ft[2] == 9);
  CHECK(m.files.v[0].n_cov == 2 && m.files.v[0].cov[0] == 3);
  cfuzz_merge_files_free(&m.files);

  /* Without coverage the features are not kept; a finished list has no failure. */
  CHECK(parse("1\n0\nx\nSTARTED 0 1\nFT 0 4\nCOV 0 4\n", false, &m));
  CHECK(m.first_unprocessed == 1 && m.last_failure == NULL && m.files.v[0].ft == NULL);
  cfuzz_merge_files_free(&m.files);

  /* The widest 32-bit feature is kept whole; a trailing space is allowed. */
  CHECK(parse("1\n0\nx\nSTARTED 0 1\nFT 0 4294967295 \nCOV 0\n", true, &m));
  CHECK(m.files.v[0].n_ft == 1 && m.files.v[0].ft[0] == 4294967295u && m.files.v[0].n_cov == 0);
  cfuzz_merge_files_free(&m.files);
}

/* Anything out of order or malformed is rejected, never half-read. */
static void test_parse_rejects(void) {
  static const char *const bad[] = {
      "",                                    /* no count */
      "0\n0\n",                              /* no files */
      "2\n3\na\nb\n",                        /* more in the first dir than in all */
      "2\n0\na\n",                           /* a file name missing */
      "1\n0\na\nSTARTED 1 4\n",              /* file 0 skipped */
      "1\n0\na\nFT 0 1\n",                   /* FT before STARTED */
      "2\n0\na\nb\nSTARTED 0 1\nSTARTED 0 1\n", /* started twice */
      "1\n0\na\nSTARTED 0 1\nCOV 1 2\n",     /* COV of a file not started */
      "1\n0\na\nSTARTED 0 1\nSTARTED 1 1\n", /* more files started than listed */
      "1\n0\na\nSTARTED 0 x\n",              /* size not a number */
      "1\n0\na\nDONE 0\n",                   /* unknown line */
      "1\n0\na\nSTARTED 0 1\nFT 0 4294967296\n", /* a feature wider than 32 bits */
      "1\n0\na\nSTARTED 0 1\nFT 0 3 x\n",   /* a feature not a number */
      "1\n0\na\nSTARTED 0 1\nFT 0 3\nCOV 0 3 -1\n", /* a PC not a number */
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    struct cfuzz_merge_control m;
    bool ok = parse(bad[i], true, &m);
    if (ok)
      fprintf(stderr, "accepted: %s\n", bad[i]);
    CHECK(!ok);
    cfuzz_merge_files_free(&m.files);
  }
}

/* The list is recursive, skips dot files, and is sorted by size then name;
 * the written control file lists the first directory first, leaves out
 * known files, and reads back. */
static void test_list_write_read(void) {
  char *dir = check_temp_dir("merge-control");
  char sub[4200], out[4200], path[4200];
  snprintf(out, sizeof out, "%s/out", dir);
  snprintf(sub, sizeof sub, "%s/in", dir);
  mkdir(out, 0700);
  mkdir(sub, 0700);
  check_write_file(out, "kept", "xyz");
  check_write_file(sub, "bb", "12");
  check_write_file(sub, "aa", "34");
  check_write_file(sub, "big", "123456");
  check_write_file(sub, ".tmp", "1");
  snprintf(path, sizeof path, "%s/in/deeper", dir);
  mkdir(path, 0700);
  check_write_file(path, "one", "1");

  struct cfuzz_merge_files old = {0}, new = {0}, known = {0};
  cfuzz_merge_files_list_dir(&old, out);
  cfuzz_merge_files_list_dir(&new, sub);
  CHECK(old.n == 1 && new.n == 4);
  if (new.n == 4) {
    CHECK(strstr(new.v[0].name, "/in/deeper/one") && new.v[0].size == 1);
    CHECK(strstr(new.v[1].name, "/in/aa") && strstr(new.v[2].name, "/in/bb"));
    CHECK(strstr(new.v[3].name, "/in/big") && new.v[3].size == 6);
  }
  /* Known names out of order, one of them listed nowhere. */
  const char *known_names[] = {"in/big", "gone", "in/bb"};
  for (size_t i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, known_names[i]);
    cfuzz_merge_files_push(&known, strdup(path), 2);
  }

  snprintf(path, sizeof path, "%s/control", dir);
  CHECK(cfuzz_merge_control_write(path, &old, &new, &known) == 3);
  struct cfuzz_merge_control m;
  size_t bytes = 0;
  CHECK(cfuzz_merge_control_read(path, true, &m, &bytes));
  CHECK(bytes > 0 && m.files.n == 3 && m.n_first == 1 && m.first_unprocessed == 0);
  if (m.files.n == 3) {
    CHECK(strstr(m.files.v[0].name, "/out/kept"));
    CHECK(strstr(m.files.v[1].name, "/in/deeper/one") && strstr(m.files.v[2].name, "/in/aa"));
  }
  cfuzz_merge_files_free(&m.files);
  snprintf(path, sizeof path, "%s/missing", dir);
  CHECK(!cfuzz_merge_control_read(path, true, &m, NULL) && m.files.n == 0);

  cfuzz_merge_files_free(&old);
  cfuzz_merge_files_free(&new);
  cfuzz_merge_files_free(&known);
  CHECK(old.v == NULL && old.n == 0);
  check_temp_dir_done(dir);
}

int main(void) {
  test_parse_progress();
  test_parse_rejects();
  test_list_write_read();
  return check_finish("merge_control");
}
