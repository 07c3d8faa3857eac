//===- Plugin.cpp - Registration of the cfuzz passes with clang and opt ---===//
//
// Two extension points: pipeline start, to record the user's opt-outs while
// annotations still name their functions and before the inliner runs; and
// optimizer last, where clang runs its own SanitizerCoverage, so that the
// counters sit on the optimised CFG. Both run at -O0 and in the -flto and
// -flto=thin pre-link compiles.
//
//===----------------------------------------------------------------------===//
#include "CfuzzPass.h"
#include "Compat.h"
#include "SkipPolicy.h"

using namespace llvm;

namespace {

void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(cfuzz::MarkDisabledPass());
      });
  cfuzz::compat::registerOptimizerLast(
      PB, [](ModulePassManager &MPM, OptimizationLevel, bool IsThinPostLink) {
        // The ThinLTO pre-link compile has instrumented this module already.
        if (!IsThinPostLink)
          MPM.addPass(cfuzz::CfuzzPass());
      });
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "cfuzz") {
          MPM.addPass(cfuzz::CfuzzPass());
          return true;
        }
        if (Name == "cfuzz-mark-disabled") {
          MPM.addPass(cfuzz::MarkDisabledPass());
          return true;
        }
        return false;
      });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "cfuzz", "0.1.0", registerCallbacks};
}
