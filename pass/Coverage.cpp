//===- Coverage.cpp - Inline 8-bit counters and the PC table --------------===//
//
// Per instrumented function: a private counter array and a PC table of the
// same length, both in the function's comdat so the linker keeps or drops
// them with the function's code. Per module: one constructor that passes the
// linker-made __start_/__stop_ bounds of both sections to the runtime.
//
//===----------------------------------------------------------------------===//
#include "Coverage.h"

#include "Compat.h"

#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Comdat.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

using namespace llvm;

namespace {

/// Same priority as SanitizerCoverage: before ordinary constructors, so the
/// runtime knows the counters before user code runs.
constexpr int ConstructorPriority = 2;
constexpr const char *ConstructorName = "cfuzz.module_ctor";

/// BB runs whenever any of its successors runs: their counters imply its.
bool isFullDominator(const BasicBlock &BB, const DominatorTree &DT) {
  if (succ_empty(&BB))
    return false;
  return all_of(successors(&BB), [&](const BasicBlock *Succ) {
    return DT.dominates(&BB, Succ);
  });
}

/// BB runs whenever any of its predecessors runs.
bool isFullPostDominator(const BasicBlock &BB, const PostDominatorTree &PDT) {
  if (pred_empty(&BB))
    return false;
  return all_of(predecessors(&BB), [&](const BasicBlock *Pred) {
    return PDT.dominates(&BB, Pred);
  });
}

/// True if BB holds nothing but an unreachable (after phis, debug info and
/// lifetime markers): counting it would only inflate the total.
bool isUnreachableOnly(const BasicBlock &BB) {
  for (const Instruction &I : BB) {
    if (isa<PHINode>(I) || isa<DbgInfoIntrinsic>(I))
      continue;
    if (const auto *II = dyn_cast<IntrinsicInst>(&I))
      if (II->isLifetimeStartOrEnd())
        continue;
    return isa<UnreachableInst>(I);
  }
  return false;
}

/// F's comdat, or a new no-deduplicate one named after F. Unnamed functions
/// get none: a comdat needs a symbol name.
Comdat *getOrCreateFunctionComdat(Module &M, Function &F) {
  if (Comdat *C = F.getComdat())
    return C;
  if (!F.hasName())
    return nullptr;
  Comdat *C = M.getOrInsertComdat(F.getName());
  C->setSelectionKind(Comdat::NoDeduplicate);
  F.setComdat(C);
  return C;
}

/// An extern_weak hidden symbol the linker defines at a section edge.
GlobalVariable *getSectionBound(Module &M, Type *Ty, StringRef Prefix,
                                StringRef Section) {
  std::string Name = (Prefix + Section).str();
  if (GlobalVariable *GV = M.getNamedGlobal(Name))
    return GV;
  auto *GV = new GlobalVariable(M, Ty, /*isConstant=*/false,
                                GlobalValue::ExternalWeakLinkage, nullptr,
                                Name);
  GV->setVisibility(GlobalValue::HiddenVisibility);
  return GV;
}

} // namespace

BasicBlock::iterator cfuzz::skipStaticAllocas(BasicBlock &BB,
                                              BasicBlock::iterator IP) {
  for (auto I = IP, E = BB.end(); I != E; ++I) {
    auto *AI = dyn_cast<AllocaInst>(&*I);
    if (!AI || !AI->isStaticAlloca())
      break;
    IP = std::next(I);
  }
  return IP;
}

void cfuzz::setNoSanitize(Instruction *I) {
  I->setMetadata(I->getModule()->getMDKindID("nosanitize"),
                 MDNode::get(I->getContext(), ArrayRef<Metadata *>()));
}

bool cfuzz::shouldInstrumentBlock(const Function &F, const BasicBlock &BB,
                                  const DominatorTree &DT,
                                  const PostDominatorTree &PDT, bool Prune) {
  if (isUnreachableOnly(BB))
    return false;
  // catchswitch blocks have no place to put a counter.
  if (BB.getFirstInsertionPt() == BB.end())
    return false;
  // The entry block always gets one: its PC entry marks the function.
  if (!Prune || &F.getEntryBlock() == &BB)
    return true;
  // A full dominator is implied by its successors; a full post-dominator
  // with several predecessors is implied by them (with one predecessor it
  // still tells which edge was taken after splitting).
  return !isFullDominator(BB, DT) &&
         !(isFullPostDominator(BB, PDT) && !BB.getSinglePredecessor());
}

