//===- StringCompareHooks.cpp - memcmp/strcmp family reporting ------------===//
//
// After each call to a string or memory compare function, calls
//   __sanitizer_weak_hook_<fn>(caller_pc, <the call's arguments>, result)
// with the ABI that libFuzzer and the sanitizer interceptors use. This needs
// no interceptor and no LD_PRELOAD: the compiler sees the call, so it reports
// it. The original call and its result are left untouched.
//
// Calling a weak function that the final link left undefined would jump to
// address 0, and a null check would need a branch, i.e. a new basic block,
// which the coverage step forbids. So the callee is
//   select (@hook != null), @hook, @cfuzz.nohook.<fn>
// where cfuzz.nohook.<fn> is an internal function with the same signature
// that returns at once.
//
// caller_pc: libFuzzer uses it only as a hash key, so any value that is
// stable and distinct per call site works. We pass the address of the
// enclosing function plus the call site's index within it: no blockaddress
// (which would pin blocks), no llvm.returnaddress (which names the caller's
// caller, the same for every site), and the value lies in the module's code,
// so it is stable relative to the module base.
//
//===----------------------------------------------------------------------===//
#include "StringCompareHooks.h"
#include "Compat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

/// The argument lists of the functions we recognise, and of their hooks.
enum class Shape {
  CompareN, ///< int f(const void *, const void *, size_t)
  Compare,  ///< int f(const char *, const char *)
  Find,     ///< char *f(const char *, const char *)
  MemFind,  ///< void *f(const void *, size_t, const void *, size_t)
};

struct StringFunction {
  const char *Name;
  const char *Hook;
  Shape S;
};

// bcmp has no hook of its own in the ABI; the sanitizer interceptors report
// it through the memcmp hook too, and only "equal or not" matters there.
const StringFunction StringFunctions[] = {
    {"memcmp", "__sanitizer_weak_hook_memcmp", Shape::CompareN},
    {"bcmp", "__sanitizer_weak_hook_memcmp", Shape::CompareN},
    {"strncmp", "__sanitizer_weak_hook_strncmp", Shape::CompareN},
    {"strncasecmp", "__sanitizer_weak_hook_strncasecmp", Shape::CompareN},
    {"strcmp", "__sanitizer_weak_hook_strcmp", Shape::Compare},
    {"strcasecmp", "__sanitizer_weak_hook_strcasecmp", Shape::Compare},
    {"strstr", "__sanitizer_weak_hook_strstr", Shape::Find},
    {"strcasestr", "__sanitizer_weak_hook_strcasestr", Shape::Find},
    {"memmem", "__sanitizer_weak_hook_memmem", Shape::MemFind},
};

/// True if CI's argument and return types fit Shape S, so that a program's
/// own function that merely shares a libc name is not misreported.
bool hasShape(const CallInst &CI, Shape S) {
  auto IsPtr = [&](unsigned I) {
    return CI.getArgOperand(I)->getType()->isPointerTy();
  };
  auto IsInt = [&](unsigned I) {
    return CI.getArgOperand(I)->getType()->isIntegerTy();
  };
  Type *Ret = CI.getType();
  switch (S) {
  case Shape::CompareN:
    return CI.arg_size() == 3 && IsPtr(0) && IsPtr(1) && IsInt(2) &&
           Ret->isIntegerTy();
  case Shape::Compare:
    return CI.arg_size() == 2 && IsPtr(0) && IsPtr(1) && Ret->isIntegerTy();
  case Shape::Find:
    return CI.arg_size() == 2 && IsPtr(0) && IsPtr(1) && Ret->isPointerTy();
  case Shape::MemFind:
    return CI.arg_size() == 4 && IsPtr(0) && IsInt(1) && IsPtr(2) && IsInt(3) &&
           Ret->isPointerTy();
  }
  return false;
}

/// The recognised libc function that CI calls directly, or null.
const StringFunction *recogniseStringCall(const CallInst &CI) {
  if (CI.isMustTailCall()) // nothing may follow a musttail call
    return nullptr;
  auto *Callee = dyn_cast<Function>(CI.getCalledOperand()->stripPointerCasts());
  if (!Callee)
    return nullptr;
  StringRef Name = Callee->getName();
  for (const StringFunction &SF : StringFunctions)
    if (Name == SF.Name)
      return hasShape(CI, SF.S) ? &SF : nullptr;
  return nullptr;
}

FunctionType *hookType(Module &M, Shape S) {
  LLVMContext &C = M.getContext();
  Type *Void = Type::getVoidTy(C);
  Type *Ptr = cfuzz::compat::getBytePtrTy(C);
  Type *Size = M.getDataLayout().getIntPtrType(C);
  Type *Int = Type::getInt32Ty(C);
  switch (S) {
  case Shape::CompareN:
    return FunctionType::get(Void, {Ptr, Ptr, Ptr, Size, Int}, false);
  case Shape::Compare:
    return FunctionType::get(Void, {Ptr, Ptr, Ptr, Int}, false);
  case Shape::Find:
    return FunctionType::get(Void, {Ptr, Ptr, Ptr, Ptr}, false);
  case Shape::MemFind:
    return FunctionType::get(Void, {Ptr, Ptr, Size, Ptr, Size, Ptr}, false);
  }
  llvm_unreachable("unknown shape");
}

