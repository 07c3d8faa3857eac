//===- Options.cpp - Fill cfuzz::Options from the environment and flags ---===//
//
// clang loads -fpass-plugin libraries after it has parsed -mllvm, so cl::opt
// flags declared here never see a plain `-mllvm -cfuzz-...`. The environment
// variable CFUZZ_PASS_OPTIONS therefore is the primary way to set options; the
// -cfuzz-options flag takes the same syntax and reaches the plugin when it is
// loaded early (`opt -load-pass-plugin`, `clang -Xclang -load -Xclang ...`).
//
// Syntax: comma-separated `name=value` items, value 1/0, on/off, true/false;
// a bare `name` means on. Later items win; the flag wins over the variable.
//
//===----------------------------------------------------------------------===//
#include "Options.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <string>

using namespace llvm;

namespace {

struct OptionInfo {
  const char *Name;
  bool cfuzz::Options::*Field;
  const char *Description;
};

// The one table of option names. docs/instrumentation.md lists the same.
const OptionInfo OptionTable[] = {
    {"coverage", &cfuzz::Options::Coverage,
     "inline 8-bit counters and the PC table (edge coverage)"},
    {"prune", &cfuzz::Options::Prune,
     "skip blocks whose coverage follows from other blocks"},
    {"selects", &cfuzz::Options::Selects,
     "count each side of a scalar select as an edge (experimental)"},
    {"trace-cmp", &cfuzz::Options::TraceCmp,
     "report integer comparison operands"},
    {"trace-switch", &cfuzz::Options::TraceSwitch,
     "report switch conditions and case values"},
    {"trace-strcmp", &cfuzz::Options::TraceStrcmp,
     "report memcmp/strcmp-family operands"},
    {"trace-fcmp", &cfuzz::Options::TraceFcmp,
     "report float and double comparison operands (cfuzz's own callback)"},
    {"trace-div", &cfuzz::Options::TraceDiv,
     "report divisors (experimental)"},
    {"trace-gep", &cfuzz::Options::TraceGep,
     "report array indices (experimental)"},
    {"split-cmp", &cfuzz::Options::SplitCmp,
     "split wide compares into byte-wise cascades (experimental)"},
    {"stack-depth", &cfuzz::Options::StackDepth,
     "record the deepest stack a run reaches (__sancov_lowest_stack; off by default)"},
    {"loop-work", &cfuzz::Options::LoopWork,
     "count loop iterations, the scheduler's measure of a run's cost (__cfuzz_loop_iterations)"},
};

// Created only if no other copy of the plugin (another path, same process)
// registered it first: LLVM aborts on a flag registered twice. A second copy
// then reads the environment variable only; the first copy's pass runs first
// and the module flag makes the second one a no-op anyway.
cl::opt<std::string> *createOptionsFlag() {
  if (cl::getRegisteredOptions().count("cfuzz-options"))
    return nullptr;
  return new cl::opt<std::string>(
      "cfuzz-options",
      cl::desc("cfuzz pass options, same syntax as CFUZZ_PASS_OPTIONS: "
               "coverage,prune,trace-cmp,trace-switch,trace-strcmp,trace-fcmp,trace-div,"
               "trace-gep,split-cmp,stack-depth,loop-work each =0 or =1"),
      cl::init(""));
}

// A static initialiser, so the flag exists as soon as the library is loaded
// (before the command line is parsed, when loaded with -load).
cl::opt<std::string> *const ClOptions = createOptionsFlag();

// Each distinct problem is reported once per process: the pass runs once per
// module and a warning per module would drown real diagnostics.
void warnOnce(const std::string &Message) {
  static SmallVector<std::string, 4> Seen;
  for (const std::string &S : Seen)
    if (S == Message)
      return;
  Seen.push_back(Message);
  errs() << "cfuzz: warning: " << Message << "\n";
}

bool parseBool(StringRef Value, bool &Out) {
  if (Value == "1" || Value == "on" || Value == "true" || Value == "yes") {
    Out = true;
    return true;
  }
  if (Value == "0" || Value == "off" || Value == "false" || Value == "no") {
    Out = false;
    return true;
  }
  return false;
}

void applySettings(StringRef Source, StringRef Text, cfuzz::Options &Opts) {
  SmallVector<StringRef, 8> Items;
  Text.split(Items, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty())
      continue;
    std::pair<StringRef, StringRef> NV = Item.split('=');
    StringRef Name = NV.first.trim();
    bool Value = true;
    if (Item.contains('=') && !parseBool(NV.second.trim(), Value)) {
      warnOnce((Source + ": bad value '" + NV.second + "' for '" + Name +
                "' (use 1 or 0); ignored")
                   .str());
      continue;
    }
    bool Known = false;
    for (const OptionInfo &Info : OptionTable) {
      if (Name == Info.Name) {
        Opts.*Info.Field = Value;
        Known = true;
      }
    }
    if (!Known) {
      std::string Names;
      for (const OptionInfo &Info : OptionTable)
        Names += std::string(Names.empty() ? "" : ", ") + Info.Name;
      warnOnce((Source + ": unknown option '" + Name + "' ignored (known: " +
                Names + ")")
                   .str());
    }
  }
}

} // namespace

cfuzz::Options cfuzz::readOptions() {
  Options Opts;
  if (const char *Env = std::getenv("CFUZZ_PASS_OPTIONS"))
    applySettings("CFUZZ_PASS_OPTIONS", Env, Opts);
  if (ClOptions && !ClOptions->empty())
    applySettings("-cfuzz-options", *ClOptions, Opts);
  return Opts;
}
