/* minimize.c - crash minimization and cleansing (see minimize.h). */
#define _GNU_SOURCE
#include "minimize.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "command.h"
#include "crash.h"
#include "instrumentation.h"
#include "mutate.h"
#include "rng.h"
#include "run_target.h"
#include "sha1.h"
#include "util.h"

static void read_or_die(const char *path, uint8_t **data, size_t *len) {
  if (cfuzz_read_file(path, SIZE_MAX / 2, data, len) != 0)
    cfuzz_fatal("cannot read input file '%s': %s", path, strerror(errno));
}

static void write_or_die(const char *path, const uint8_t *data, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && cfuzz_write_all(fd, data, len);
  if (fd < 0 || close(fd) != 0 || !ok)
    cfuzz_fatal("cannot write '%s': %s", path, strerror(errno));
}

/* The sanitizer's "DEDUP_TOKEN: ..." line in a child's output, or "". */
static char *dedup_token(const char *output) {
  const char *p = strstr(output, "DEDUP_TOKEN:");
  if (!p)
    return cfuzz_xstrdup("");
  size_t n = strcspn(p, "\n");
  char *token = cfuzz_xmalloc(n + 1);
  memcpy(token, p, n);
  token[n] = '\0';
  return token;
}

int cfuzz_minimize_crash(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *files,
                         size_t n_files) {
  if (n_files != 1) {
    fprintf(cfuzz_err(), "ERROR: -minimize_crash should be given one input file\n");
    return CFUZZ_EXIT_USAGE;
  }
  static const char *const drop[] = {"minimize_crash", "exact_artifact_path", NULL};
  struct cfuzz_command base;
  cfuzz_command_init(&base, argc, argv, drop, files[0]);
  if (flags->runs <= 0 && flags->max_total_time == 0) {
    fprintf(cfuzz_err(), "INFO: you need to specify -runs=N or -max_total_time=N with -minimize_crash=1\n"
                    "INFO: defaulting to -max_total_time=600\n");
    cfuzz_command_add_flag(&base, "max_total_time", "600");
  }
  char *current = cfuzz_xstrdup(files[0]);
  for (;;) {
    uint8_t *data;
    size_t len;
    read_or_die(current, &data, &len);
    fprintf(cfuzz_err(), "CRASH_MIN: minimizing crash input: '%s' (%zu bytes)\n", current, len);

    struct cfuzz_command cmd;
    cfuzz_command_init(&cmd, (int)base.argc, base.argv, NULL, NULL);
    cfuzz_command_add_arg(&cmd, current);
    cfuzz_command_print(&cmd, "CRASH_MIN: executing: ");
    char *output = NULL;
    int rc = cfuzz_command_run(&cmd, &output, false);
    if (rc == 0) {
      fprintf(cfuzz_err(), "ERROR: the input %s did not crash\n", current);
      exit(CFUZZ_EXIT_USAGE);
    }
    fprintf(cfuzz_err(), "CRASH_MIN: '%s' (%zu bytes) caused a crash. Will try to minimize it further\n", current,
            len);
    char *token1 = dedup_token(output);
    if (*token1)
      fprintf(cfuzz_err(), "CRASH_MIN: DedupToken1: %s\n", token1);
    free(output);

    char *artifact;
    if (flags->exact_artifact_path) {
      artifact = cfuzz_xstrdup(flags->exact_artifact_path);
    } else {
      char hex[CFUZZ_SHA1_HEX_LEN + 1];
      cfuzz_sha1_hex(data, len, hex);
      size_t n = strlen(flags->artifact_prefix) + sizeof "minimized-from-" + CFUZZ_SHA1_HEX_LEN;
      artifact = cfuzz_xmalloc(n);
      snprintf(artifact, n, "%sminimized-from-%s", flags->artifact_prefix, hex);
    }
    cfuzz_command_add_flag(&cmd, "minimize_crash_internal_step", "1");
    cfuzz_command_add_flag(&cmd, "exact_artifact_path", artifact);
    cfuzz_command_print(&cmd, "CRASH_MIN: executing: ");
    rc = cfuzz_command_run(&cmd, &output, false);
    fputs(output, cfuzz_err());
    cfuzz_command_free(&cmd);
    char *token2 = rc == 0 ? NULL : dedup_token(output);
    free(output);
    bool done = true;
    if (rc == 0) {
      if (flags->exact_artifact_path) {
        free(current);
        current = cfuzz_xstrdup(flags->exact_artifact_path);
        write_or_die(current, data, len);
      }
      fprintf(cfuzz_err(), "CRASH_MIN: failed to minimize beyond %s (%zu bytes), exiting\n", current, len);
    } else {
      if (*token2)
        fprintf(cfuzz_err(), "CRASH_MIN: DedupToken2: %s\n", token2);
      if (strcmp(token1, token2) != 0) {
        if (flags->exact_artifact_path) {
          free(current);
          current = cfuzz_xstrdup(flags->exact_artifact_path);
          write_or_die(current, data, len);
        }
        fprintf(cfuzz_err(), "CRASH_MIN: mismatch in dedup tokens (looks like a different bug). Won't minimize "
                        "further\n");
      } else {
        free(current);
        current = cfuzz_xstrdup(artifact);
        fprintf(cfuzz_err(), "*********************************\n");
        done = false;
      }
    }
    free(token1);
    free(token2);
    free(artifact);
    free(data);
    if (done)
      break;
  }
  free(current);
  cfuzz_command_free(&base);
  return 0;
}

