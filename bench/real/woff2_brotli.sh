# package: woff2
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir, $here, $cache and reads these
# woff2's harness as OSS-Fuzz and FuzzBench build it: Brotli's decoder compiled
# in with the same instrumentation (Debian's brotli source, the version of the
# system library). `woff2` keeps the system's uninstrumented libbrotlidec; this
# variant shows what each fuzzer makes of the decoder's coverage.
# shellcheck source=bench/real/woff2.sh
source "$here/real/woff2.sh"
libs=()
prepare() {
  local brotli
  brotli=$(compgen -G "$cache/brotli-[0-9]*" | head -1 || true)
  [ -d "$brotli" ] || { "$here/fetch.sh" brotli; brotli=$(compgen -G "$cache/brotli-[0-9]*" | head -1); }
  sources+=("$brotli"/c/common/*.c "$brotli"/c/dec/*.c)
  includes+=("$brotli/c/include")
}
