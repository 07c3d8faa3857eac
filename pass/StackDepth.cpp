//===- StackDepth.cpp - Record the deepest stack a run reaches ------------===//
//
// At the entry of each non-leaf function:
//   lowest = load __sancov_lowest_stack
//   frame  = ptrtoint(llvm.frameaddress(0))
//   store llvm.umin(frame, lowest) -> __sancov_lowest_stack
// SanitizerCoverage branches around the store instead; an unconditional
// store keeps the CFG as it was, so no block appears that coverage would
// then count. The variable is thread-local (initial-exec, as the sanitizer
// runtimes and libFuzzer define it): each thread's depth is its own.
//
//===----------------------------------------------------------------------===//
#include "StackDepth.h"

#include "Compat.h"
#include "Coverage.h"

#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

/// True if F calls or invokes anything but an intrinsic.
bool callsOtherFunctions(const Function &F) {
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB)
      if (const auto *CB = dyn_cast<CallBase>(&I))
        if (!isa<IntrinsicInst>(CB))
          return true;
  return false;
}

GlobalVariable *getLowestStack(Module &M, Type *IntptrTy) {
  if (GlobalVariable *GV = M.getNamedGlobal(cfuzz::LowestStackName))
    return GV;
  auto *GV = new GlobalVariable(M, IntptrTy, /*isConstant=*/false,
                                GlobalValue::ExternalLinkage, nullptr,
                                cfuzz::LowestStackName, nullptr,
                                GlobalValue::InitialExecTLSModel);
  return GV;
}

} // namespace

bool cfuzz::injectStackDepthTracking(Function &F) {
  if (!callsOtherFunctions(F))
    return false;
  Module &M = *F.getParent();
  Type *IntptrTy = M.getDataLayout().getIntPtrType(M.getContext());
  GlobalVariable *Lowest = getLowestStack(M, IntptrTy);

  BasicBlock &Entry = F.getEntryBlock();
  IRBuilder<> IRB(&Entry, skipStaticAllocas(Entry, Entry.getFirstInsertionPt()));
  if (DISubprogram *SP = F.getSubprogram())
    IRB.SetCurrentDebugLocation(
        DILocation::get(SP->getContext(), SP->getScopeLine(), 0, SP));
  Value *Frame = IRB.CreateIntrinsic(
      Intrinsic::frameaddress,
      {compat::getBytePtrTy(M.getContext())},
      {IRB.getInt32(0)});
  Value *FrameInt = IRB.CreatePtrToInt(Frame, IntptrTy);
  LoadInst *Old = IRB.CreateLoad(IntptrTy, Lowest);
  // An intrinsic, not icmp + select: comparison tracing, which runs next,
  // would trace the stack addresses, and they change with every process.
  Value *Lower = IRB.CreateBinaryIntrinsic(Intrinsic::umin, FrameInt, Old);
  StoreInst *Store = IRB.CreateStore(Lower, Lowest);
  setNoSanitize(Old);
  setNoSanitize(Store);
  return true;
}
