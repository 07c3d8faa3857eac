//===- CfuzzPass.cpp - The cfuzz instrumentation module pass --------------===//
//
// The driver: check the module once, then run the instrumentation steps on
// each function in a fixed order. Comparison tracing sees the original CFG;
// coverage comes last because it splits edges and adds blocks' counters.
//
//===----------------------------------------------------------------------===//
#include "CfuzzPass.h"

#include "Compat.h"
#include "CompareTracing.h"
#include "Coverage.h"
#include "LoopWork.h"
#include "Options.h"
#include "SkipPolicy.h"
#include "SplitCompares.h"
#include "StackDepth.h"

#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

/// The reason cfuzz cannot instrument M, or an empty string if it can. The
/// emitted sections and __start_/__stop_ bounds are an ELF linker feature.
std::string whyUnsupported(const Module &M) {
  Triple T = cfuzz::compat::getTargetTriple(M);
  if (!T.str().empty() && !T.isOSBinFormatELF())
    return "target '" + T.str() +
           "' is not ELF; cfuzz only supports ELF targets";
  if (M.getDataLayout().getProgramAddressSpace() != 0)
    return "code lives in a non-default address space";
  return std::string();
}

/// A plugin-kind diagnostic: clang prints it as a warning (-Wbackend-plugin)
/// and opt on stderr, without stopping either. DiagnosticInfoGeneric would do
/// but is not public in every supported LLVM.
class CfuzzWarning : public DiagnosticInfo {
public:
  explicit CfuzzWarning(std::string Message)
      : DiagnosticInfo(kind(), DS_Warning), Message(std::move(Message)) {}
  void print(DiagnosticPrinter &DP) const override { DP << Message; }

private:
  static int kind() {
    static const int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }
  std::string Message;
};

void warn(Module &M, const Twine &Message) {
  M.getContext().diagnose(CfuzzWarning(("cfuzz: " + Message).str()));
}

bool alreadyInstrumented(const Module &M) {
  return M.getModuleFlag(cfuzz::InstrumentedFlag) != nullptr;
}

void markInstrumented(Module &M) {
  // Max merges cleanly when LTO links instrumented and plain modules.
  M.addModuleFlag(Module::Max, cfuzz::InstrumentedFlag, 1);
}

/// The per-function steps, in order.
bool instrumentFunction(Function &F, const cfuzz::Options &Opts,
                        cfuzz::CoverageInstrumenter &Coverage) {
  bool Changed = false;
  // 0. Optional byte-wise compare cascades; they add blocks, so they come
  //    before the dominator trees and before coverage picks its blocks.
  if (Opts.SplitCmp)
    Changed |= cfuzz::splitCompares(F);
  // 1. Stack depth, before comparison tracing adds calls (a leaf function is
  //    left alone) and outside the coverage option, as in clang.
  if (Opts.StackDepth)
    Changed |= cfuzz::injectStackDepthTracking(F);
  DominatorTree DT(F);
  PostDominatorTree PDT(F);
  // 2. Comparisons, on the CFG the user wrote (it adds no blocks).
  Changed |= cfuzz::injectCompareTracing(F, Opts, DT, PDT);
  // 3. Loop iterations, for the scheduler's cost of a run (adds no blocks).
  if (Opts.LoopWork)
    Changed |= cfuzz::injectLoopWork(F, DT);
  if (!Opts.Coverage)
    return Changed;
  // 4. Split critical edges so a block counter can count an edge.
  if (cfuzz::splitCriticalEdgesForCoverage(F)) {
    Changed = true;
    DT.recalculate(F);
    PDT.recalculate(F);
  }
  // 5. Counters and PC table for the blocks that carry information.
  Changed |= Coverage.instrumentFunction(F, DT, PDT);
  return Changed;
}

} // namespace

PreservedAnalyses cfuzz::CfuzzPass::run(Module &M, ModuleAnalysisManager &) {
  if (alreadyInstrumented(M))
    return PreservedAnalyses::all();
  std::string Problem = whyUnsupported(M);
  if (!Problem.empty()) {
    warn(M, Problem + "; module '" + M.getModuleIdentifier() +
                "' left uninstrumented");
    return PreservedAnalyses::all();
  }
  Options Opts = readOptions();

  // Again here for `opt -passes=cfuzz`, which has no pipeline-start step.
  markDisabledFunctions(M);
  markInstrumented(M);

  // Snapshot the list: instrumentation adds declarations and a constructor.
  SmallVector<Function *, 64> Functions;
  for (Function &F : M)
    if (shouldInstrumentFunction(F))
      Functions.push_back(&F);

  CoverageInstrumenter Coverage(M, Opts);
  for (Function *F : Functions)
    instrumentFunction(*F, Opts, Coverage);
  Coverage.finishModule();
  return PreservedAnalyses::none();
}
