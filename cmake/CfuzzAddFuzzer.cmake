# cfuzz_add_fuzzer(NAME SOURCES src... [LINK_LIBRARIES lib...] [NO_MAIN])
#
# Builds NAME as a fuzzer: SOURCES are compiled with the cfuzz pass plugin and
# the executable is linked with libcfuzz (which provides main; NO_MAIN links
# the variant without main, for programs that have their own).
#
# Used both in this source tree and from the installed package; the caller sets
# CFUZZ_PLUGIN_TARGET, CFUZZ_RUNTIME_TARGET and CFUZZ_RUNTIME_NOMAIN_TARGET.
# The compiler must be a clang of the same major as the plugin.
function(cfuzz_add_fuzzer name)
  cmake_parse_arguments(ARG "NO_MAIN" "" "SOURCES;LINK_LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "cfuzz_add_fuzzer(${name}): SOURCES is required")
  endif()
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang" AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "cfuzz_add_fuzzer(${name}): the cfuzz pass plugin needs clang")
  endif()
  set(plugin "$<TARGET_FILE:${CFUZZ_PLUGIN_TARGET}>")
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE "-fpass-plugin=${plugin}")
  # Recompile the fuzzer's sources when the plugin changes. OBJECT_DEPENDS
  # takes no generator expressions before CMake 3.27 (Debian 12 has 3.25), so
  # name the in-tree plugin by its plain path.
  get_target_property(_imported ${CFUZZ_PLUGIN_TARGET} IMPORTED)
  if(NOT _imported)
    add_dependencies(${name} ${CFUZZ_PLUGIN_TARGET})
    get_target_property(_dir ${CFUZZ_PLUGIN_TARGET} LIBRARY_OUTPUT_DIRECTORY)
    if(NOT _dir)
      get_target_property(_dir ${CFUZZ_PLUGIN_TARGET} BINARY_DIR)
    endif()
    get_target_property(_out ${CFUZZ_PLUGIN_TARGET} OUTPUT_NAME)
    if(NOT _out)
      set(_out ${CFUZZ_PLUGIN_TARGET})
    endif()
    set_source_files_properties(${ARG_SOURCES} TARGET_DIRECTORY ${name}
      PROPERTIES OBJECT_DEPENDS "${_dir}/${_out}${CMAKE_SHARED_MODULE_SUFFIX}")
  endif()
  if(ARG_NO_MAIN)
    target_link_libraries(${name} PRIVATE ${CFUZZ_RUNTIME_NOMAIN_TARGET})
  else()
    target_link_libraries(${name} PRIVATE ${CFUZZ_RUNTIME_TARGET})
  endif()
  if(ARG_LINK_LIBRARIES)
    target_link_libraries(${name} PRIVATE ${ARG_LINK_LIBRARIES})
  endif()
endfunction()
