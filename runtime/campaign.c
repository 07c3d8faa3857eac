/* campaign.c - write the campaign record (see campaign.h). Start-up only. */
#define _GNU_SOURCE
#include "campaign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static void put(FILE *f, const char *key, const char *value) {
  if (value && !strchr(value, '\n'))
    fprintf(f, "%s=%s\n", key, value);
}

int cfuzz_campaign_write(const char *workdir, const struct cfuzz_campaign *c, char *err, size_t err_len) {
  char *dir = cfuzz_path_join(workdir, "campaign");
  char what[4200] = "";
  int rc = -1;
  char path[4300], tmp[4400];
  snprintf(path, sizeof path, "%s/%016" PRIx64, dir, c->coverage_id);
  snprintf(tmp, sizeof tmp, "%s/.tmp-%ld", dir, (long)getpid());
  FILE *f = NULL;
  if (cfuzz_make_dirs(dir, what, sizeof what) != 0) {
    snprintf(err, err_len, "cannot create campaign directory '%s': %s", what, strerror(errno));
    goto out;
  }
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || !(f = fdopen(fd, "w"))) {
    snprintf(err, err_len, "cannot write campaign record '%s': %s", tmp, strerror(errno));
    if (fd >= 0)
      close(fd);
    goto out;
  }
  char cwd[PATH_MAX], exe[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd))
    cwd[0] = 0;
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  fprintf(f, "cfuzz-campaign 1\ncoverage_id=%016" PRIx64 "\npid=%ld\nstart_time=%lld\n", c->coverage_id,
          (long)getpid(), (long long)time(NULL));
  put(f, "cwd", cwd[0] ? cwd : NULL);
  put(f, "binary", exe[0] ? exe : NULL);
  put(f, "corpus", c->corpus_dir);
  put(f, "artifact_prefix", c->artifact_prefix ? c->artifact_prefix : "./");
  put(f, "crash_dir", c->crash_dir);
  bool ok = fflush(f) == 0 && !ferror(f);
  ok = fclose(f) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) {
    snprintf(err, err_len, "cannot write campaign record '%s': %s", path, strerror(errno));
    unlink(tmp);
    goto out;
  }
  rc = 0;
out:
  free(dir);
  return rc;
}
