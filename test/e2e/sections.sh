#!/bin/sh
# Usage: sections.sh LLVM_OBJDUMP BINARY
#
# The pass keeps counters and PC-table entries 1:1: one byte in
# __sancov_cntrs per instrumented block and one {pc, flags} pair (two
# pointers, 16 bytes on a 64-bit target) in __sancov_pcs. So the linked
# sections must be non-empty with sizes in ratio 1:16.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fail "usage: $0 LLVM_OBJDUMP BINARY"
objdump=$1 binary=$2

headers=$("$objdump" -h "$binary") || fail "$objdump -h $binary failed"
# Section table lines: "Idx Name Size VMA Type"; the size is hex.
size_of() {
  printf '%s\n' "$headers" | awk -v s="$1" '$2 == s { print $3; exit }'
}
cntrs=$(size_of __sancov_cntrs)
pcs=$(size_of __sancov_pcs)
[ -n "$cntrs" ] || fail "$binary has no __sancov_cntrs section"
[ -n "$pcs" ] || fail "$binary has no __sancov_pcs section"
cntrs=$((0x$cntrs))
pcs=$((0x$pcs))
[ "$cntrs" -gt 0 ] || fail "__sancov_cntrs is empty"
[ "$pcs" -eq $((cntrs * 16)) ] ||
  fail "__sancov_pcs is $pcs bytes, expected 16 x __sancov_cntrs ($cntrs bytes) = $((cntrs * 16))"
note "__sancov_cntrs $cntrs bytes, __sancov_pcs $pcs bytes (1:16)"
