/* Unit tests: coverage_file.c (create, reopen, mismatch, corrupt, symlink)
 * and run_coverage.c (counter scan, shared merge, "fresh"). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "coverage_file.h"
#include "modules.h"
#include "run_coverage.h"

static const uint64_t offsets[5] = {0x10, 0x20, 0x30, 0x44, 0x58};

static void test_create_and_reopen(const char *dir) {
  struct cfuzz_coverage_file a, b;
  char err[4200] = "";
  CHECK(cfuzz_coverage_file_open(&a, dir, 0x1234, offsets, 5, err, sizeof err) == 0);
  CHECK(memcmp(a.header->magic, "CFUZZCOV", 8) == 0);
  CHECK(a.header->version == 1 && a.header->header_size == 64);
  CHECK(a.header->pc_count == 5 && a.header->coverage_id == 0x1234);
  CHECK(a.n_words == 1 && a.seen[0] == 0);
  char path[4200];
  snprintf(path, sizeof path, "%s/%016x", dir, 0x1234);
  struct stat st;
  CHECK(stat(path, &st) == 0 && (size_t)st.st_size == cfuzz_coverage_file_size(5));
  CHECK((st.st_mode & 0777) == 0600);
  /* A second process (here: a second mapping) sees the same bits. */
  a.seen[0] = 0x5;
  a.header->total_runs = 7;
  CHECK(cfuzz_coverage_file_open(&b, dir, 0x1234, offsets, 5, err, sizeof err) == 0);
  CHECK(b.seen[0] == 0x5 && b.header->total_runs == 7);
  CHECK(cfuzz_coverage_file_count_seen(&b) == 2);
  cfuzz_coverage_file_close(&a);
  cfuzz_coverage_file_close(&b);
}

static void test_mismatches(const char *dir) {
  struct cfuzz_coverage_file cf;
  char err[4200] = "";
  uint64_t other[5] = {0x10, 0x20, 0x30, 0x44, 0x60};
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, offsets, 5, err, sizeof err) == 0);
  cfuzz_coverage_file_close(&cf);
  /* Same id, different PC count: the size does not match. */
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, offsets, 4, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "expected");
  /* Same id and count, different offsets (a hash collision or a foreign file). */
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, other, 5, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "different PC offsets");

  char path[4200];
  snprintf(path, sizeof path, "%s/%016x", dir, 0x99);
  /* Wrong magic. */
  int fd = open(path, O_WRONLY);
  CHECK(fd >= 0 && pwrite(fd, "NOTCFUZZ", 8, 0) == 8);
  close(fd);
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, offsets, 5, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "bad magic");
  /* Newer format version. */
  fd = open(path, O_WRONLY);
  uint32_t version = 2;
  CHECK(fd >= 0 && pwrite(fd, "CFUZZCOV", 8, 0) == 8 && pwrite(fd, &version, 4, 8) == 4);
  close(fd);
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, offsets, 5, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "format version 2");
  /* Truncated. */
  CHECK(truncate(path, 40) == 0);
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x99, offsets, 5, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "has 40 bytes");
}

static void test_symlink_refused(const char *dir) {
  char target[4200], link_path[4200];
  snprintf(target, sizeof target, "%s/elsewhere", dir);
  snprintf(link_path, sizeof link_path, "%s/%016x", dir, 0x77);
  int fd = open(target, O_CREAT | O_WRONLY, 0600);
  close(fd);
  CHECK(symlink(target, link_path) == 0);
  struct cfuzz_coverage_file cf;
  char err[4200] = "";
  CHECK(cfuzz_coverage_file_open(&cf, dir, 0x77, offsets, 5, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "symbolic link");
  struct stat st;
  CHECK(stat(target, &st) == 0 && st.st_size == 0); /* untouched */
}

static void test_scan_and_merge(void) {
  /* Two modules numbered back to back: 70 + 100 counters, so the second
   * starts mid-word (PC 70). */
  static uint8_t counters_a[70], counters_b[100];
  struct cfuzz_instrumentation *instr = calloc(1, sizeof *instr);
  instr->n_modules = 2;
  instr->modules[0] = (struct cfuzz_module){.counters = counters_a, .n_counters = 70};
  instr->modules[1] = (struct cfuzz_module){.counters = counters_b, .n_counters = 100};
  struct cfuzz_modules m = {.n_pcs = 170, .n_words = 3};
  m.first_pc[0] = 0;
  m.first_pc[1] = 70;
  uint64_t run[3], shared[3] = {0, 0, 0};
  counters_a[0] = 1;
  counters_a[69] = 200;
  counters_b[0] = 3;   /* PC 70 */
  counters_b[63] = 1;  /* PC 133, crossing into word 2 through the shift */
  counters_b[99] = 9;  /* PC 169, in the scalar tail */
  cfuzz_collect_run_bits(instr, &m, run);
  CHECK(run[0] == 1ull);
  CHECK(run[1] == (1ull << 5 | 1ull << 6));
  CHECK(run[2] == (1ull << 5 | 1ull << 41));
  CHECK(cfuzz_bits_count(run, 3) == 5);
  /* The scan zeroes the counters for the next run. */
  CHECK(counters_a[0] == 0 && counters_a[69] == 0 && counters_b[63] == 0 && counters_b[99] == 0);
  CHECK(cfuzz_merge_run_bits(shared, run, 3) == true);  /* fresh */
  CHECK(cfuzz_merge_run_bits(shared, run, 3) == false); /* seen before */
  CHECK(shared[0] == run[0] && shared[1] == run[1] && shared[2] == run[2]);
  uint64_t sub[3] = {1, 0, 0};
  CHECK(cfuzz_bits_cover(run, sub, 3));
  CHECK(!cfuzz_bits_cover(sub, run, 3));
  free(instr);
}

/* The id names the file: same offsets, same id; any change, another id. */
static void test_coverage_id(void) {
  uint64_t moved[5] = {0x10, 0x20, 0x30, 0x44, 0x59};
  CHECK(cfuzz_coverage_id_of(offsets, 5) == cfuzz_coverage_id_of(offsets, 5));
  CHECK(cfuzz_coverage_id_of(offsets, 5) != cfuzz_coverage_id_of(moved, 5));
  CHECK(cfuzz_coverage_id_of(offsets, 5) != cfuzz_coverage_id_of(offsets, 4));
}

int main(void) {
  char *dir = check_temp_dir("covfile");
  test_coverage_id();
  test_create_and_reopen(dir);
  test_mismatches(dir);
  test_symlink_refused(dir);
  test_scan_and_merge();
  free(dir);
  return check_finish("coverage_file");
}
