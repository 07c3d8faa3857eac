# package: libzstd
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# zstd's own tests/fuzz/simple_decompress.c over the decompressor.
# Sourced by build.sh in the unpacked source dir; $gen is a scratch include dir.
sources=(lib/common/*.c lib/decompress/*.c tests/fuzz/fuzz_helpers.c tests/fuzz/fuzz_data_producer.c)
includes=(lib lib/common tests/fuzz)
# No assembly Huffman decoder: every variant compiles the same C code.
defines=(-DZSTD_DISABLE_ASM -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
harness=tests/fuzz/simple_decompress.c
make_seeds() { printf 'zstd seed: hello hello hello fuzz\n' | zstd -q -c > "$1/hello.zst"; }
