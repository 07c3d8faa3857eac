/* workdir.h - what cfuzz-view knows about a campaign's work directory: which
 * coverage file to read, the campaign record (corpus and reproducer
 * directories, see runtime/campaign.h) and listings of those directories.
 * Nothing here trusts the files: names from directories are checked before
 * they are used, and files are opened without following symlinks. */
#ifndef CFUZZ_VIEW_WORKDIR_H
#define CFUZZ_VIEW_WORKDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct view_campaign {
  char *corpus_dir;      /* absolute, or NULL */
  char *artifact_dir;    /* absolute, or NULL */
  char *artifact_prefix; /* file-name part of -artifact_prefix, "" if none */
  char *crash_dir;       /* absolute, or NULL (native tests' kept reproducers) */
  char *binary;          /* as recorded, or NULL */
  int64_t start_time;    /* Unix seconds, 0 if unknown */
};

/* Picks the coverage file under <workdir>/v: the one whose first module has
 * build ID want_id (when want_len > 0 and one has), else the most recently
 * modified. Returns a malloc'd path, or NULL with a reason in err. */
char *view_find_coverage_file(const char *workdir, const uint8_t *want_id, size_t want_len, char *err,
                              size_t err_len);

/* Reads <workdir>/campaign/<id>. Returns 0, or -1 (c is then all NULL: the
 * page lists no inputs, and says why). */
int view_read_campaign(const char *workdir, uint64_t coverage_id, struct view_campaign *c, char *err,
                       size_t err_len);
void view_campaign_free(struct view_campaign *c);

enum view_input_kind { VIEW_CORPUS, VIEW_REPRODUCER };

struct view_input {
  char name[256];
  uint64_t size;
  int64_t mtime; /* Unix seconds */
};

struct view_inputs {
  struct view_input *items; /* newest first, at most the limit given */
  size_t n, total;          /* listed, and found in all */
  uint64_t total_bytes;
};

/* Lists the corpus or the crash reproducers (artifact files named
 * <prefix>crash-..., leak-, timeout-, oom-, slow-unit-, and the files in
 * crash_dir). Missing directories list nothing. */
void view_list_inputs(const struct view_campaign *c, enum view_input_kind kind, size_t limit,
                      struct view_inputs *out);
void view_inputs_free(struct view_inputs *in);

/* Opens a campaign file for download: name must be a plain file name that
 * the listing of that kind would show; symlinks and anything but regular
 * files are refused. Returns an fd and its size, or -1. */
int view_open_input(const struct view_campaign *c, enum view_input_kind kind, const char *name, uint64_t *size);

/* Whether name is a plain file name: not empty, no '/', no leading '.', no
 * control characters, shorter than 256 bytes. */
bool view_plain_name(const char *name);

#endif
