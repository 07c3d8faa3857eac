//===- CompareTracing.cpp - Comparison, switch, division and GEP tracing --===//
//
// Reports the operands of integer compares, switch conditions (with their
// case tables), divisors and GEP indices to the runtime through the
// SanitizerCoverage ABI (__sanitizer_cov_trace_*), so that the fuzzer can
// learn the values the program compares its input against. String and memory
// compare calls are handled in StringCompareHooks.cpp.
//
// Float and double compares have no SanitizerCoverage callback; they go to
// cfuzz's own __cfuzz_trace_fcmp4(float, float) / __cfuzz_trace_fcmp8(double,
// double), declared extern_weak and called through a select against a no-op,
// so that the code still links and runs with a runtime that lacks them
// (libFuzzer's).
//
// Everything here inserts calls before the traced instruction and never adds
// a basic block, so the coverage step that runs afterwards sees the CFG it
// would have seen without us.
//
//===----------------------------------------------------------------------===//
#include "CompareTracing.h"
#include "Compat.h"
#include "StringCompareHooks.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;
using namespace cfuzz;

namespace {

/// Operand widths, in bits, that have a __sanitizer_cov_trace_cmp callback.
constexpr unsigned CmpWidths[] = {8, 16, 32, 64};

/// The callback width for integer type Ty: its width rounded up to 8, 16,
/// 32 or 64 bits; 128 for i65..i128 (traced as two halves); 0 when it is not
/// traced (wider integers). SanitizerCoverage uses the store size and so
/// skips i24, i40 or i48 (bit-fields, packed fields after SROA); rounding up
/// traces those too.
unsigned traceWidth(Type *Ty) {
  unsigned Bits = Ty->getIntegerBitWidth();
  for (unsigned Width : CmpWidths)
    if (Bits <= Width)
      return Width;
  return Bits <= 128 ? 128 : 0;
}

/// True if the edge From -> To closes a loop, by the same rule as
/// SanitizerCoverage: To dominates From, or To only falls through to a block
/// that does (a latch split off by the optimiser).
bool isBackEdge(const BasicBlock *From, const BasicBlock *To,
                const DominatorTree &DT) {
  if (DT.dominates(To, From))
    return true;
  if (const BasicBlock *Next = To->getUniqueSuccessor())
    if (DT.dominates(Next, From))
      return true;
  return false;
}

/// Whether an icmp is worth a callback. A compare whose only use is a branch
/// that closes a loop is almost always the loop's own counter test
/// ("i < n"); tracing it floods the runtime's compare table with induction
/// values on every iteration, so it is pruned as SanitizerCoverage does.
bool isInterestingCmp(const ICmpInst &Cmp, const DominatorTree &DT,
                      bool Prune) {
  // Pointers are addresses, which change with every run under ASLR and are
  // never input bytes; vector compares come from the vectoriser. Both are
  // skipped, as SanitizerCoverage does.
  if (!Cmp.getOperand(0)->getType()->isIntegerTy() ||
      !traceWidth(Cmp.getOperand(0)->getType()))
    return false;
  if (isa<Constant>(Cmp.getOperand(0)) && isa<Constant>(Cmp.getOperand(1)))
    return false; // nothing an input can change
  if (Prune && Cmp.hasOneUse())
    if (auto *Br = dyn_cast<BranchInst>(Cmp.user_back()))
      for (const BasicBlock *Succ : Br->successors())
        if (isBackEdge(Br->getParent(), Succ, DT))
          return false;
  return true;
}

/// Declarations of the __sanitizer_cov_trace_* callbacks, made on first use.
class Callbacks {
public:
  explicit Callbacks(Module &M) : M(M), C(M.getContext()) {}

