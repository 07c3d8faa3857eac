/* Unit tests: input_file.c (header and length before a run, growth by
 * remapping, recovery from the file, refusing a symlink). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "temp_dir.h"
#include "input_file.h"

int main(void) {
  char *dir = check_temp_dir("input");
  char path[4200], err[4200] = "";
  snprintf(path, sizeof path, "%s/in", dir);
  struct cfuzz_input_file f;
  CHECK(cfuzz_input_file_create(&f, path, 100, err, sizeof err) == 0);
  CHECK(f.capacity >= 100);
  CHECK(memcmp((const void *)f.header->magic, "CFZINPUT", 8) == 0);
  CHECK(f.header->header_size == 64 && f.header->version == 2);
  CHECK(cfuzz_input_file_length(&f) == 0);

  /* The bytes and the length are in the file as soon as they are stored. */
  memcpy(f.data, "hello", 5);
  cfuzz_input_file_set_length(&f, 5);
  uint8_t *data;
  size_t len;
  CHECK(cfuzz_input_file_recover(path, &data, &len, NULL, err, sizeof err) == 0);
  CHECK(len == 5 && memcmp(data, "hello", 5) == 0);
  free(data);

  /* Growth keeps the length and the bytes. */
  size_t old_capacity = f.capacity;
  CHECK(cfuzz_input_file_reserve(&f, old_capacity, err, sizeof err) == 0 && f.capacity == old_capacity);
  CHECK(cfuzz_input_file_reserve(&f, old_capacity + 1, err, sizeof err) == 0);
  CHECK(f.capacity > old_capacity);
  CHECK(f.header->capacity == f.capacity);
  CHECK(cfuzz_input_file_length(&f) == 5 && memcmp(f.data, "hello", 5) == 0);
  memset(f.data, 'x', f.capacity);
  cfuzz_input_file_set_length(&f, f.capacity);
  CHECK(cfuzz_input_file_recover(path, &data, &len, NULL, err, sizeof err) == 0);
  CHECK(len == f.capacity && data[len - 1] == 'x');
  free(data);
  struct stat st;
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
  cfuzz_input_file_close(&f);

  /* A length beyond the file is a damaged header, not an out-of-bounds read. */
  int fd = open(path, O_WRONLY);
  uint64_t huge = 1ull << 40;
  CHECK(fd >= 0 && pwrite(fd, &huge, 8, 16) == 8);
  close(fd);
  CHECK(cfuzz_input_file_recover(path, &data, &len, NULL, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "bad header");
  CHECK(truncate(path, 10) == 0);
  CHECK(cfuzz_input_file_recover(path, &data, &len, NULL, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "truncated");

  /* Never follow a planted symlink. */
  char link_path[4200];
  snprintf(link_path, sizeof link_path, "%s/link", dir);
  CHECK(symlink(path, link_path) == 0);
  CHECK(cfuzz_input_file_create(&f, link_path, 100, err, sizeof err) != 0);
  CHECK_STR_CONTAINS(err, "symbolic link");
  check_temp_dir_done(dir);
  return check_finish("input_file");
}
