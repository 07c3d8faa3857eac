//===- CompareTracing.cpp - Comparison and switch tracing -----------------===//
//
// Placeholder until comparison tracing lands (issue 5).
//
//===----------------------------------------------------------------------===//
#include "CompareTracing.h"

using namespace llvm;

bool cfuzz::injectCompareTracing(Function &, const Options &,
                                 const DominatorTree &,
                                 const PostDominatorTree &) {
  return false;
}
