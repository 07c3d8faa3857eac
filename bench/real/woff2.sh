# package: woff2
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# woff2's own src/convert_woff2ttf_fuzzer.cc over the WOFF2 decoder (Brotli
# from the system, uninstrumented for every fuzzer alike: libbrotli-dev).
sources=(src/woff2_dec.cc src/woff2_out.cc src/woff2_common.cc src/table_tags.cc src/variable_length.cc)
includes=(include src)
libs=(-lbrotlidec)
harness=src/convert_woff2ttf_fuzzer.cc
# Upstream ships no fonts: a bare WOFF2 header (signature, TrueType flavor,
# length 48, no tables) gives every fuzzer the magic number to start from.
make_seeds() {
  printf 'wOF2\000\001\000\000\000\000\000\060\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' > "$1/header.woff2"
}
