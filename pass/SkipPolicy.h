//===- SkipPolicy.h - Which functions cfuzz leaves alone --------*- C++ -*-===//
//
// Two halves of one decision. markDisabledFunctions runs at pipeline start,
// while the user's annotations are still attached to the functions they name,
// and turns them into a function attribute that later passes keep.
// shouldInstrumentFunction is the pure predicate the instrumenting pass asks.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_SKIPPOLICY_H
#define CFUZZ_PASS_SKIPPOLICY_H

#include "llvm/IR/PassManager.h"

namespace llvm {
class Function;
class Module;
} // namespace llvm

namespace cfuzz {

/// String attribute that marks a function the user opted out of coverage.
inline constexpr const char *DisableAttrName = "cfuzz-disable";

/// Annotation string of CFUZZ_DISABLE_INSTRUMENTATION in cfuzz.h.
inline constexpr const char *DisableAnnotation = "disable_instrumentation";

/// True if the user opted F out, by annotation (once marked), by
/// disable_sanitizer_instrumentation or by no_sanitize("coverage").
bool isDisabledByUser(const llvm::Function &F);

/// Gives every function named by a "disable_instrumentation" annotation the
/// cfuzz-disable attribute, and marks the call sites inside every opted-out
/// function noinline: an instrumented callee inlined into an uninstrumented
/// caller would lose its coverage. Idempotent. Returns true if M changed.
bool markDisabledFunctions(llvm::Module &M);

/// Gives every function cfuzz will instrument the optforfuzzing attribute,
/// as clang does under -fsanitize=fuzzer: the optimizer then keeps branches
/// on input bytes as branches instead of folding them into selects, which
/// coverage cannot see. Returns true if M changed.
bool markOptForFuzzing(llvm::Module &M);

/// Whether the cfuzz pass instruments F at all.
bool shouldInstrumentFunction(const llvm::Function &F);

/// markDisabledFunctions and markOptForFuzzing as a pass, for the
/// pipeline-start extension point.
struct MarkDisabledPass : llvm::PassInfoMixin<MarkDisabledPass> {
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace cfuzz

#endif