/// The internal function that replaces an undefined hook: returns at once.
Function *getOrCreateNoHook(Module &M, StringRef Hook, FunctionType *Ty) {
  std::string Name = (cfuzz::NoHookPrefix + Hook).str();
  if (Function *F = M.getFunction(Name))
    return F;
  Function *F = Function::Create(Ty, GlobalValue::InternalLinkage, Name, &M);
  F->addFnAttr(Attribute::DisableSanitizerInstrumentation);
  F->addFnAttr(Attribute::NoUnwind);
  BasicBlock *BB = BasicBlock::Create(M.getContext(), "", F);
  ReturnInst::Create(M.getContext(), BB);
  return F;
}

void emitHookCall(Function &F, CallInst &CI, const StringFunction &SF,
                  unsigned SiteIndex) {
  Module &M = *F.getParent();
  LLVMContext &C = M.getContext();
  IRBuilder<> IRB(CI.getNextNode());
  IRB.SetCurrentDebugLocation(CI.getDebugLoc());
  if (!CI.getDebugLoc())
    if (DISubprogram *SP = F.getSubprogram())
      IRB.SetCurrentDebugLocation(DILocation::get(C, 0, 0, SP));

  Type *Ptr = cfuzz::compat::getBytePtrTy(C);
  Type *Size = M.getDataLayout().getIntPtrType(C);
  auto AsPtr = [&](Value *V) { return IRB.CreatePointerCast(V, Ptr); };
  auto AsSize = [&](Value *V) { return IRB.CreateZExtOrTrunc(V, Size); };

  Value *CallerPC =
      IRB.CreateConstGEP1_64(Type::getInt8Ty(C), AsPtr(&F), SiteIndex);
  SmallVector<Value *, 6> Args{CallerPC};
  switch (SF.S) {
  case Shape::CompareN:
    Args.append({AsPtr(CI.getArgOperand(0)), AsPtr(CI.getArgOperand(1)),
                 AsSize(CI.getArgOperand(2)),
                 IRB.CreateSExtOrTrunc(&CI, Type::getInt32Ty(C))});
    break;
  case Shape::Compare:
    Args.append({AsPtr(CI.getArgOperand(0)), AsPtr(CI.getArgOperand(1)),
                 IRB.CreateSExtOrTrunc(&CI, Type::getInt32Ty(C))});
    break;
  case Shape::Find:
    Args.append(
        {AsPtr(CI.getArgOperand(0)), AsPtr(CI.getArgOperand(1)), AsPtr(&CI)});
    break;
  case Shape::MemFind:
    Args.append({AsPtr(CI.getArgOperand(0)), AsSize(CI.getArgOperand(1)),
                 AsPtr(CI.getArgOperand(2)), AsSize(CI.getArgOperand(3)),
                 AsPtr(&CI)});
    break;
  }
  FunctionType *Ty = hookType(M, SF.S);
  Value *Callee = cfuzz::getWeakCallee(M, IRB, SF.Hook, Ty);
  CallInst *Hook = IRB.CreateCall(Ty, Callee, Args);
  Hook->setDoesNotThrow();
}

} // namespace

Value *cfuzz::getWeakCallee(Module &M, IRBuilder<> &IRB, StringRef Name,
                            FunctionType *Ty) {
  FunctionCallee Hook = M.getOrInsertFunction(Name, Ty);
  Value *HookV = Hook.getCallee();
  if (auto *HookF = dyn_cast<Function>(HookV))
    if (HookF->isDeclaration())
      HookF->setLinkage(GlobalValue::ExternalWeakLinkage);
  Function *NoHook = getOrCreateNoHook(M, Name, Ty);
  Value *NoHookV = IRB.CreatePointerCast(NoHook, HookV->getType());
  Value *Defined =
      IRB.CreateICmpNE(HookV, Constant::getNullValue(HookV->getType()));
  return IRB.CreateSelect(Defined, HookV, NoHookV);
}

bool cfuzz::injectStringCompareHooks(Function &F) {
  // Collect first: emitting adds calls that must not be looked at again.
  SmallVector<std::pair<CallInst *, const StringFunction *>, 8> Sites;
  for (BasicBlock &BB : F)
    for (Instruction &I : BB)
      if (auto *CI = dyn_cast<CallInst>(&I))
        if (const StringFunction *SF = recogniseStringCall(*CI))
          Sites.push_back({CI, SF});
  unsigned SiteIndex = 0;
  for (auto &Site : Sites)
    emitHookCall(F, *Site.first, *Site.second, SiteIndex++);
  return !Sites.empty();
}
