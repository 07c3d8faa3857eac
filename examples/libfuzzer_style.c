/* A libFuzzer-style harness (LLVMFuzzerTestOneInput) over a tiny parser of
 * length-prefixed records, with one planted bug. Built with cfuzz it links
 * libcfuzz's main; the same file builds unchanged with clang -fsanitize=fuzzer.
 *
 * Input format:
 *   "RC" version:u8  then records  type:u8 len:u8 payload[len]
 *   'N' name     payload copied as the table's name (at most 15 bytes)
 *   'T' table    payload[0] = number of slots in use (0..8)
 *   'S' set      payload[0] = slot index, payload[1] = value
 *
 * PLANTED BUG: version 2's 'S' bounds check is off by one, so
 * "RC\x02" "S\x02\x08?" writes one slot past the end of the table.
 * slot_write() stands in for AddressSanitizer and traps on that write, so the
 * bug shows as a crash in every build. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { TABLE_SLOTS = 8, NAME_MAX_LEN = 15 };

struct table {
  char name[NAME_MAX_LEN + 1];
  uint8_t count;
  uint8_t slots[TABLE_SLOTS];
};

/* A bounds-checked store: what a sanitizer would report, made deterministic. */
static void slot_write(struct table *t, size_t index, uint8_t value) {
  if (index >= TABLE_SLOTS)
    __builtin_trap();
  t->slots[index] = value;
}

static int apply_record(struct table *t, int version, uint8_t type, const uint8_t *p,
                        size_t len) {
  switch (type) {
  case 'N':
    if (len > NAME_MAX_LEN)
      return -1;
    memcpy(t->name, p, len);
    t->name[len] = '\0';
    return 0;
  case 'T':
    if (len != 1 || p[0] > TABLE_SLOTS)
      return -1;
    t->count = p[0];
    return 0;
  case 'S':
    if (len != 2)
      return -1;
    if (version == 1) {
      if (p[0] >= t->count)
        return -1; /* version 1 only overwrites slots in use */
      slot_write(t, p[0], p[1]);
      return 0;
    }
    /* Version 2 may set any slot and grows the table to cover it; the check
     * should be >=, so index TABLE_SLOTS gets through: the planted bug. */
    if (p[0] > TABLE_SLOTS)
      return -1;
    slot_write(t, p[0], p[1]);
    if (p[0] >= t->count)
      t->count = (uint8_t)(p[0] + 1);
    return 0;
  default:
    return -1; /* unknown record types end the parse, as a strict reader would */
  }
}

static int parse(const uint8_t *data, size_t size, struct table *t) {
  if (size < 3 || data[0] != 'R' || data[1] != 'C')
    return -1;
  int version = data[2];
  if (version < 1 || version > 2)
    return -1;
  size_t pos = 3;
  while (size - pos >= 2) {
    uint8_t type = data[pos], len = data[pos + 1];
    pos += 2;
    if (len > size - pos)
      return -1; /* the record claims more bytes than remain */
    if (apply_record(t, version, type, data + pos, len) != 0)
      return -1;
    pos += len;
  }
  return pos == size ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct table t;
  memset(&t, 0, sizeof t);
  (void)parse(data, size, &t);
  return 0;
}
