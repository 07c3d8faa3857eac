/* Unit tests: coverage_file.c (create, reopen, mismatch, corrupt, symlink,
 * module table, the read-only reader), modules.c (module description from
 * the program headers), campaign.c, and run_coverage.c (counter scan, shared
 * merge, "fresh"). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "campaign.h"
#include "check.h"
#include "temp_dir.h"
#include "coverage_file.h"
#include "modules.h"
#include "run_coverage.h"
#include "util.h"

static const uint64_t offsets[5] = {0x10, 0x20, 0x30, 0x44, 0x58};
/* Two modules: PCs 0-2 and 3-4. */
static const struct cfuzz_coverage_module two_modules[2] = {
    {.first_pc = 0, .pc_count = 3, .link_base = 0, .path = "/bin/prog", .build_id_len = 4,
     .build_id = {0xde, 0xad, 0xbe, 0xef}},
    {.first_pc = 3, .pc_count = 2, .link_base = 0x1000, .path = "/lib/libx.so"},
};

static struct cfuzz_coverage_layout layout_of(uint64_t id, const uint64_t *offs, size_t n,
                                              const struct cfuzz_coverage_module *mods, size_t n_mods) {
  return (struct cfuzz_coverage_layout){
      .coverage_id = id, .pc_offsets = offs, .pc_count = n, .modules = mods, .module_count = n_mods};
}

static void file_path(char *path, size_t len, const char *dir, unsigned id) {
  snprintf(path, len, "%s/%016x", dir, id);
}

