//===- Coverage.h - Inline 8-bit counters and the PC table ------*- C++ -*-===//
//
// Emits the SanitizerCoverage inline-8bit-counters + pc-table ABI: one
// counter per chosen block (and, with the `selects` option, two per scalar
// select: one per side) in __sancov_cntrs, one {pc, flags} pair per counter
// in __sancov_pcs, and a module constructor that hands both ranges to the
// runtime.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_COVERAGE_H
#define CFUZZ_PASS_COVERAGE_H

#include "Options.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"

namespace llvm {
class BasicBlock;
class DominatorTree;
class GlobalValue;
class GlobalVariable;
class Instruction;
class Module;
class PostDominatorTree;
class SelectInst;
class Type;
} // namespace llvm

namespace cfuzz {

inline constexpr const char *CountersSection = "__sancov_cntrs";
inline constexpr const char *PCsSection = "__sancov_pcs";

/// Whether BB needs a counter of its own: false for blocks that only hold
/// unreachable, for blocks without an insertion point, and (when Prune is
/// set) for blocks whose execution follows from another counted block.
bool shouldInstrumentBlock(const llvm::Function &F, const llvm::BasicBlock &BB,
                           const llvm::DominatorTree &DT,
                           const llvm::PostDominatorTree &PDT, bool Prune);

/// The entry-block insertion point after the static allocas that start at
/// IP, so that they stay at the top where later passes expect them.
llvm::BasicBlock::iterator skipStaticAllocas(llvm::BasicBlock &BB,
                                             llvm::BasicBlock::iterator IP);

/// Marks an instrumentation load or store !nosanitize: the instrumentation's
/// memory accesses are racy by design, and sanitizers must not report them.
void setNoSanitize(llvm::Instruction *I);

/// Splits F's critical edges so that a counter in the new block counts the
/// edge (edge coverage). Returns true if F changed.
bool splitCriticalEdgesForCoverage(llvm::Function &F);

/// Instruments functions of one module, then emits the module constructor.
class CoverageInstrumenter {
public:
  CoverageInstrumenter(llvm::Module &M, const Options &Opts);

  /// Adds counters and PC entries to F, whose critical edges must already be
  /// split, with DT and PDT computed on that CFG. Returns true if F changed.
  bool instrumentFunction(llvm::Function &F, const llvm::DominatorTree &DT,
                          const llvm::PostDominatorTree &PDT);

  /// Emits the constructor and keeps the arrays alive. Call once, after all
  /// functions. Returns true if anything was emitted.
  bool finishModule();

private:
  llvm::GlobalVariable *createArrayInSection(llvm::Function &F,
                                             llvm::Type *ElemTy, size_t N,
                                             const char *Section);
  llvm::GlobalVariable *
  createPCTable(llvm::Function &F, llvm::ArrayRef<llvm::BasicBlock *> Blocks,
                llvm::ArrayRef<llvm::SelectInst *> Selects);
  void injectCounterAtBlock(llvm::Function &F, llvm::BasicBlock &BB,
                            llvm::GlobalVariable *Counters, size_t Index);
  void injectCountersAtSelect(llvm::SelectInst &SI,
                              llvm::GlobalVariable *Counters, size_t Index);
  void createModuleConstructor();

  llvm::Module &M;
  const Options &Opts;
  llvm::Type *Int8Ty;
  llvm::Type *IntptrTy;
  llvm::Type *PtrTy;
  /// Arrays in a comdat: the linker keeps or drops them with their function.
  llvm::SmallVector<llvm::GlobalValue *, 32> CompilerUsed;
  /// Arrays without a comdat (unnamed functions): the linker must keep them.
  llvm::SmallVector<llvm::GlobalValue *, 4> LinkerUsed;
};

} // namespace cfuzz

#endif