  FunctionCallee cmp(unsigned Bits, bool Const) {
    std::string Name = std::string("__sanitizer_cov_trace_") +
                       (Const ? "const_cmp" : "cmp") + std::to_string(Bits / 8);
    Type *Ty = Type::getIntNTy(C, Bits);
    return declare(Name, {Ty, Ty});
  }
  FunctionCallee switchCases() {
    return declare("__sanitizer_cov_trace_switch",
                   {Type::getInt64Ty(C), tablePtrTy()});
  }
  FunctionCallee div(unsigned Bits) {
    return declare("__sanitizer_cov_trace_div" + std::to_string(Bits / 8),
                   {Type::getIntNTy(C, Bits)});
  }
  FunctionCallee gep() {
    return declare("__sanitizer_cov_trace_gep",
                   {M.getDataLayout().getIntPtrType(C)});
  }
  /// The case table is passed as a plain byte pointer: the ABI only needs
  /// an address, and it spares a typed-pointer special case.
  Type *tablePtrTy() { return compat::getBytePtrTy(C); }

private:
  /// Narrow integer arguments are zero-extended by the caller, as the
  /// runtime's uint8_t/uint16_t/uint32_t parameters expect on every ABI.
  FunctionCallee declare(StringRef Name, ArrayRef<Type *> Params) {
    FunctionType *Ty = FunctionType::get(Type::getVoidTy(C), Params, false);
    FunctionCallee Callee = M.getOrInsertFunction(Name, Ty);
    if (auto *F = dyn_cast<Function>(Callee.getCallee()))
      if (F->isDeclaration())
        for (unsigned I = 0; I < Params.size(); ++I)
          if (Params[I]->isIntegerTy() && Params[I]->getIntegerBitWidth() < 64)
            F->addParamAttr(I, Attribute::ZExt);
    return Callee;
  }