bool cfuzz::splitCriticalEdgesForCoverage(Function &F) {
  return SplitAllCriticalEdges(
             F, CriticalEdgeSplittingOptions().setIgnoreUnreachableDests()) !=
         0;
}

cfuzz::CoverageInstrumenter::CoverageInstrumenter(Module &M,
                                                  const Options &Opts)
    : M(M), Opts(Opts), Int8Ty(Type::getInt8Ty(M.getContext())),
      IntptrTy(M.getDataLayout().getIntPtrType(M.getContext())),
      PtrTy(compat::getBytePtrTy(M.getContext())) {}

GlobalVariable *cfuzz::CoverageInstrumenter::createArrayInSection(
    Function &F, Type *ElemTy, size_t N, const char *Section) {
  auto *ArrayTy = ArrayType::get(ElemTy, N);
  auto *Array = new GlobalVariable(M, ArrayTy, /*isConstant=*/false,
                                   GlobalValue::PrivateLinkage,
                                   Constant::getNullValue(ArrayTy),
                                   "__cfuzz_gen_");
  Array->setSection(Section);
  if (Comdat *C = getOrCreateFunctionComdat(M, F)) {
    Array->setComdat(C);
    // The comdat ties the array to F at link time; only the optimizer still
    // needs telling that nothing reads it.
    CompilerUsed.push_back(Array);
  } else {
    LinkerUsed.push_back(Array);
  }
  return Array;
}

GlobalVariable *
cfuzz::CoverageInstrumenter::createPCTable(Function &F,
                                           ArrayRef<BasicBlock *> Blocks,
                                           ArrayRef<SelectInst *> Selects) {
  SmallVector<Constant *, 32> Entries;
  // The entry block cannot have its address taken; the function's address
  // stands for it.
  auto AddressOf = [&](BasicBlock *BB) -> Constant * {
    if (BB == &F.getEntryBlock())
      return ConstantExpr::getPointerCast(&F, PtrTy);
    return ConstantExpr::getPointerCast(BlockAddress::get(BB), PtrTy);
  };
  for (BasicBlock *BB : Blocks) {
    Entries.push_back(AddressOf(BB));
    // Flag 1 marks a function entry.
    Entries.push_back(ConstantExpr::getIntToPtr(
        ConstantInt::get(IntptrTy, BB == &F.getEntryBlock()), PtrTy));
  }
  // A select has no address of its own: both sides take their block's.
  for (SelectInst *SI : Selects)
    for (int Side = 0; Side < 2; ++Side) {
      Entries.push_back(AddressOf(SI->getParent()));
      Entries.push_back(Constant::getNullValue(PtrTy));
    }
  GlobalVariable *Table =
      createArrayInSection(F, PtrTy, Entries.size(), PCsSection);
  Table->setInitializer(
      ConstantArray::get(ArrayType::get(PtrTy, Entries.size()), Entries));
  Table->setConstant(true);
  Table->setAlignment(Align(M.getDataLayout().getPointerSize()));
  return Table;
}

void cfuzz::CoverageInstrumenter::injectCounterAtBlock(Function &F,
                                                       BasicBlock &BB,
                                                       GlobalVariable *Counters,
                                                       size_t Index) {
  BasicBlock::iterator IP = BB.getFirstInsertionPt();
  DebugLoc Loc = IP != BB.end() ? IP->getDebugLoc() : DebugLoc();
  if (&BB == &F.getEntryBlock()) {
    IP = skipStaticAllocas(BB, IP);
    // Attribute the entry counter to the function's opening line rather than
    // to whatever instruction happens to come first.
    if (DISubprogram *SP = F.getSubprogram())
      Loc = DILocation::get(SP->getContext(), SP->getScopeLine(), 0, SP);
  }
  IRBuilder<> IRB(&BB, IP);
  IRB.SetCurrentDebugLocation(Loc);
  Value *Slot = IRB.CreateConstInBoundsGEP2_64(Counters->getValueType(),
                                               Counters, 0, Index);
  LoadInst *Old = IRB.CreateLoad(Int8Ty, Slot);
  Value *New = IRB.CreateAdd(Old, ConstantInt::get(Int8Ty, 1));
  StoreInst *Store = IRB.CreateStore(New, Slot);
  // The counters are racy by design; sanitizers must not report them.
  setNoSanitize(Old);
  setNoSanitize(Store);
}

