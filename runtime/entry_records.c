/* entry_records.c - -features_dir and -mutation_graph_file (see
 * entry_records.h). */
#include "entry_records.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

static void warn_once(bool *warned, const char *what, const char *path) {
  if (*warned)
    return;
  *warned = true;
  cfuzz_warn("cannot write %s '%s': %s", what, path, strerror(errno));
}

void cfuzz_entry_records_features(struct cfuzz_entry_records *r, const char sha1[CFUZZ_SHA1_HEX_LEN + 1],
                                  const uint32_t *features, size_t n) {
  static bool warned;
  if (!r->features_dir)
    return;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", r->features_dir, sha1);
  FILE *out = fopen(path, "wb");
  if (!out || fwrite(features, sizeof *features, n, out) != n) {
    warn_once(&warned, "feature file", path);
    if (out)
      fclose(out);
    return;
  }
  if (fclose(out) != 0)
    warn_once(&warned, "feature file", path);
}

void cfuzz_entry_records_edge(struct cfuzz_entry_records *r, const char *parent_sha1,
                              const char sha1[CFUZZ_SHA1_HEX_LEN + 1], const char *label) {
  static bool warned;
  if (!r->graph_file)
    return;
  FILE *out = fopen(r->graph_file, "a");
  if (!out) {
    warn_once(&warned, "mutation graph", r->graph_file);
    return;
  }
  fprintf(out, "\"%s\"\n", sha1);
  if (parent_sha1) {
    fprintf(out, "\"%s\" -> \"%s\" [label=\"", parent_sha1, sha1);
    for (const char *c = label; *c; c++) {
      if (*c == '"' || *c == '\\')
        fputc('\\', out);
      fputc(*c, out);
    }
    fputs("\"];\n", out);
  }
  if (fclose(out) != 0)
    warn_once(&warned, "mutation graph", r->graph_file);
}
