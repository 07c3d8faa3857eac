//===- StackDepth.h - Record the deepest stack a run reaches ----*- C++ -*-===//
//
// The stack-depth option (off by default; docs/instrumentation.md says why):
// the entry of every function that calls another
// lowers the thread-local __sancov_lowest_stack to its frame address, as
// clang's -fsanitize-coverage=stack-depth does, so that the runtime can turn
// "how deep did this run recurse" into a feature. Hit counts cannot tell a
// recursion 200 levels deep from one 2,000 levels deep; this can.
//
// It adds no blocks (a min and a store, not a branch), so it may run before
// or after any other step; it must see the function before comparison
// tracing adds its calls, which would make every function look non-leaf.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_STACKDEPTH_H
#define CFUZZ_PASS_STACKDEPTH_H

namespace llvm {
class Function;
} // namespace llvm

namespace cfuzz {

inline constexpr const char *LowestStackName = "__sancov_lowest_stack";

/// Instruments F's entry unless F calls nothing (a leaf adds at most one
/// frame, which its caller's record already bounds). Returns true if F
/// changed.
bool injectStackDepthTracking(llvm::Function &F);

} // namespace cfuzz

#endif
