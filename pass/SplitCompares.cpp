//===- SplitCompares.cpp - Byte-wise cascades for magic-value compares ----===//
//
//   %c = icmp eq i32 %x, 0x5eedc0de
// becomes, lowest byte first (the byte that comes first in a little-endian
// input):
//   head:    %b0 = trunc %x to i8 ; br (%b0 == 0xde), byte1, end
//   byte1:   %b1 = trunc (%x >> 8) ; br (%b1 == 0xc0), byte2, end
//   byte2:   ...                   ; br (%b2 == 0xed), byte3, end
//   byte3:   %e3 = (%b3 == 0x5e)   ; br end
//   end:     %c = phi [false, head], [false, byte1], [false, byte2], [%e3,
//   byte3]
// (and `ne` is the negation of that phi). Each block reached is a new edge,
// so coverage alone guides the fuzzer one byte at a time.
//
//===----------------------------------------------------------------------===//
#include "SplitCompares.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

bool cfuzz::isSplittableCompare(const ICmpInst &Cmp) {
  if (!Cmp.isEquality() || !Cmp.getOperand(0)->getType()->isIntegerTy())
    return false;
  unsigned Bits = Cmp.getOperand(0)->getType()->getIntegerBitWidth();
  if (Bits != 16 && Bits != 32 && Bits != 64)
    return false;
  // Exactly one constant side: two constants fold, none has no magic value.
  return isa<ConstantInt>(Cmp.getOperand(0)) !=
         isa<ConstantInt>(Cmp.getOperand(1));
}

namespace {

void splitCompare(ICmpInst &Cmp) {
  LLVMContext &C = Cmp.getContext();
  Function &F = *Cmp.getFunction();
  bool ConstFirst = isa<ConstantInt>(Cmp.getOperand(0));
  Value *X = Cmp.getOperand(ConstFirst ? 1 : 0);
  const APInt &Magic =
      cast<ConstantInt>(Cmp.getOperand(ConstFirst ? 0 : 1))->getValue();
  unsigned Bytes = Magic.getBitWidth() / 8;

  // Head keeps everything before Cmp; End starts with Cmp and keeps the rest
  // (splitBasicBlock also repoints the successors' phis to End).
  BasicBlock *Head = Cmp.getParent();
  BasicBlock *End = Head->splitBasicBlock(Cmp.getIterator(), "cfuzz.split.end");
  Head->getTerminator()->eraseFromParent();

  IRBuilder<> IRB(C);
  IRB.SetCurrentDebugLocation(Cmp.getDebugLoc());
  IRB.SetInsertPoint(End, End->begin());
  PHINode *Equal = IRB.CreatePHI(IRB.getInt1Ty(), Bytes, "cfuzz.split.eq");
  BasicBlock *Cur = Head;
  for (unsigned K = 0; K < Bytes; ++K) {
    IRB.SetInsertPoint(Cur);
    Value *Byte =
        IRB.CreateTrunc(K ? IRB.CreateLShr(X, 8 * K) : X, IRB.getInt8Ty());
    uint64_t Want = Magic.lshr(8 * K).trunc(8).getZExtValue();
    Value *Match = IRB.CreateICmpEQ(Byte, IRB.getInt8(Want));
    if (K + 1 == Bytes) {
      IRB.CreateBr(End);
      Equal->addIncoming(Match, Cur);
      break;
    }
    BasicBlock *Next = BasicBlock::Create(C, "cfuzz.split.byte", &F, End);
    IRB.CreateCondBr(Match, Next, End);
    Equal->addIncoming(ConstantInt::getFalse(C), Cur);
    Cur = Next;
  }

  Value *Result = Equal;
  if (Cmp.getPredicate() == CmpInst::ICMP_NE) {
    IRB.SetInsertPoint(&Cmp);
    Result = IRB.CreateNot(Equal);
  }
  Cmp.replaceAllUsesWith(Result);
  Cmp.eraseFromParent();
}

} // namespace

bool cfuzz::splitCompares(Function &F) {
  SmallVector<ICmpInst *, 8> Work;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (auto *Cmp = dyn_cast<ICmpInst>(&I))
        if (isSplittableCompare(*Cmp))
          Work.push_back(Cmp);
  for (ICmpInst *Cmp : Work)
    splitCompare(*Cmp);
  return !Work.empty();
}
