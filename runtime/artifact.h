/* artifact.h - crash artifacts: their kinds, names, writing and dedup
 * signatures. Both the in-process crash path (crash.c, possibly in a signal
 * handler) and the supervisor (supervisor.c) use this one module, so a
 * reproducer is named and written the same way however the bug was caught.
 *
 * A reproducer is written as <prefix><kind>-<sha1 of content>, or exactly
 * to -exact_artifact_path, and announced with libFuzzer's line
 *   artifact_prefix='<prefix>'; Test unit written to <path>
 * A signature (kind plus module-relative top stack frames, or the killing
 * signal when no stack is known) identifies "the same bug" for -keep_going
 * and fork mode, which write each distinct signature once. */
#ifndef CFUZZ_ARTIFACT_H
#define CFUZZ_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stored in input files (death records): values are part of the format. */
enum cfuzz_artifact_kind {
  CFUZZ_KIND_NONE = 0,
  CFUZZ_KIND_CRASH = 1,   /* deadly signal, sanitizer report, exit(), failed native test */
  CFUZZ_KIND_TIMEOUT = 2,
  CFUZZ_KIND_OOM = 3,     /* -rss_limit_mb or -malloc_limit_mb */
  CFUZZ_KIND_LEAK = 4,
  CFUZZ_KIND_COUNT
};

/* "crash", "timeout", "oom", "leak"; "none" for anything else. */
const char *cfuzz_kind_name(enum cfuzz_artifact_kind kind);

struct cfuzz_artifact_dest {
  const char *prefix;     /* -artifact_prefix, e.g. "./" or "dir/" */
  const char *exact_path; /* -exact_artifact_path, or NULL */
  const char *keep_dir;   /* native tests: also keep <kind>-<sha1> here; or NULL */
};

/* Writes the reproducer and prints libFuzzer's line (or an error line) on
 * stderr. Async-signal-safe: no stdio, no heap. Returns true if written. */
bool cfuzz_artifact_write(const struct cfuzz_artifact_dest *dest, enum cfuzz_artifact_kind kind,
                          const uint8_t *data, size_t len);

/* Signature of a bug: kind and up to n stack frames (module-relative, see
 * stack_trace.h) or other distinguishing words (a signal number). Never 0. */
uint64_t cfuzz_signature(enum cfuzz_artifact_kind kind, const uint64_t *words, size_t n);

/* The signatures already reported in a run (supervisor side, not signal
 * safe). */
struct cfuzz_signature_set {
  uint64_t *sigs;
  size_t n, cap;
};
/* Adds sig; true if it was not there yet (a new bug). */
bool cfuzz_signature_set_add(struct cfuzz_signature_set *set, uint64_t sig);
void cfuzz_signature_set_free(struct cfuzz_signature_set *set);

#endif
