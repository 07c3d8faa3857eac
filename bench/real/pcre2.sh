# package: pcre2
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# pcre2's own src/pcre2_fuzzsupport.c: compiles the input as a pattern and
# matches it (8-bit library, no JIT, the generic config).
prepare() {
  cp src/config.h.generic "$gen/config.h"
  cp src/pcre2.h.generic "$gen/pcre2.h"
  cp src/pcre2_chartables.c.dist "$gen/pcre2_chartables.c"
}
sources=(src/pcre2_{auto_possess,compile,config,context,convert,dfa_match,error,extuni,find_bracket,maketables,match,match_data,newline,ord2utf,pattern_info,script_run,serialize,string_utils,study,substitute,substring,tables,ucd,valid_utf,xclass}.c
         "$gen/pcre2_chartables.c")
includes=(src)
defines=(-DHAVE_CONFIG_H -DPCRE2_CODE_UNIT_WIDTH=8 -DSUPPORT_UNICODE)
harness=src/pcre2_fuzzsupport.c
make_seeds() { printf '(a|b)*c[0-9]+\\d' > "$1/pattern"; }