/* One candidate: the input with a random range of bytes removed (small
 * ranges most often), then half of the time mutated in place without
 * growing. Always shorter than the input. */
static size_t shorter_candidate(struct cfuzz_rng *rng, struct cfuzz_mutator *mutator, const uint8_t *data,
                                size_t len, uint8_t *out, uint8_t *scratch) {
  size_t max_cut = len - 1;
  size_t cut = 1 + (size_t)cfuzz_rng_below(rng, cfuzz_rng_below(rng, 2) ? (max_cut < 4 ? max_cut : 4) : max_cut);
  size_t pos = (size_t)cfuzz_rng_below(rng, len - cut + 1);
  memcpy(scratch, data, pos);
  memcpy(scratch + pos, data + pos + cut, len - pos - cut);
  size_t n = len - cut;
  if (n > 0 && cfuzz_rng_below(rng, 2))
    return cfuzz_mutator_mutate(mutator, scratch, n, out, n, NULL, 0);
  memcpy(out, scratch, n);
  return n;
}

int cfuzz_minimize_inner(const struct cfuzz_flags *flags, const char *file, cfuzz_test_one_fn test_one,
                         void *ctx) {
  uint8_t *data;
  size_t len;
  read_or_die(file, &data, &len);
  fprintf(cfuzz_err(), "INFO: Starting MinimizeCrashInputInternalStep: %zu\n", len);
  if (len < 2) {
    fprintf(cfuzz_err(), "INFO: The input is small enough, exiting\n");
    free(data);
    return 0;
  }
  struct cfuzz_rng rng;
  uint64_t seed = flags->seed > 0 ? (uint64_t)flags->seed : (uint64_t)time(NULL) ^ (uint64_t)getpid() << 16;
  cfuzz_rng_seed(&rng, seed);
  struct cfuzz_mutator mutator;
  struct cfuzz_mutator_options options = {.cmp = &cfuzz_instr.cmp};
  cfuzz_mutator_init(&mutator, &rng, &options);
  uint8_t *candidate = cfuzz_xmalloc(len);
  uint8_t *scratch = cfuzz_xmalloc(len);
  static struct cfuzz_crash_context crash;
  cfuzz_crash_context_init(&crash, flags);
  crash.data = candidate;
  cfuzz_crash_install(&crash);
  struct cfuzz_target target = {test_one, ctx};
  double deadline = flags->max_total_time > 0 ? cfuzz_now() + (double)flags->max_total_time : 0;
  for (int64_t runs = 0; flags->runs < 0 || runs < flags->runs; runs++) {
    if (deadline > 0 && (runs & 15) == 0 && cfuzz_now() >= deadline)
      break;
    crash.len = shorter_candidate(&rng, &mutator, data, len, candidate, scratch);
    int rc;
    if (cfuzz_run_target(&crash, &target, candidate, crash.len, &rc) == CFUZZ_RUN_FAILED)
      cfuzz_crash_test_failed(&crash, "LLVMFuzzerTestOneInput", rc);
  }
  cfuzz_crash_uninstall();
  cfuzz_mutator_free(&mutator);
  fprintf(cfuzz_err(), "INFO: Done MinimizeCrashInputInternalStep, no crashes found\n");
  free(candidate);
  free(scratch);
  free(data);
  return 0;
}

int cfuzz_cleanse_crash(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *files,
                        size_t n_files) {
  if (n_files != 1 || !flags->exact_artifact_path) {
    fprintf(cfuzz_err(), "ERROR: -cleanse_crash should be given one input file and -exact_artifact_path\n");
    return CFUZZ_EXIT_USAGE;
  }
  static const char *const drop[] = {"cleanse_crash", NULL};
  struct cfuzz_command cmd;
  cfuzz_command_init(&cmd, argc, argv, drop, files[0]);
  const char *tmp_dir = getenv("TMPDIR");
  char name[64];
  snprintf(name, sizeof name, "libFuzzerTemp.CleanseCrashInput%ld.repro", (long)getpid());
  char *tmp = cfuzz_path_join(tmp_dir && *tmp_dir ? tmp_dir : "/tmp", name);
  cfuzz_command_add_arg(&cmd, tmp);

  uint8_t *data;
  size_t len;
  read_or_die(files[0], &data, &len);
  static const uint8_t replacements[] = {' ', 0xff};
  for (int pass = 0; pass < 5; pass++) {
    bool changed = false;
    for (size_t i = 0; i < len; i++) {
      fprintf(cfuzz_err(), "CLEANSE[%d]: Trying to replace byte %zu of %zu\n", pass, i, len);
      uint8_t original = data[i];
      if (original == replacements[0] || original == replacements[1])
        continue;
      for (size_t r = 0; r < sizeof replacements; r++) {
        data[i] = replacements[r];
        write_or_die(tmp, data, len);
        int rc = cfuzz_command_run(&cmd, NULL, true);
        unlink(tmp);
        if (rc == 0) {
          data[i] = original;
        } else {
          changed = true;
          fprintf(cfuzz_err(), "CLEANSE: Replaced byte %zu with 0x%x\n", i, replacements[r]);
          write_or_die(flags->exact_artifact_path, data, len);
          break;
        }
      }
    }
    if (!changed)
      break;
  }
  free(data);
  free(tmp);
  cfuzz_command_free(&cmd);
  return 0;
}
