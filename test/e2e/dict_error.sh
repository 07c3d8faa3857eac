#!/bin/sh
# Usage: dict_error.sh FUZZER DIR
#
# -dict with a malformed file: exit 1 with one error line naming the file and
# the line; a missing file: exit 1 naming the file.
set -eu
. "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || fail "usage: $0 FUZZER DIR"
fuzzer=$1 dir=$2
fresh_dir "$dir"
printf '# ok so far\n"fine"\nname="bad\\q escape"\n' >"$dir/bad.dict"
run_logged "$dir/log" "$fuzzer" -runs=10 -workdir="$dir/work" -dict="$dir/bad.dict"
expect_status 1 "a malformed dictionary" "$dir/log"
expect_line "ERROR: cfuzz: .*bad\.dict:3: unknown escape" "error naming file and line" "$dir/log"
run_logged "$dir/log2" "$fuzzer" -runs=10 -workdir="$dir/work" -dict="$dir/missing.dict"
expect_status 1 "a missing dictionary" "$dir/log2"
expect_line "ERROR: cfuzz: cannot read dictionary '.*missing\.dict'" "error naming the file" "$dir/log2"
note "dictionary errors reported"
