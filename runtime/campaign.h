/* campaign.h - the campaign record <workdir>/campaign/<id>: where a
 * campaign keeps its files, for cfuzz-view (which cannot know the fuzzer's
 * command line). Plain text, one "key=value" per line after a first line
 * "cfuzz-campaign 1":
 *   coverage_id=<16 hex digits>   the coverage file v/<id> it belongs to
 *   pid=<n>, start_time=<unix seconds>
 *   cwd=<dir>                     relative paths below are relative to it
 *   binary=<path>                 the running executable
 *   corpus=<dir>                  absent when the corpus lives in memory only
 *   artifact_prefix=<prefix>      crash reproducers are <prefix>crash-..., etc.
 *   crash_dir=<dir>               native tests' kept reproducers; may be absent
 * Written once per process at start (atomically: temporary file and rename);
 * every worker of a campaign writes the same paths, so the last one wins.
 * A value with a newline in it is left out. */
#ifndef CFUZZ_CAMPAIGN_H
#define CFUZZ_CAMPAIGN_H

#include <stddef.h>
#include <stdint.h>

struct cfuzz_campaign {
  uint64_t coverage_id;
  const char *corpus_dir;      /* NULL: none */
  const char *artifact_prefix; /* NULL: "./" (libFuzzer's default: the current directory) */
  const char *crash_dir;       /* NULL: none */
};

/* Writes <workdir>/campaign/<id>, creating the directory. Returns 0, or -1
 * with a one-line reason in err (the caller warns: a missing record costs
 * the viewer its file lists, never the fuzzing). */
int cfuzz_campaign_write(const char *workdir, const struct cfuzz_campaign *c, char *err, size_t err_len);

#endif
