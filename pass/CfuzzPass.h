//===- CfuzzPass.h - The cfuzz instrumentation module pass ------*- C++ -*-===//
//
// `-passes=cfuzz`: comparison tracing and coverage for every function the
// skip policy allows, once per module.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_CFUZZPASS_H
#define CFUZZ_PASS_CFUZZPASS_H

#include "llvm/IR/PassManager.h"

namespace cfuzz {

/// Module flag set on instrumented modules; a second run sees it and stops.
inline constexpr const char *InstrumentedFlag = "cfuzz.instrumented";

struct CfuzzPass : llvm::PassInfoMixin<CfuzzPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  // Runs at -O0 too, and on optnone functions: fuzzing unoptimised code is
  // normal.
  static bool isRequired() { return true; }
};

} // namespace cfuzz

#endif