  Module &M;
  LLVMContext &C;
};

/// Gives calls inserted before I a line-0 location in I's function when I
/// has no location of its own (IRBuilder already copies I's), so that calls
/// in functions with debug info verify.
void setFallbackDebugLoc(IRBuilder<> &IRB, const Instruction &I) {
  if (!I.getDebugLoc())
    if (DISubprogram *SP = I.getFunction()->getSubprogram())
      IRB.SetCurrentDebugLocation(DILocation::get(SP->getContext(), 0, 0, SP));
}

CallInst *emitCall(IRBuilder<> &IRB, FunctionCallee Callee,
                   ArrayRef<Value *> Args) {
  CallInst *CI = IRB.CreateCall(Callee, Args);
  for (unsigned I = 0; I < Args.size(); ++I)
    if (Args[I]->getType()->isIntegerTy() &&
        Args[I]->getType()->getIntegerBitWidth() < 64)
      CI->addParamAttr(I, Attribute::ZExt);
  return CI;
}

/// __sanitizer_cov_trace_[const_]cmpN(A, B), with the constant (if any) as
/// A. Odd widths are widened to the next callback width by the predicate's
/// own signedness so the traced values order as the program orders them; i128
/// (and i65..i127) is traced as its low and high 64-bit halves, which is
/// what a 128-bit magic-value compare needs to be solved piece by piece.
void emitTraceForCmp(ICmpInst &Cmp, Callbacks &CB) {
  Value *A = Cmp.getOperand(0);
  Value *B = Cmp.getOperand(1);
  unsigned Bits = traceWidth(A->getType());
  if (!Bits)
    return;
  bool Const = isa<ConstantInt>(A) || isa<ConstantInt>(B);
  if (isa<ConstantInt>(B))
    std::swap(A, B);

  IRBuilder<> IRB(&Cmp);
  setFallbackDebugLoc(IRB, Cmp);
  Type *Wide = Type::getIntNTy(Cmp.getContext(), Bits);
  bool Signed = Cmp.isSigned();
  A = IRB.CreateIntCast(A, Wide, Signed);
  B = IRB.CreateIntCast(B, Wide, Signed);
  if (Bits <= 64) {
    emitCall(IRB, CB.cmp(Bits, Const), {A, B});
    return;
  }
  Type *I64 = IRB.getInt64Ty();
  auto Half = [&](Value *V, bool High) {
    if (High)
      V = IRB.CreateLShr(V, 64);
    return IRB.CreateTrunc(V, I64);
  };
  for (bool High : {false, true})
    emitCall(IRB, CB.cmp(64, Const), {Half(A, High), Half(B, High)});
}

/// Whether an fcmp is worth a callback: float or double scalars, not both
/// constant, and a predicate that depends on the values (not the NaN-only
/// ord/uno tests, not true/false).
bool isInterestingFCmp(const FCmpInst &Cmp) {
  Type *Ty = Cmp.getOperand(0)->getType();
  if (!Ty->isFloatTy() && !Ty->isDoubleTy())
    return false;
  if (isa<Constant>(Cmp.getOperand(0)) && isa<Constant>(Cmp.getOperand(1)))
    return false;
  switch (Cmp.getPredicate()) {
  case CmpInst::FCMP_FALSE:
  case CmpInst::FCMP_TRUE:
  case CmpInst::FCMP_ORD:
  case CmpInst::FCMP_UNO:
    return false;
  default:
    return true;
  }
}

/// __cfuzz_trace_fcmp{4,8}(A, B) through the weak-callee select.
void emitTraceForFCmp(FCmpInst &Cmp) {
  Type *Ty = Cmp.getOperand(0)->getType();
  Module &M = *Cmp.getModule();
  IRBuilder<> IRB(&Cmp);
  setFallbackDebugLoc(IRB, Cmp);
  FunctionType *FnTy = FunctionType::get(IRB.getVoidTy(), {Ty, Ty}, false);
  StringRef Name =
      Ty->isFloatTy() ? "__cfuzz_trace_fcmp4" : "__cfuzz_trace_fcmp8";
  Value *Callee = getWeakCallee(M, IRB, Name, FnTy);
  IRB.CreateCall(FnTy, Callee, {Cmp.getOperand(0), Cmp.getOperand(1)})
      ->setDoesNotThrow();
}

/// __sanitizer_cov_trace_switch(Cond, Cases) with Cases an internal constant
/// {number of cases, bit width, case values zero-extended and sorted}.
/// Switches wider than 64 bits cannot be described in that table: skipped,
/// like switches with nothing to learn (no case, constant condition).
bool isInterestingSwitch(const SwitchInst &SI) {
  const Value *Cond = SI.getCondition();
  return Cond->getType()->getScalarSizeInBits() <= 64 &&
         SI.getNumCases() != 0 && !isa<Constant>(Cond);
}

void emitTraceForSwitch(SwitchInst &SI, Callbacks &CB) {
  Value *Cond = SI.getCondition();
  unsigned Bits = Cond->getType()->getScalarSizeInBits();
  LLVMContext &C = SI.getContext();
  Type *I64 = Type::getInt64Ty(C);

  SmallVector<uint64_t, 16> Values;
  for (auto Case : SI.cases())
    Values.push_back(Case.getCaseValue()->getValue().getZExtValue());
  llvm::sort(Values);
  SmallVector<Constant *, 18> Table{ConstantInt::get(I64, Values.size()),
                                    ConstantInt::get(I64, Bits)};
  for (uint64_t V : Values)
    Table.push_back(ConstantInt::get(I64, V));

  Module &M = *SI.getModule();
  ArrayType *TableTy = ArrayType::get(I64, Table.size());
  auto *GV = new GlobalVariable(
      M, TableTy, /*isConstant=*/true, GlobalValue::InternalLinkage,
      ConstantArray::get(TableTy, Table), "cfuzz.switch_cases");
  GV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);

  IRBuilder<> IRB(&SI);
  setFallbackDebugLoc(IRB, SI);
  Value *Wide = IRB.CreateZExt(Cond, I64);
  IRB.CreateCall(CB.switchCases(),
                 {Wide, IRB.CreatePointerCast(GV, CB.tablePtrTy())});
}

/// The callback width for I's divisor: 32 or 64, or 0 when I is not a
/// division or remainder, its divisor is a constant (which can never become
/// zero or interesting) or has another width. Remainders count: they fault on
/// zero just like divisions.
unsigned divisorWidth(const Instruction &I) {
  switch (I.getOpcode()) {
  case Instruction::SDiv:
  case Instruction::UDiv:
  case Instruction::SRem:
  case Instruction::URem:
    break;
  default:
    return 0;
  }
  const Value *Divisor = I.getOperand(1);
  if (isa<Constant>(Divisor) || !Divisor->getType()->isIntegerTy())
    return 0;
  unsigned Bits = Divisor->getType()->getIntegerBitWidth();
  return Bits == 32 || Bits == 64 ? Bits : 0;
}

