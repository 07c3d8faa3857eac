/* minimize.h - -minimize_crash=1 and -cleanse_crash=1, with libFuzzer's
 * protocol and output lines (CRASH_MIN:, CLEANSE:).
 *
 * -minimize_crash=1 FILE: the outer process runs this program again on FILE
 * to see it crash, then in a child (-minimize_crash_internal_step=1) that
 * tries inputs shorter than FILE until one crashes; that one is written to
 * -exact_artifact_path, or to <prefix>minimized-from-<sha1 of FILE>, and the
 * next round starts from it. It stops when a round finds nothing shorter
 * (-runs / -max_total_time bound each round; 600 s when neither is given),
 * or when a shorter input crashes differently (another DEDUP_TOKEN from the
 * sanitizer). The target only ever runs in children, so its crashes cannot
 * stop the minimization.
 *
 * -cleanse_crash=1 FILE -exact_artifact_path=OUT: replaces each byte of FILE
 * by ' ' or 0xff where the input still crashes, so that only the bytes that
 * matter remain (up to 5 passes); the result is written to OUT. */
#ifndef CFUZZ_MINIMIZE_H
#define CFUZZ_MINIMIZE_H

#include "flags.h"
#include "fuzz_loop.h"

/* The outer processes. files: the positional file arguments. Return the
 * exit status. */
int cfuzz_minimize_crash(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *files,
                         size_t n_files);
int cfuzz_cleanse_crash(const struct cfuzz_flags *flags, int argc, char **argv, const char *const *files,
                        size_t n_files);

/* The child of one round: mutates FILE into shorter inputs and runs them;
 * a crash is reported (and written) by the crash handler. Returns 0 when the
 * round found no crash. */
int cfuzz_minimize_inner(const struct cfuzz_flags *flags, const char *file, cfuzz_test_one_fn test_one,
                         void *ctx);

#endif
