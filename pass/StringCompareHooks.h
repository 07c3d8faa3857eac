//===- StringCompareHooks.h - memcmp/strcmp family reporting ----*- C++ -*-===//
//
// Calls to memcmp, bcmp, strcmp, strncmp, strcasecmp, strncasecmp, strstr,
// strcasestr and memmem are followed by a call to the matching
// __sanitizer_weak_hook_* so that a runtime can learn the operands the
// program compared its input against. The hooks are weak: a binary linked
// without a runtime that defines them still links and runs unchanged.
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_STRINGCOMPAREHOOKS_H
#define CFUZZ_PASS_STRINGCOMPAREHOOKS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/IRBuilder.h"

namespace llvm {
class Function;
class FunctionType;
class Module;
class Value;
} // namespace llvm

namespace cfuzz {

/// Prefix of the internal no-op functions that stand in for an undefined
/// weak hook. They carry disable_sanitizer_instrumentation so the driver
/// leaves them alone; the prefix lets tests and tools recognise them.
constexpr const char *NoHookPrefix = "cfuzz.nohook.";

/// Reports every recognised string/memory compare call in F to its weak hook.
/// Adds instructions only, never basic blocks. Returns true if F changed.
bool injectStringCompareHooks(llvm::Function &F);

/// The value to call for a callback that the final link may leave undefined
/// (declared extern_weak): `select (@Name != null), @Name, @cfuzz.nohook.Name`,
/// where the second is an internal no-op of the same type. No branch, so no
/// new basic block.
llvm::Value *getWeakCallee(llvm::Module &M, llvm::IRBuilder<> &IRB,
                           llvm::StringRef Name, llvm::FunctionType *Ty);

} // namespace cfuzz

#endif
