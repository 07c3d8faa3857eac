/* covfile_check FILE: validates a cfuzz coverage file (<workdir>/v/<id>) the
 * way an outside reader would, from the layout documented in
 * runtime/coverage_file.h, and prints its counters:
 *   pc_count=N seen=N total_runs=N unique_runs=N
 * Exits 1 with one line saying what is wrong otherwise. Deliberately not
 * sharing code with the runtime, so that a layout change there is noticed.
 *
 * Layout: 64-byte header {magic "CFUZZCOV", u32 version = 1, u32 header_size
 * = 64, u64 pc_count, u64 total_runs, u64 unique_runs, u64 coverage_id,
 * u64 reserved[2] = 0}, then u64 seen[ceil(pc_count / 64)], then
 * u64 pc_offsets[pc_count]. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bad(const char *path, const char *what) {
  fprintf(stderr, "covfile_check: %s: %s\n", path, what);
  return 1;
}

static uint64_t load64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, sizeof v);
  return v;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: covfile_check FILE\n");
    return 2;
  }
  const char *path = argv[1];
  FILE *f = fopen(path, "rb");
  if (!f)
    return bad(path, "cannot open");
  if (fseek(f, 0, SEEK_END) != 0)
    return bad(path, "cannot seek");
  long size = ftell(f);
  rewind(f);
  if (size < 64)
    return bad(path, "shorter than the 64-byte header");
  unsigned char *buf = malloc((size_t)size);
  if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size)
    return bad(path, "cannot read");
  fclose(f);

  uint32_t version, header_size;
  memcpy(&version, buf + 8, 4);
  memcpy(&header_size, buf + 12, 4);
  uint64_t pc_count = load64(buf + 16), total_runs = load64(buf + 24),
           unique_runs = load64(buf + 32);
  if (memcmp(buf, "CFUZZCOV", 8) != 0)
    return bad(path, "bad magic");
  if (version != 1 || header_size != 64)
    return bad(path, "unexpected version or header size");
  if (load64(buf + 48) != 0 || load64(buf + 56) != 0)
    return bad(path, "reserved header words are not zero");
  if (pc_count == 0 || pc_count > (uint64_t)size)
    return bad(path, "implausible pc_count");
  uint64_t n_words = (pc_count + 63) / 64;
  if ((uint64_t)size != 64 + 8 * n_words + 8 * pc_count)
    return bad(path, "size does not match pc_count");
  if (unique_runs > total_runs)
    return bad(path, "more unique runs than runs");

  uint64_t seen = 0;
  for (uint64_t w = 0; w < n_words; w++) {
    uint64_t bits = load64(buf + 64 + 8 * w);
    if (w == n_words - 1 && pc_count % 64 != 0 && (bits >> (pc_count % 64)) != 0)
      return bad(path, "seen bits set beyond pc_count");
    seen += (uint64_t)__builtin_popcountll(bits);
  }
  printf("pc_count=%" PRIu64 " seen=%" PRIu64 " total_runs=%" PRIu64 " unique_runs=%" PRIu64 "\n",
         pc_count, seen, total_runs, unique_runs);
  free(buf);
  return 0;
}
