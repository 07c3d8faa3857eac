/* stack_trace.h - stack traces for crash reports and the frames of a bug's
 * dedup signature, usable from signal handlers.
 *
 * cfuzz_stack_init (at start, not in a handler) loads the unwinder once,
 * snapshots the loaded modules and learns the return address of the one
 * place the target is called from (run_target.c). Afterwards: a frame is
 * named module-relative, (module index << 40) | offset, so the same bug has
 * the same frames in every process of a run despite address randomisation;
 * frames at and below the target's caller are dropped, so the same bug
 * reached from the corpus loader or from the mutation loop is the same. */
#ifndef CFUZZ_STACK_TRACE_H
#define CFUZZ_STACK_TRACE_H

#include <stddef.h>
#include <stdint.h>

#define CFUZZ_STACK_MAX_FRAMES 16

void cfuzz_stack_init(void);

/* Fills frames[] with the current stack's module-relative frames, from the
 * frame executing `from_pc` (0: the caller's own frame) up to the call of
 * the target, skipping `skip_top` frames after from_pc. Returns the count. */
size_t cfuzz_stack_frames(uintptr_t from_pc, size_t skip_top, uint64_t frames[CFUZZ_STACK_MAX_FRAMES]);

/* Prints a stack trace on stderr: the sanitizer's symbolized one when a
 * sanitizer is linked, otherwise glibc's backtrace (function names need
 * -rdynamic), starting at from_pc when non-zero. */
void cfuzz_stack_print(uintptr_t from_pc);

/* For run_target.c: records the return address inside the seam. */
void cfuzz_stack_set_target_caller(uintptr_t return_address);

#endif
