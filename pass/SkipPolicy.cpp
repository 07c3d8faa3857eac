//===- SkipPolicy.cpp - Which functions cfuzz leaves alone ----------------===//
//
// Reads opt-outs ourselves instead of relying on clang: clang writes
// nosanitize_coverage only when -fsanitize-coverage is on, LLVM's own
// SanitizerCoverage ignores disable_sanitizer_instrumentation before LLVM 19,
// and annotate() lives only in llvm.global.annotations, which inlining and
// dead-code elimination do not keep in step with the functions.
//
//===----------------------------------------------------------------------===//
#include "SkipPolicy.h"

#include "Compat.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

/// The C string a constant points to, looking through casts and zero GEPs
/// (typed-pointer modules wrap annotation strings in both).
StringRef getConstantString(const Value *V) {
  const auto *GV = dyn_cast<GlobalVariable>(V->stripPointerCasts());
  if (!GV || !GV->hasInitializer())
    return StringRef();
  const auto *Data = dyn_cast<ConstantDataSequential>(GV->getInitializer());
  if (!Data || !Data->isString())
    return StringRef();
  return Data->isCString() ? Data->getAsCString() : Data->getAsString();
}

/// Sets cfuzz-disable on every function llvm.global.annotations marks with
/// DisableAnnotation. Each entry is {function, string, file, line[, args]}.
bool attributeAnnotatedFunctions(Module &M) {
  GlobalVariable *Annotations = M.getNamedGlobal("llvm.global.annotations");
  if (!Annotations || !Annotations->hasInitializer())
    return false;
  const auto *Entries = dyn_cast<ConstantArray>(Annotations->getInitializer());
  if (!Entries)
    return false;
  bool Changed = false;
  for (const Use &EntryUse : Entries->operands()) {
    const auto *Entry = dyn_cast<ConstantStruct>(EntryUse.get());
    if (!Entry || Entry->getNumOperands() < 2)
      continue;
    auto *F = dyn_cast<Function>(Entry->getOperand(0)->stripPointerCasts());
    if (!F || getConstantString(Entry->getOperand(1)) != cfuzz::DisableAnnotation)
      continue;
    if (!F->hasFnAttribute(cfuzz::DisableAttrName)) {
      F->addFnAttr(cfuzz::DisableAttrName);
      Changed = true;
    }
  }
  return Changed;
}

/// Marks F's calls noinline so that the callees keep their own bodies, and
/// with them their counters.
bool keepCalleesOutOf(Function &F) {
  bool Changed = false;
  for (Instruction &I : instructions(F)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB || isa<IntrinsicInst>(CB) || CB->isInlineAsm() || CB->isNoInline())
      continue;
    // musttail calls must stay as they are; they cannot be inlined away
    // without the callee's body anyway.
    if (auto *CI = dyn_cast<CallInst>(CB); CI && CI->isMustTailCall())
      continue;
    // always_inline promises inlining: glibc's fortify wrappers, for one,
    // are gnu_inline bodies that may have no out-of-line definition.
    if (const Function *Callee = CB->getCalledFunction())
      if (Callee->hasFnAttribute(Attribute::AlwaysInline))
        continue;
    CB->setIsNoInline();
    Changed = true;
  }
  return Changed;
}

/// Names of code that must never be instrumented: the sanitizer callbacks
/// (instrumenting them would recurse) and cfuzz's own helpers and
/// constructor.
bool isRuntimeName(StringRef Name) {
  return cfuzz::compat::startsWith(Name, "__sanitizer_") ||
         cfuzz::compat::startsWith(Name, "__cfuzz_") ||
         cfuzz::compat::startsWith(Name, "cfuzz.") ||
         Name.contains(".module_ctor");
}

} // namespace

bool cfuzz::isDisabledByUser(const Function &F) {
  return F.hasFnAttribute(DisableAttrName) ||
         F.hasFnAttribute(Attribute::DisableSanitizerInstrumentation) ||
         F.hasFnAttribute(Attribute::NoSanitizeCoverage);
}

bool cfuzz::markDisabledFunctions(Module &M) {
  bool Changed = attributeAnnotatedFunctions(M);
  for (Function &F : M)
    if (!F.isDeclaration() && isDisabledByUser(F))
      Changed |= keepCalleesOutOf(F);
  return Changed;
}

bool cfuzz::shouldInstrumentFunction(const Function &F) {
  if (F.isDeclaration() || F.empty())
    return false;
  // The real body is elsewhere and is instrumented there.
  if (F.hasAvailableExternallyLinkage())
    return false;
  // A naked function is raw assembly; code before it would break its ABI.
  if (F.hasFnAttribute(Attribute::Naked))
    return false;
  if (isRuntimeName(F.getName()) || isDisabledByUser(F))
    return false;
  // A function that traps at once has no coverage worth counting.
  if (isa<UnreachableInst>(F.getEntryBlock().getTerminator()))
    return false;
  // Splitting edges breaks WinEH's pattern matching of SEH personalities.
  if (F.hasPersonalityFn() &&
      isAsynchronousEHPersonality(classifyEHPersonality(F.getPersonalityFn())))
    return false;
  return true;
}

bool cfuzz::markOptForFuzzing(Module &M) {
  bool Changed = false;
  for (Function &F : M)
    if (!F.isDeclaration() && !isDisabledByUser(F) &&
        !F.hasFnAttribute(Attribute::OptForFuzzing)) {
      F.addFnAttr(Attribute::OptForFuzzing);
      Changed = true;
    }
  return Changed;
}

PreservedAnalyses cfuzz::MarkDisabledPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  bool Changed = markDisabledFunctions(M);
  Changed |= markOptForFuzzing(M);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