void cfuzz::CoverageInstrumenter::injectCountersAtSelect(
    SelectInst &SI, GlobalVariable *Counters, size_t Index) {
  IRBuilder<> IRB(&SI);
  // counters[Index] counts the true side, counters[Index + 1] the false side.
  Value *Slot = IRB.CreateInBoundsGEP(
      Counters->getValueType(), Counters,
      {ConstantInt::get(IntptrTy, 0),
       IRB.CreateSelect(SI.getCondition(), ConstantInt::get(IntptrTy, Index),
                        ConstantInt::get(IntptrTy, Index + 1))});
  LoadInst *Old = IRB.CreateLoad(Int8Ty, Slot);
  StoreInst *Store =
      IRB.CreateStore(IRB.CreateAdd(Old, ConstantInt::get(Int8Ty, 1)), Slot);
  setNoSanitize(Old);
  setNoSanitize(Store);
}

bool cfuzz::CoverageInstrumenter::instrumentFunction(
    Function &F, const DominatorTree &DT, const PostDominatorTree &PDT) {
  SmallVector<BasicBlock *, 16> Blocks;
  SmallVector<SelectInst *, 8> Selects;
  for (BasicBlock &BB : F) {
    if (shouldInstrumentBlock(F, BB, DT, PDT, Opts.Prune))
      Blocks.push_back(&BB);
    if (!Opts.Selects)
      continue;
    // A select is a branch the optimizer folded away (`c ? a : b`, `&&`):
    // counting its sides gives it the edge coverage it had as a branch.
    for (Instruction &I : BB)
      if (auto *SI = dyn_cast<SelectInst>(&I))
        if (SI->getCondition()->getType()->isIntegerTy(1) &&
            !isa<Constant>(SI->getCondition()))
          Selects.push_back(SI);
  }
  if (Blocks.empty())
    return false;

  GlobalVariable *Counters = createArrayInSection(
      F, Int8Ty, Blocks.size() + 2 * Selects.size(), CountersSection);
  Counters->setAlignment(Align(1));
  // Same lists, same order: table pair I describes counter I.
  createPCTable(F, Blocks, Selects);
  for (size_t I = 0; I < Blocks.size(); ++I)
    injectCounterAtBlock(F, *Blocks[I], Counters, I);
  for (size_t I = 0; I < Selects.size(); ++I)
    injectCountersAtSelect(*Selects[I], Counters, Blocks.size() + 2 * I);
  return true;
}

void cfuzz::CoverageInstrumenter::createModuleConstructor() {
  LLVMContext &Ctx = M.getContext();
  Type *VoidTy = Type::getVoidTy(Ctx);
  FunctionType *InitTy = FunctionType::get(VoidTy, {PtrTy, PtrTy}, false);
  FunctionCallee CountersInit =
      M.getOrInsertFunction("__sanitizer_cov_8bit_counters_init", InitTy);
  FunctionCallee PCsInit = M.getOrInsertFunction("__sanitizer_cov_pcs_init", InitTy);

  Function *Ctor = Function::Create(FunctionType::get(VoidTy, false),
                                    GlobalValue::InternalLinkage,
                                    ConstructorName, M);
  Ctor->addFnAttr(Attribute::NoUnwind);
  IRBuilder<> IRB(BasicBlock::Create(Ctx, "", Ctor));
  auto Bounds = [&](Type *ElemTy, const char *Section) {
    Value *Start = getSectionBound(M, ElemTy, "__start_", Section);
    Value *Stop = getSectionBound(M, ElemTy, "__stop_", Section);
    return std::make_pair(IRB.CreatePointerCast(Start, PtrTy),
                          IRB.CreatePointerCast(Stop, PtrTy));
  };
  auto Cntrs = Bounds(Int8Ty, CountersSection);
  IRB.CreateCall(CountersInit, {Cntrs.first, Cntrs.second});
  auto PCs = Bounds(IntptrTy, PCsSection);
  IRB.CreateCall(PCsInit, {PCs.first, PCs.second});
  IRB.CreateRetVoid();

  // The bounds cover the whole linked image, so one call per image is
  // enough: a comdat keyed on the constructor keeps a single copy.
  Comdat *C = M.getOrInsertComdat(ConstructorName);
  Ctor->setComdat(C);
  appendToGlobalCtors(M, Ctor, ConstructorPriority, Ctor);
}

bool cfuzz::CoverageInstrumenter::finishModule() {
  if (CompilerUsed.empty() && LinkerUsed.empty())
    return false;
  createModuleConstructor();
  if (!CompilerUsed.empty())
    appendToCompilerUsed(M, CompilerUsed);
  if (!LinkerUsed.empty())
    appendToUsed(M, LinkerUsed);
  return true;
}
