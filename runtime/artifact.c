/* artifact.c - reproducer naming, writing and signatures (see artifact.h).
 * cfuzz_artifact_write runs in signal handlers: open, write, close only. */
#define _GNU_SOURCE
#include "artifact.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "sha1.h"
#include "sigsafe_text.h"
#include "util.h"

const char *cfuzz_kind_name(enum cfuzz_artifact_kind kind) {
  switch (kind) {
  case CFUZZ_KIND_CRASH:
    return "crash";
  case CFUZZ_KIND_TIMEOUT:
    return "timeout";
  case CFUZZ_KIND_OOM:
    return "oom";
  case CFUZZ_KIND_LEAK:
    return "leak";
  default:
    return "none";
  }
}

static bool write_file(const char *path, const uint8_t *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return false;
  bool ok = cfuzz_write_all(fd, data, len);
  return close(fd) == 0 && ok;
}

bool cfuzz_artifact_write(const struct cfuzz_artifact_dest *dest, enum cfuzz_artifact_kind kind,
                          const uint8_t *data, size_t len) {
  char hex[CFUZZ_SHA1_HEX_LEN + 1];
  cfuzz_sha1_hex(data, len, hex);
  static struct cfuzz_text path, line; /* static: the alternate stack is small */
  path.len = 0;
  line.len = 0;
  const char *prefix = dest->prefix ? dest->prefix : "./";
  if (dest->exact_path) {
    cfuzz_text_str(&path, dest->exact_path);
  } else {
    cfuzz_text_str(&path, prefix);
    cfuzz_text_str(&path, cfuzz_kind_name(kind));
    cfuzz_text_str(&path, "-");
    cfuzz_text_str(&path, hex);
  }
  bool ok = write_file(cfuzz_text_cstr(&path), data, len);
  cfuzz_text_str(&line, "artifact_prefix='");
  cfuzz_text_str(&line, prefix);
  cfuzz_text_str(&line, ok ? "'; Test unit written to " : "'; ERROR: cannot write test unit to ");
  cfuzz_text_str(&line, cfuzz_text_cstr(&path));
  cfuzz_text_str(&line, "\n");
  cfuzz_text_flush(&line, cfuzz_err_fd());
  if (dest->keep_dir) {
    path.len = 0;
    cfuzz_text_str(&path, dest->keep_dir);
    cfuzz_text_str(&path, "/");
    cfuzz_text_str(&path, cfuzz_kind_name(kind));
    cfuzz_text_str(&path, "-");
    cfuzz_text_str(&path, hex);
    if (!write_file(cfuzz_text_cstr(&path), data, len)) {
      cfuzz_text_str(&line, "WARNING: cfuzz: cannot keep the reproducer in ");
      cfuzz_text_str(&line, dest->keep_dir);
      cfuzz_text_str(&line, "\n");
      cfuzz_text_flush(&line, cfuzz_err_fd());
    }
  }
  return ok;
}

uint64_t cfuzz_signature(enum cfuzz_artifact_kind kind, const uint64_t *words, size_t n) {
  uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)kind;
  for (size_t i = 0; i < n; i++) {
    h ^= words[i];
    h *= 0x100000001b3u;
    h ^= h >> 29;
  }
  return h ? h : 1;
}

bool cfuzz_signature_set_add(struct cfuzz_signature_set *set, uint64_t sig) {
  for (size_t i = 0; i < set->n; i++)
    if (set->sigs[i] == sig)
      return false;
  if (set->n == set->cap) {
    set->cap = set->cap ? set->cap * 2 : 16;
    set->sigs = cfuzz_xrealloc(set->sigs, set->cap * sizeof *set->sigs);
  }
  set->sigs[set->n++] = sig;
  return true;
}

void cfuzz_signature_set_free(struct cfuzz_signature_set *set) {
  free(set->sigs);
  set->sigs = NULL;
  set->n = set->cap = 0;
}
