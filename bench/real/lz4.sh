# package: lz4
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# lz4's own ossfuzz/decompress_frame_fuzzer.c over the frame decoder, compiled
# as lz4's ossfuzz/Makefile compiles it for OSS-Fuzz: LZ4_DEBUG=1 turns the
# library's assert()s on, whose edges a fuzzer is then rewarded for.
sources=(lib/lz4.c lib/lz4frame.c lib/lz4hc.c lib/xxhash.c ossfuzz/lz4_helpers.c ossfuzz/fuzz_data_producer.c)
includes=(lib ossfuzz)
defines=(-DLZ4_DEBUG=1 -DXXH_NAMESPACE=LZ4_ -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
harness=ossfuzz/decompress_frame_fuzzer.c
make_seeds() { printf 'lz4 seed: hello hello hello fuzz\n' | lz4 -q -c > "$1/hello.lz4"; }
