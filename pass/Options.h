//===- Options.h - What the cfuzz pass instruments --------------*- C++ -*-===//
//
// One struct filled once per pass run and passed down; helpers never read
// global flags. Options.cpp fills it from the CFUZZ_PASS_OPTIONS environment
// variable and from cl::opt flags (the latter only reach the plugin when it is
// loaded early, e.g. with -Xclang -load).
//
//===----------------------------------------------------------------------===//
#ifndef CFUZZ_PASS_OPTIONS_H
#define CFUZZ_PASS_OPTIONS_H

namespace cfuzz {

struct Options {
  bool Coverage = true;     ///< inline 8-bit counters + PC table
  bool Prune = true;        ///< skip blocks that cannot add information
  bool Selects = false;     ///< a counter per side of each scalar select (experimental)
  bool TraceCmp = true;     ///< __sanitizer_cov_trace_{const_,}cmp{1,2,4,8}
  bool TraceSwitch = true;  ///< __sanitizer_cov_trace_switch
  bool TraceStrcmp = true;  ///< __sanitizer_weak_hook_* for memcmp/strcmp & co
  bool TraceFcmp = true;    ///< __cfuzz_trace_fcmp{4,8} (extern_weak)
  bool TraceDiv = false;    ///< __sanitizer_cov_trace_div{4,8} (experimental)
  bool TraceGep = false;    ///< __sanitizer_cov_trace_gep (experimental)
  bool SplitCmp = false;    ///< laf-intel style byte-wise compare cascades
  bool StackDepth = false;  ///< lowest frame address in __sancov_lowest_stack
  bool LoopWork = true;     ///< loop header executions in __cfuzz_loop_iterations
};

/// Options as set by the environment and the command line. Malformed settings
/// are reported once on stderr and ignored.
Options readOptions();

} // namespace cfuzz

#endif
