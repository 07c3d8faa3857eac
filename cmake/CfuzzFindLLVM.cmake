# Finds the LLVM package chosen by CfuzzSelectLLVM and the tools of the same
# major that the build and the tests need.
#
# Sets: LLVM_VERSION_MAJOR, CFUZZ_LLVM_CXXFLAGS (list, from llvm-config),
#       CFUZZ_CLANG, CFUZZ_CLANGXX, CFUZZ_OPT, CFUZZ_FILECHECK, CFUZZ_LIT (command list),
#       CFUZZ_LLVM_OBJDUMP, CFUZZ_LLVM_CONFIG.

find_package(LLVM REQUIRED CONFIG PATHS "${LLVM_DIR}" NO_DEFAULT_PATH)
message(STATUS "cfuzz: LLVM ${LLVM_PACKAGE_VERSION} at ${CFUZZ_LLVM_PREFIX}")

list(FIND CFUZZ_SUPPORTED_LLVM_VERSIONS "${LLVM_VERSION_MAJOR}" _cfuzz_supported)
if(_cfuzz_supported EQUAL -1)
  message(WARNING "cfuzz: LLVM ${LLVM_VERSION_MAJOR} is not one of the supported majors "
                  "(${CFUZZ_SUPPORTED_LLVM_VERSIONS}); the build may fail")
endif()

set(_cfuzz_bin "${LLVM_TOOLS_BINARY_DIR}")
function(cfuzz_find_llvm_tool var name)
  find_program(${var} NAMES ${name} ${name}-${LLVM_VERSION_MAJOR}
               PATHS "${_cfuzz_bin}" "${CFUZZ_LLVM_PREFIX}/bin" NO_DEFAULT_PATH)
  if(NOT ${var})
    message(FATAL_ERROR "cfuzz: ${name} not found for LLVM ${LLVM_VERSION_MAJOR} in ${_cfuzz_bin} "
                        "(Debian: apt-get install clang-${LLVM_VERSION_MAJOR} llvm-${LLVM_VERSION_MAJOR}-tools)")
  endif()
endfunction()

cfuzz_find_llvm_tool(CFUZZ_LLVM_CONFIG llvm-config)
cfuzz_find_llvm_tool(CFUZZ_CLANG clang)
cfuzz_find_llvm_tool(CFUZZ_CLANGXX clang++)
cfuzz_find_llvm_tool(CFUZZ_OPT opt)
cfuzz_find_llvm_tool(CFUZZ_FILECHECK FileCheck)
cfuzz_find_llvm_tool(CFUZZ_LLVM_OBJDUMP llvm-objdump)

# Debian ships lit as build/utils/lit/lit.py (14, 19) or bin/lit (22).
find_program(CFUZZ_LIT_EXECUTABLE NAMES lit llvm-lit
             PATHS "${_cfuzz_bin}" "${CFUZZ_LLVM_PREFIX}/bin" NO_DEFAULT_PATH)
if(CFUZZ_LIT_EXECUTABLE)
  set(CFUZZ_LIT "${CFUZZ_LIT_EXECUTABLE}")
elseif(EXISTS "${CFUZZ_LLVM_PREFIX}/build/utils/lit/lit.py")
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(CFUZZ_LIT "${Python3_EXECUTABLE}" "${CFUZZ_LLVM_PREFIX}/build/utils/lit/lit.py")
else()
  message(FATAL_ERROR "cfuzz: lit not found for LLVM ${LLVM_VERSION_MAJOR} "
                      "(looked for bin/lit and build/utils/lit/lit.py under ${CFUZZ_LLVM_PREFIX})")
endif()

# The plugin must be compiled with the same flags as LLVM itself (RTTI and
# exceptions must match), so take them from llvm-config rather than guessing.
execute_process(COMMAND "${CFUZZ_LLVM_CONFIG}" --cxxflags
                OUTPUT_VARIABLE _cfuzz_cxxflags OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
separate_arguments(CFUZZ_LLVM_CXXFLAGS UNIX_COMMAND "${_cfuzz_cxxflags}")
# The project standard is C++17; drop llvm-config's own -std= (14 says c++14).
list(FILTER CFUZZ_LLVM_CXXFLAGS EXCLUDE REGEX "^-std=")
