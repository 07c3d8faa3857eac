//===- Compat.h - The one place LLVM version differences live ---*- C++ -*-===//
//
// cfuzz builds against LLVM 14, 19 and 22. Every API that moved or changed
// between those is wrapped here so the rest of the pass reads as plain LLVM
// code; no other file tests LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_COMPAT_H
#define CFUZZ_PASS_COMPAT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"

// PassPlugin.h moved from Passes/ to Plugins/ in LLVM 22.
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

// Triple.h moved from ADT/ to TargetParser/ in LLVM 17.
#if LLVM_VERSION_MAJOR >= 17
#include "llvm/TargetParser/Triple.h"
#else
#include "llvm/ADT/Triple.h"
#endif

// EHPersonalities.h moved from Analysis/ to IR/ in LLVM 17.
#if LLVM_VERSION_MAJOR >= 17
#include "llvm/IR/EHPersonalities.h"
#else
#include "llvm/Analysis/EHPersonalities.h"
#endif

#include <functional>

namespace cfuzz {
namespace compat {

/// The generic data pointer type: i8* with typed pointers (LLVM 14), ptr
/// otherwise. Type::getInt8PtrTy was removed in LLVM 18.
inline llvm::PointerType *getBytePtrTy(llvm::LLVMContext &Ctx) {
#if LLVM_VERSION_MAJOR >= 15
  return llvm::PointerType::getUnqual(Ctx);
#else
  return llvm::Type::getInt8PtrTy(Ctx);
#endif
}

/// Module::getTargetTriple returns a Triple since LLVM 21, a string before.
inline llvm::Triple getTargetTriple(const llvm::Module &M) {
  return llvm::Triple(M.getTargetTriple());
}

/// StringRef::startswith was renamed starts_with (LLVM 16) and the old name
/// removed later.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.size() >= Prefix.size() && S.substr(0, Prefix.size()) == Prefix;
}

/// Adds a callback at the optimizer-last extension point, where clang runs its
/// own SanitizerCoverage. LLVM 20 added the ThinOrFullLTOPhase argument; the
/// callback gets it as "is this the ThinLTO post-link compile", the one phase
/// where the pre-link compile has already instrumented the module.
inline void registerOptimizerLast(
    llvm::PassBuilder &PB,
    std::function<void(llvm::ModulePassManager &, llvm::OptimizationLevel,
                       bool IsThinLTOPostLink)>
        CB) {
#if LLVM_VERSION_MAJOR >= 20
  PB.registerOptimizerLastEPCallback(
      [CB](llvm::ModulePassManager &MPM, llvm::OptimizationLevel Level,
           llvm::ThinOrFullLTOPhase Phase) {
        CB(MPM, Level, Phase == llvm::ThinOrFullLTOPhase::ThinLTOPostLink);
      });
#else
  PB.registerOptimizerLastEPCallback(
      [CB](llvm::ModulePassManager &MPM, llvm::OptimizationLevel Level) {
        CB(MPM, Level, false);
      });
#endif
}

} // namespace compat
} // namespace cfuzz

#endif
