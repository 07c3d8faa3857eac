# package: libzstd
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir, $here and reads these
# zstd built without its run-time BMI2 dispatch (zstd's documented DYNAMIC_BMI2=0).
# The harness creates a decompression context per input, and creating one runs
# `cpuid`, which traps to the hypervisor on a VM and dominates every run of
# `zstd`. This variant removes that fixed cost so that the fuzzers' own cost per
# run can be compared; coverage is measured on `zstd`.
# shellcheck source=bench/real/zstd.sh
source "$here/real/zstd.sh"
defines+=(-DDYNAMIC_BMI2=0)
