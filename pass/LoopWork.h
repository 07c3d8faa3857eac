//===- LoopWork.h - Count loop iterations for the scheduler -----*- C++ -*-===//
//
// The loop-work option (on by default): the header of every natural loop
// adds one to __cfuzz_loop_iterations, so that the runtime can see what a
// run costs in loops that compare nothing it traces (a byte-copy loop that
// writes 500 KB). The scheduler weighs parents by that cost; comparisons
// alone made a 150-microsecond input look as cheap as a 12-microsecond one.
// It adds no blocks (a load, an add and a store), so it may run before or
// after any other step.
//
// The counter is a weak definition in every instrumented module, so that
// the code links without cfuzz's runtime too (libFuzzer's, or none); the
// runtime's strong definition wins when it is there.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_LOOPWORK_H
#define CFUZZ_PASS_LOOPWORK_H

namespace llvm {
class DominatorTree;
class Function;
} // namespace llvm

namespace cfuzz {

inline constexpr const char *LoopIterationsName = "__cfuzz_loop_iterations";

/// Counts every execution of F's loop headers (blocks that dominate one of
/// their predecessors). Returns true if F changed.
bool injectLoopWork(llvm::Function &F, const llvm::DominatorTree &DT);

} // namespace cfuzz

#endif
