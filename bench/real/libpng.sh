# package: libpng1.6
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# libpng's own contrib/oss-fuzz/libpng_read_fuzzer.cc (zlib from the system,
# uninstrumented for every fuzzer alike).
prepare() { cp scripts/pnglibconf.h.prebuilt "$gen/pnglibconf.h"; }
sources=(png.c pngerror.c pngget.c pngmem.c pngpread.c pngread.c pngrio.c pngrtran.c pngrutil.c
         pngset.c pngtrans.c pngwio.c pngwrite.c pngwtran.c pngwutil.c)
includes=(.)
defines=(-DPNG_ARM_NEON_OPT=0)
libs=(-lz)
harness=contrib/oss-fuzz/libpng_read_fuzzer.cc
make_seeds() { cp "$src_dir"/contrib/pngsuite/basn0g01.png "$src_dir"/contrib/pngsuite/basn2c08.png "$1/"; }
