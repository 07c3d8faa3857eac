/* covfile_check FILE: validates a cfuzz coverage file (<workdir>/v/<id>) the
 * way an outside reader would, from the layout documented in
 * runtime/coverage_file.h, and prints its counters:
 *   pc_count=N seen=N total_runs=N unique_runs=N modules=N
 * and, per module, "module I: first_pc=N pcs=N build_id=HEX path=PATH".
 * Exits 1 with one line saying what is wrong otherwise. Deliberately not
 * sharing code with the runtime, so that a layout change there is noticed.
 *
 * Layout: 128-byte header {magic "CFUZZCOV", u32 version = 2, u32 header_size
 * = 128, u64 pc_count, u64 total_runs, u64 unique_runs, u64 coverage_id,
 * u64 module_count, u64 module_table_size, u64 reserved[8] = 0}, then
 * u64 seen[ceil(pc_count / 64)], then u64 pc_offsets[pc_count], then the
 * module table: module_count 72-byte entries {u64 first_pc, u64 pc_count,
 * u64 link_base, u32 path_offset, u32 path_len, u32 build_id_len, u32 0,
 * u8 build_id[32]} followed by NUL-terminated paths (offsets from the
 * table's start), padded to a multiple of 8. */
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
  if (size < 128)
    return bad(path, "shorter than the 128-byte header");
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
  if (version != 2 || header_size != 128)
    return bad(path, "unexpected version or header size");
  for (int i = 0; i < 8; i++)
    if (load64(buf + 64 + 8 * i) != 0)
      return bad(path, "reserved header words are not zero");
  uint64_t module_count = load64(buf + 48), table_size = load64(buf + 56);
  if (pc_count == 0 || pc_count > (uint64_t)size)
    return bad(path, "implausible pc_count");
  if (module_count == 0 || module_count > 256 || table_size > (uint64_t)size || table_size % 8 != 0 ||
      table_size < 72 * module_count)
    return bad(path, "implausible module table");
  uint64_t n_words = (pc_count + 63) / 64;
  if ((uint64_t)size != 128 + 8 * n_words + 8 * pc_count + table_size)
    return bad(path, "size does not match pc_count and the module table");
  if (unique_runs > total_runs)
    return bad(path, "more unique runs than runs");

  uint64_t seen = 0;
  for (uint64_t w = 0; w < n_words; w++) {
    uint64_t bits = load64(buf + 128 + 8 * w);
    if (w == n_words - 1 && pc_count % 64 != 0 && (bits >> (pc_count % 64)) != 0)
      return bad(path, "seen bits set beyond pc_count");
    seen += (uint64_t)__builtin_popcountll(bits);
  }
  printf("pc_count=%" PRIu64 " seen=%" PRIu64 " total_runs=%" PRIu64 " unique_runs=%" PRIu64
         " modules=%" PRIu64 "\n", pc_count, seen, total_runs, unique_runs, module_count);
  const unsigned char *table = buf + 128 + 8 * n_words + 8 * pc_count;
  uint64_t next_pc = 0;
  for (uint64_t i = 0; i < module_count; i++) {
    const unsigned char *e = table + 72 * i;
    uint64_t first = load64(e), count = load64(e + 8);
    uint32_t path_offset, path_len, id_len;
    memcpy(&path_offset, e + 24, 4);
    memcpy(&path_len, e + 28, 4);
    memcpy(&id_len, e + 32, 4);
    if (first != next_pc || count > pc_count - next_pc)
      return bad(path, "module PC ranges do not tile the PCs");
    if (id_len > 32 || path_offset < 72 * module_count || (uint64_t)path_offset + path_len >= table_size ||
        table[path_offset + path_len] != 0 || strlen((const char *)table + path_offset) != path_len)
      return bad(path, "bad module entry");
    next_pc += count;
    printf("module %" PRIu64 ": first_pc=%" PRIu64 " pcs=%" PRIu64 " build_id=", i, first, count);
    for (uint32_t b = 0; b < id_len; b++)
      printf("%02x", e[40 + b]);
    printf(" path=%s\n", (const char *)table + path_offset);
  }
  if (next_pc != pc_count)
    return bad(path, "modules do not hold every PC");
  free(buf);
  return 0;
}
