# Runs before project(): decides which LLVM installation to use and, unless the
# user chose compilers, makes that LLVM's clang the C and C++ compiler.
#
# Inputs (cache): LLVM_DIR, CFUZZ_LLVM_VERSION. Output: CFUZZ_LLVM_PREFIX.

set(CFUZZ_SUPPORTED_LLVM_VERSIONS 22 19 14)

set(CFUZZ_LLVM_VERSION "" CACHE STRING
    "LLVM major to build against (Debian's /usr/lib/llvm-N); empty = newest installed")

if(LLVM_DIR)
  # <prefix>/lib/cmake/llvm -> <prefix>
  get_filename_component(CFUZZ_LLVM_PREFIX "${LLVM_DIR}/../../.." ABSOLUTE)
elseif(CFUZZ_LLVM_VERSION)
  set(CFUZZ_LLVM_PREFIX "/usr/lib/llvm-${CFUZZ_LLVM_VERSION}")
  if(NOT EXISTS "${CFUZZ_LLVM_PREFIX}/lib/cmake/llvm/LLVMConfig.cmake")
    message(FATAL_ERROR
      "cfuzz: LLVM ${CFUZZ_LLVM_VERSION} not found at ${CFUZZ_LLVM_PREFIX}. "
      "Install it (apt-get install clang-${CFUZZ_LLVM_VERSION} llvm-${CFUZZ_LLVM_VERSION}-dev "
      "llvm-${CFUZZ_LLVM_VERSION}-tools libclang-rt-${CFUZZ_LLVM_VERSION}-dev) or pass -DLLVM_DIR=...")
  endif()
else()
  foreach(v IN LISTS CFUZZ_SUPPORTED_LLVM_VERSIONS)
    if(EXISTS "/usr/lib/llvm-${v}/lib/cmake/llvm/LLVMConfig.cmake")
      set(CFUZZ_LLVM_PREFIX "/usr/lib/llvm-${v}")
      break()
    endif()
  endforeach()
  if(NOT CFUZZ_LLVM_PREFIX)
    message(FATAL_ERROR
      "cfuzz: no supported LLVM (${CFUZZ_SUPPORTED_LLVM_VERSIONS}) found under /usr/lib/llvm-N. "
      "Install e.g. clang-14 llvm-14-dev llvm-14-tools libclang-rt-14-dev, or pass -DLLVM_DIR=...")
  endif()
endif()
set(CFUZZ_LLVM_PREFIX "${CFUZZ_LLVM_PREFIX}" CACHE PATH "Root of the LLVM installation in use" FORCE)
set(LLVM_DIR "${CFUZZ_LLVM_PREFIX}/lib/cmake/llvm" CACHE PATH "LLVM CMake package directory")

if(NOT CMAKE_C_COMPILER AND NOT DEFINED ENV{CC} AND EXISTS "${CFUZZ_LLVM_PREFIX}/bin/clang")
  set(CMAKE_C_COMPILER "${CFUZZ_LLVM_PREFIX}/bin/clang")
endif()
if(NOT CMAKE_CXX_COMPILER AND NOT DEFINED ENV{CXX} AND EXISTS "${CFUZZ_LLVM_PREFIX}/bin/clang++")
  set(CMAKE_CXX_COMPILER "${CFUZZ_LLVM_PREFIX}/bin/clang++")
endif()
