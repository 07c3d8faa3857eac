//===- LoopWork.cpp - Count loop iterations for the scheduler -------------===//
//
// At the first insertion point of each loop header H (a block that
// dominates one of its predecessors, i.e. the target of a back edge):
//   n = load __cfuzz_loop_iterations
//   store n + 1 -> __cfuzz_loop_iterations
// One counter for the whole program: the runtime only needs the run's total.
// Irreducible cycles have no such header and are not counted.
//
//===----------------------------------------------------------------------===//
#include "LoopWork.h"

#include "Coverage.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

GlobalVariable *getLoopIterations(Module &M, Type *Int64Ty) {
  if (GlobalVariable *GV = M.getNamedGlobal(cfuzz::LoopIterationsName))
    return GV;
  auto *GV = new GlobalVariable(M, Int64Ty, /*isConstant=*/false,
                                GlobalValue::WeakAnyLinkage,
                                ConstantInt::get(Int64Ty, 0),
                                cfuzz::LoopIterationsName);
  GV->setAlignment(Align(8));
  return GV;
}

bool isLoopHeader(const BasicBlock &BB, const DominatorTree &DT) {
  return any_of(predecessors(&BB), [&](const BasicBlock *Pred) {
    return DT.isReachableFromEntry(Pred) && DT.dominates(&BB, Pred);
  });
}

} // namespace

bool cfuzz::injectLoopWork(Function &F, const DominatorTree &DT) {
  SmallVector<BasicBlock *, 8> Headers;
  for (BasicBlock &BB : F)
    if (BB.getFirstInsertionPt() != BB.end() && isLoopHeader(BB, DT))
      Headers.push_back(&BB);
  if (Headers.empty())
    return false;
  Module &M = *F.getParent();
  Type *Int64Ty = Type::getInt64Ty(M.getContext());
  GlobalVariable *Iterations = getLoopIterations(M, Int64Ty);
  for (BasicBlock *BB : Headers) {
    IRBuilder<> IRB(BB, BB->getFirstInsertionPt());
    LoadInst *Old = IRB.CreateAlignedLoad(Int64Ty, Iterations, Align(8));
    StoreInst *Store = IRB.CreateAlignedStore(
        IRB.CreateAdd(Old, ConstantInt::get(Int64Ty, 1)), Iterations, Align(8));
    // Racy across threads by design, like the block counters.
    setNoSanitize(Old);
    setNoSanitize(Store);
  }
  return true;
}