static void test_create_and_reopen(const char *dir) {
  struct cfuzz_coverage_file a, b;
  char err[4200] = "";
  struct cfuzz_coverage_layout l = layout_of(0x1234, offsets, 5, two_modules, 2);
  CHECK(cfuzz_coverage_file_open(&a, dir, &l, err, sizeof err) == 0);
  CHECK(memcmp(a.header->magic, "CFUZZCOV", 8) == 0);
  CHECK(a.header->version == 2 && a.header->header_size == 128);
  CHECK(a.header->pc_count == 5 && a.header->coverage_id == 0x1234);
  CHECK(a.header->module_count == 2);
  /* 2 entries of 72 bytes, "/bin/prog\0/lib/libx.so\0" = 23, padded to 8. */
  CHECK(a.header->module_table_size == 144 + 24);
  CHECK(a.n_words == 1 && a.seen[0] == 0);
  char path[4200];
  file_path(path, sizeof path, dir, 0x1234);
  struct stat st;
  CHECK(stat(path, &st) == 0 && (size_t)st.st_size == 128 + 8 + 40 + 168);
  CHECK((st.st_mode & 0777) == 0600);
  /* A second process (here: a second mapping) sees the same bits. */
  a.seen[0] = 0x5;
  a.header->total_runs = 7;
  CHECK(cfuzz_coverage_file_open(&b, dir, &l, err, sizeof err) == 0);
  CHECK(b.seen[0] == 0x5 && b.header->total_runs == 7);
  CHECK(cfuzz_coverage_file_count_seen(&b) == 2);
  cfuzz_coverage_file_close(&b);
  /* The same build run from another path joins the file. */
  struct cfuzz_coverage_module moved[2];
  memcpy(moved, two_modules, sizeof moved);
  moved[0].path = "/elsewhere/a/much/longer/path/to/prog";
  struct cfuzz_coverage_layout lm = layout_of(0x1234, offsets, 5, moved, 2);
  CHECK(cfuzz_coverage_file_open(&b, dir, &lm, err, sizeof err) == 0);
  cfuzz_coverage_file_close(&b);
  /* A rebuild that moved no PC (another build ID, same offsets) joins too,
   * and the file then names the new build for readers. */
  moved[0].build_id[0] = 0x11;
  moved[1].link_base = 0x2000;
  CHECK(cfuzz_coverage_file_open(&b, dir, &lm, err, sizeof err) == 0);
  cfuzz_coverage_file_close(&b);
  struct cfuzz_coverage_reader r;
  CHECK(cfuzz_coverage_reader_open(&r, path, err, sizeof err) == 0);
  CHECK(r.module_count == 2 && r.modules[0].build_id[0] == 0x11 && r.modules[0].build_id[1] == 0xad);
  CHECK(r.modules[1].link_base == 0x2000 && strcmp(r.modules[0].path, "/bin/prog") == 0);
  cfuzz_coverage_reader_close(&r);
  /* PCs divided differently among the modules: refused. */
  moved[0].pc_count = 2;
  moved[1].first_pc = 2;
  moved[1].pc_count = 3;
  CHECK(cfuzz_coverage_file_open(&b, dir, &lm, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "divides its PCs among modules differently");
  cfuzz_coverage_file_close(&a);
}

static void test_reader(const char *dir) {
  struct cfuzz_coverage_file w;
  struct cfuzz_coverage_reader r;
  char err[4200] = "", path[4200];
  struct cfuzz_coverage_layout l = layout_of(0x4321, offsets, 5, two_modules, 2);
  CHECK(cfuzz_coverage_file_open(&w, dir, &l, err, sizeof err) == 0);
  file_path(path, sizeof path, dir, 0x4321);
  CHECK(cfuzz_coverage_reader_open(&r, path, err, sizeof err) == 0);
  CHECK(r.header.pc_count == 5 && r.module_count == 2 && r.n_words == 1);
  CHECK(r.pc_offsets[3] == 0x44);
  CHECK(strcmp(r.modules[0].path, "/bin/prog") == 0 && strcmp(r.modules[1].path, "/lib/libx.so") == 0);
  CHECK(r.modules[0].build_id_len == 4 && r.modules[0].build_id[3] == 0xef);
  CHECK(r.modules[1].first_pc == 3 && r.modules[1].pc_count == 2 && r.modules[1].link_base == 0x1000);
  CHECK(cfuzz_coverage_reader_count_seen(&r) == 0);
  /* The writer keeps going; a refresh sees it. */
  __atomic_fetch_or(&w.seen[0], 0x12, __ATOMIC_RELAXED);
  __atomic_fetch_add(&w.header->total_runs, 3, __ATOMIC_RELAXED);
  CHECK(cfuzz_coverage_reader_refresh(&r, err, sizeof err) == 0);
  CHECK(r.header.total_runs == 3 && cfuzz_coverage_reader_count_seen(&r) == 2);
  CHECK(cfuzz_coverage_reader_seen(&r, 1) && cfuzz_coverage_reader_seen(&r, 4));
  CHECK(!cfuzz_coverage_reader_seen(&r, 0) && !cfuzz_coverage_reader_seen(&r, 5));
  /* Bits past pc_count are not counted. */
  __atomic_fetch_or(&w.seen[0], 1ull << 40, __ATOMIC_RELAXED);
  CHECK(cfuzz_coverage_reader_refresh(&r, err, sizeof err) == 0 && cfuzz_coverage_reader_count_seen(&r) == 2);
  /* A truncated file: the refresh says so and keeps the last snapshot. */
  CHECK(truncate(path, 100) == 0);
  CHECK(cfuzz_coverage_reader_refresh(&r, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "changed shape");
  CHECK(cfuzz_coverage_reader_count_seen(&r) == 2);
  cfuzz_coverage_reader_close(&r);
  cfuzz_coverage_file_close(&w);
  CHECK(cfuzz_coverage_reader_open(&r, path, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "shorter than its header");
  char missing[4300];
  snprintf(missing, sizeof missing, "%s/nothing-here", dir);
  CHECK(cfuzz_coverage_reader_open(&r, missing, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "cannot open coverage file");
}

/* Overwrites len bytes at `at` of a fresh file, then expects the reader to
 * refuse it with `want` in the message. */
static void expect_reader_refuses(const char *dir, unsigned id, const void *bytes, size_t len, off_t at,
                                  const char *want) {
  struct cfuzz_coverage_file w;
  char err[4200] = "", path[4200];
  struct cfuzz_coverage_layout l = layout_of(id, offsets, 5, two_modules, 2);
  CHECK(cfuzz_coverage_file_open(&w, dir, &l, err, sizeof err) == 0);
  cfuzz_coverage_file_close(&w);
  file_path(path, sizeof path, dir, id);
  int fd = open(path, O_WRONLY);
  CHECK(fd >= 0 && pwrite(fd, bytes, len, at) == (ssize_t)len);
  close(fd);
  struct cfuzz_coverage_reader r;
  CHECK(cfuzz_coverage_reader_open(&r, path, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, want);
  /* A fuzzer joining the damaged file refuses it too. */
  CHECK(cfuzz_coverage_file_open(&w, dir, &l, err, sizeof err) != 0);
}

static void test_reader_damage(const char *dir) {
  uint32_t v1[2] = {1, 64};
  expect_reader_refuses(dir, 0x501, v1, 8, 8, "format version 1 (header 64 bytes), from an older cfuzz");
  uint64_t huge = UINT64_MAX;
  expect_reader_refuses(dir, 0x502, &huge, 8, 16, "implausible header");
  uint64_t more_pcs = 6;
  expect_reader_refuses(dir, 0x503, &more_pcs, 8, 16, "its header says");
  uint64_t modules = 3;
  expect_reader_refuses(dir, 0x504, &modules, 8, 48, "implausible header");
  /* Module table at 128 + 8 + 40 = 176; entry 1's first_pc at 176 + 72. */
  uint64_t gap = 4;
  expect_reader_refuses(dir, 0x505, &gap, 8, 176 + 72, "module 1 has a bad PC range");
  uint32_t path_offset = 1000;
  expect_reader_refuses(dir, 0x506, &path_offset, 4, 176 + 24, "module 0 has a bad path");
  char no_nul = 'x';
  expect_reader_refuses(dir, 0x507, &no_nul, 1, 176 + 144 + 9, "module 0 has a bad path");
  uint32_t id_len = 33;
  expect_reader_refuses(dir, 0x508, &id_len, 4, 176 + 72 + 32, "module 1 has a bad build ID length");
}

static void test_mismatches(const char *dir) {
  struct cfuzz_coverage_file cf;
  char err[4200] = "";
  uint64_t other[5] = {0x10, 0x20, 0x30, 0x44, 0x60};
  struct cfuzz_coverage_module one = {.pc_count = 5, .path = "p"}, four = {.pc_count = 4, .path = "p"};
  struct cfuzz_coverage_layout l = layout_of(0x99, offsets, 5, &one, 1);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l, err, sizeof err) == 0);
  cfuzz_coverage_file_close(&cf);
  /* Same id, different PC count. */
  struct cfuzz_coverage_layout l4 = layout_of(0x99, offsets, 4, &four, 1);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l4, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "different build");
  /* Same id and count, different offsets (a hash collision or a foreign file). */
  struct cfuzz_coverage_layout lo = layout_of(0x99, other, 5, &one, 1);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &lo, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "different PC offsets");

  char path[4200];
  file_path(path, sizeof path, dir, 0x99);
  /* Wrong magic. */
  int fd = open(path, O_WRONLY);
  CHECK(fd >= 0 && pwrite(fd, "NOTCFUZZ", 8, 0) == 8);
  close(fd);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "bad magic");
  /* Newer format version. */
  fd = open(path, O_WRONLY);
  uint32_t version = 3;
  CHECK(fd >= 0 && pwrite(fd, "CFUZZCOV", 8, 0) == 8 && pwrite(fd, &version, 4, 8) == 4);
  close(fd);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "format version 3");
  /* Truncated. */
  CHECK(truncate(path, 40) == 0);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "has 40 bytes");
}

