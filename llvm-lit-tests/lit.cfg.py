# lit configuration of the cfuzz pass tests. Every subfolder is a test folder,
# including compare/ (comparison tracing). Inputs/ folders hold helper files.
#
# Substitutions (use these, never hard-coded paths):
#   %clang, %clangxx, %opt              tools of the LLVM the plugin was built for
#                                       (its bin/ is first in PATH, so FileCheck, not, count)
#   %plugin                             path of cfuzzpass.so
#   %opt_cfuzz                          opt -load-pass-plugin=%plugin -passes=cfuzz -S
#                                       (add the input file; output goes to stdout)
#   %clang_cfuzz, %clangxx_cfuzz        clang(++) for x86_64 Linux with -fpass-plugin=%plugin
#                                       -S -emit-llvm (add -O level, input and -o -)
#   %llc                                llc of the same LLVM (machine-code smoke checks)
#   %verify                             opt -passes=verify -disable-output (add the file)
#   %cfuzz_include                      -I for the public header cfuzz.h
#   %ptr_prefixes                       --check-prefixes=CHECK,TYPED (LLVM 14) or
#                                       CHECK,OPAQUE (19, 22): FileCheck once for
#                                       both pointer styles
# Pass options: prefix the command with `env CFUZZ_PASS_OPTIONS=name=0,...`.
#
# Features: llvm14 / llvm19 / llvm22, typed-pointers (14) / opaque-pointers.
# .ll inputs may use typed-pointer syntax: 19 and 22 read it as `ptr`.
import os

import lit.formats

config.name = "cfuzz-pass-llvm%d" % config.llvm_version_major
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".ll", ".c", ".cpp"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]

# Keep the user's own CFUZZ_PASS_OPTIONS out of the tests.
config.environment.pop("CFUZZ_PASS_OPTIONS", None)

if not os.path.exists(config.plugin):
    lit_config.fatal("%s is not built; run `cmake --build <build dir> --target cfuzzpass` first"
                     % config.plugin)

target = "--target=x86_64-unknown-linux-gnu"
plugin = config.plugin
include = "-I" + os.path.join(config.cfuzz_source_dir, "runtime", "include")

config.substitutions.append(("%opt_cfuzz", "%s -load-pass-plugin=%s -passes=cfuzz -S" % (config.opt, plugin)))
config.substitutions.append(("%clangxx_cfuzz", "%s %s -fpass-plugin=%s -S -emit-llvm" % (config.clangxx, target, plugin)))
config.substitutions.append(("%clang_cfuzz", "%s %s -fpass-plugin=%s -S -emit-llvm" % (config.clang, target, plugin)))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%opt", config.opt))
config.substitutions.append(("%llc", os.path.join(os.path.dirname(config.opt), "llc")))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%cfuzz_include", include))
config.substitutions.append(("%verify", "%s -passes=verify -disable-output" % config.opt))
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), config.environment.get("PATH", "")])

config.available_features.add("llvm%d" % config.llvm_version_major)
if config.llvm_version_major < 15:
    config.available_features.add("typed-pointers")
    config.substitutions.append(("%ptr_prefixes", "--check-prefixes=CHECK,TYPED"))
else:
    config.available_features.add("opaque-pointers")
    config.substitutions.append(("%ptr_prefixes", "--check-prefixes=CHECK,OPAQUE"))
