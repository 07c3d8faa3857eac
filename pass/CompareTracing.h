//===- CompareTracing.h - Comparison, switch and string-compare tracing ---===//
//
// Entry point for everything that reports operand values to the runtime:
// integer compares, switches, divisions, GEP indices and calls to the
// memcmp/strcmp family. Called by the per-function driver on the original CFG
// before coverage instrumentation; it must not add basic blocks to F, so
// that block counters and the PC table stay as the coverage step decides.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_COMPARETRACING_H
#define CFUZZ_PASS_COMPARETRACING_H

#include "Options.h"

namespace llvm {
class Function;
class DominatorTree;
class PostDominatorTree;
} // namespace llvm

namespace cfuzz {

/// Instruments F's comparisons as Opts asks. Returns true if F changed.
bool injectCompareTracing(llvm::Function &F, const Options &Opts,
                          const llvm::DominatorTree &DT,
                          const llvm::PostDominatorTree &PDT);

} // namespace cfuzz

#endif