static void test_symlink_refused(const char *dir) {
  char target[4200], link_path[4200];
  snprintf(target, sizeof target, "%s/elsewhere", dir);
  file_path(link_path, sizeof link_path, dir, 0x77);
  int fd = open(target, O_CREAT | O_WRONLY, 0600);
  close(fd);
  CHECK(symlink(target, link_path) == 0);
  struct cfuzz_coverage_file cf;
  char err[4200] = "";
  struct cfuzz_coverage_layout l = layout_of(0x77, offsets, 5, two_modules, 2);
  CHECK(cfuzz_coverage_file_open(&cf, dir, &l, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "symbolic link");
  struct stat st;
  CHECK(stat(target, &st) == 0 && st.st_size == 0); /* untouched */
  struct cfuzz_coverage_reader r;
  CHECK(cfuzz_coverage_reader_open(&r, link_path, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "symbolic link");
}

/* This test program is a module too: its description comes from the program
 * headers in memory. */
static void test_describe_self(void) {
  struct cfuzz_coverage_module m;
  CHECK(cfuzz_module_describe((uintptr_t)&test_describe_self, &m) == 0);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  CHECK(n > 0);
  exe[n > 0 ? n : 0] = 0;
  CHECK(strcmp(m.path, exe) == 0);
  /* clang and the Debian linkers emit a 20-byte SHA-1 build ID by default;
   * compare with what readelf-independent parsing of the file gives: the
   * same bytes must appear in the executable. */
  CHECK(m.build_id_len == 20);
  uint8_t *data;
  size_t len;
  CHECK(cfuzz_read_file(exe, 1u << 30, &data, &len) == 0);
  CHECK(memmem(data, len, m.build_id, m.build_id_len) != NULL);
  free(data);
  free((char *)m.path);
  CHECK(cfuzz_module_describe(0, &m) != 0 && m.path[0] == 0);
  free((char *)m.path);
}

static void test_campaign_record(const char *dir) {
  char work[4200], path[4300], err[4200] = "";
  snprintf(work, sizeof work, "%s/campaign-work", dir);
  CHECK(mkdir(work, 0700) == 0);
  struct cfuzz_campaign c = {.coverage_id = 0xabc, .corpus_dir = "corp", .artifact_prefix = "crashes/x-"};
  CHECK(cfuzz_campaign_write(work, &c, err, sizeof err) == 0);
  snprintf(path, sizeof path, "%s/campaign/0000000000000abc", work);
  uint8_t *data;
  size_t len;
  CHECK(cfuzz_read_file(path, 1 << 20, &data, &len) == 0);
  char *text = calloc(1, len + 1);
  memcpy(text, data, len);
  CHECK(strncmp(text, "cfuzz-campaign 1\ncoverage_id=0000000000000abc\n", 46) == 0);
  CHECK_STR_CONTAINS(text, "\ncorpus=corp\n");
  CHECK_STR_CONTAINS(text, "\nartifact_prefix=crashes/x-\n");
  CHECK_STR_CONTAINS(text, "\ncwd=/");
  CHECK_STR_CONTAINS(text, "\nbinary=/");
  CHECK(strstr(text, "crash_dir=") == NULL);
  free(text);
  free(data);
  /* A newline in a value would forge a key: the value is left out. */
  c.corpus_dir = "a\nbinary=/evil";
  CHECK(cfuzz_campaign_write(work, &c, err, sizeof err) == 0);
  CHECK(cfuzz_read_file(path, 1 << 20, &data, &len) == 0);
  CHECK(memmem(data, len, "/evil", 5) == NULL);
  free(data);
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
  test_reader(dir);
  test_reader_damage(dir);
  test_mismatches(dir);
  test_symlink_refused(dir);
  test_describe_self();
  test_campaign_record(dir);
  test_scan_and_merge();
  check_temp_dir_done(dir);
  return check_finish("coverage_file");
}