/// __sanitizer_cov_trace_div{4,8}(divisor) for a divisor the input may
/// control.
void emitTraceForDiv(BinaryOperator &BO, Callbacks &CB) {
  Value *Divisor = BO.getOperand(1);
  unsigned Bits = divisorWidth(BO);
  IRBuilder<> IRB(&BO);
  setFallbackDebugLoc(IRB, BO);
  emitCall(IRB, CB.div(Bits), {Divisor});
}

/// Whether GEP has an index the input may control.
bool hasVariableIndex(const GetElementPtrInst &GEP) {
  return any_of(GEP.indices(), [](const Use &Idx) {
    return !isa<Constant>(Idx) && Idx->getType()->isIntegerTy();
  });
}

/// __sanitizer_cov_trace_gep(index) for each non-constant scalar index.
void emitTraceForGep(GetElementPtrInst &GEP, Callbacks &CB) {
  Type *IntPtr =
      GEP.getModule()->getDataLayout().getIntPtrType(GEP.getContext());
  IRBuilder<> IRB(&GEP);
  setFallbackDebugLoc(IRB, GEP);
  for (Use &Idx : GEP.indices())
    if (!isa<Constant>(Idx) && Idx->getType()->isIntegerTy())
      IRB.CreateCall(CB.gep(), {IRB.CreateIntCast(Idx, IntPtr, true)});
}

} // namespace

bool cfuzz::injectCompareTracing(Function &F, const Options &Opts,
                                 const DominatorTree &DT,
                                 const PostDominatorTree &) {
  // Collect every target before emitting anything, so that no inserted
  // instruction (casts, the weak-hook null check) is itself traced.
  SmallVector<ICmpInst *, 16> Cmps;
  SmallVector<FCmpInst *, 4> FCmps;
  SmallVector<SwitchInst *, 4> Switches;
  SmallVector<BinaryOperator *, 4> Divs;
  SmallVector<GetElementPtrInst *, 8> Geps;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB) {
      if (auto *Cmp = dyn_cast<ICmpInst>(&I)) {
        if (Opts.TraceCmp && isInterestingCmp(*Cmp, DT, Opts.Prune))
          Cmps.push_back(Cmp);
      } else if (auto *FCmp = dyn_cast<FCmpInst>(&I)) {
        if (Opts.TraceFcmp && isInterestingFCmp(*FCmp))
          FCmps.push_back(FCmp);
      } else if (auto *SI = dyn_cast<SwitchInst>(&I)) {
        if (Opts.TraceSwitch && isInterestingSwitch(*SI))
          Switches.push_back(SI);
      } else if (Opts.TraceDiv && divisorWidth(I)) {
        Divs.push_back(cast<BinaryOperator>(&I));
      } else if (auto *GEP = dyn_cast<GetElementPtrInst>(&I)) {
        if (Opts.TraceGep && hasVariableIndex(*GEP))
          Geps.push_back(GEP);
      }
    }

  Callbacks CB(*F.getParent());
  for (ICmpInst *Cmp : Cmps)
    emitTraceForCmp(*Cmp, CB);
  for (FCmpInst *FCmp : FCmps)
    emitTraceForFCmp(*FCmp);
  for (SwitchInst *SI : Switches)
    emitTraceForSwitch(*SI, CB);
  for (BinaryOperator *BO : Divs)
    emitTraceForDiv(*BO, CB);
  for (GetElementPtrInst *GEP : Geps)
    emitTraceForGep(*GEP, CB);
  bool Changed =
      !Cmps.empty() || !FCmps.empty() || !Switches.empty() || !Divs.empty() || !Geps.empty();
  if (Opts.TraceStrcmp)
    Changed |= injectStringCompareHooks(F);
  return Changed;
}
