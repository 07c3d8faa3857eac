# package: libpng1.6
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# libpng's own contrib/oss-fuzz/libpng_read_fuzzer.cc (zlib from the system,
# uninstrumented for every fuzzer alike), configured as libpng's own
# contrib/oss-fuzz/build.sh (and so OSS-Fuzz and FuzzBench) configures it: the
# same three edits of scripts/pnglibconf.dfa. Turning STDIO off turns off
# CONSOLE_IO, so libpng does not print its warnings to stderr. The WARNING edit
# matches nothing in this version (the option is WARNINGS), upstream's too.
prepare() {
  sed -e "s/option STDIO/option STDIO disabled/" \
      -e "s/option WARNING /option WARNING disabled/" \
      -e "s/option WRITE enables WRITE_INT_FUNCTIONS/option WRITE disabled/" \
      scripts/pnglibconf.dfa > "$gen/pnglibconf.dfa"
  # What scripts/pnglibconf.mak does, with the edited .dfa.
  awk -f scripts/options.awk out="$gen/pnglibconf.pre" version=search pngconf.h "$gen/pnglibconf.dfa" \
    pngusr.dfa >/dev/null
  awk -f scripts/options.awk out="$gen/pnglibconf.dfn" "$gen/pnglibconf.pre" >/dev/null
  echo '#include "pnglibconf.dfn"' > "$gen/pnglibconf.c"
  clang-14 -E -I"$gen" -I. "$gen/pnglibconf.c" > "$gen/pnglibconf.out"
  awk -f scripts/dfn.awk out="$gen/pnglibconf.h" "$gen/pnglibconf.out" >/dev/null
  grep -q '^/\*#undef PNG_CONSOLE_IO_SUPPORTED\*/' "$gen/pnglibconf.h" ||
    { echo "libpng.sh: pnglibconf.h still has console output" >&2; return 1; }
}
sources=(png.c pngerror.c pngget.c pngmem.c pngpread.c pngread.c pngrio.c pngrtran.c pngrutil.c
         pngset.c pngtrans.c pngwio.c pngwrite.c pngwtran.c pngwutil.c)
includes=(.)
defines=(-DPNG_ARM_NEON_OPT=0)
libs=(-lz)
harness=contrib/oss-fuzz/libpng_read_fuzzer.cc
make_seeds() { cp "$src_dir"/contrib/pngsuite/basn0g01.png "$src_dir"/contrib/pngsuite/basn2c08.png "$1/"; }
