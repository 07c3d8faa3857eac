//===- SplitCompares.h - Byte-wise cascades for magic-value compares -*- C++
//-*-===//
//
// The split-cmp option (experimental, off by default): rewrites an equality
// compare of a 16-, 32- or 64-bit value against a constant into a cascade of
// one-byte compares, one block per byte, as AFL++'s laf-intel passes do, so
// that plain edge coverage rewards each correct byte and can climb to the
// magic value without any comparison feedback from the runtime.
//
// Unlike comparison tracing this adds basic blocks, so it must run before
// dominator trees are computed and before coverage decides its blocks.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_SPLITCOMPARES_H
#define CFUZZ_PASS_SPLITCOMPARES_H

namespace llvm {
class Function;
class ICmpInst;
} // namespace llvm

namespace cfuzz {

/// Whether Cmp is split: eq/ne of a 16/32/64-bit integer against a constant.
bool isSplittableCompare(const llvm::ICmpInst &Cmp);

/// Splits every splittable compare in F. Returns true if F changed (and its
/// CFG with it).
bool splitCompares(llvm::Function &F);

} // namespace cfuzz

#endif
