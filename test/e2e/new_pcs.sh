#!/bin/sh
# Usage: new_pcs.sh CASE FUZZER DIR
#
# -print_pcs, -print_funcs and -exit_on_src_pos on FUZZER, built from
# targets/funcs.c with AddressSanitizer (CASE asan_*: functions and lines are
# named through the sanitizer's symbolizer) or without (CASE plain_*). The
# corpus starts with "A"; the fuzzer reaches reached_by_b by comparison-guided
# mutation within a few hundred runs.
set -eu
. "$(dirname "$0")/lib.sh"
case_args "$0" "$@"
cd "$dir"
# Each run starts from a fresh corpus holding "A".
fresh_corpus() {
  rm -rf corpus
  mkdir corpus
  printf 'A' >corpus/a
}
common="-workdir=$dir/w -artifact_prefix=$dir/ -seed=1 -max_len=2 -runs=3000 corpus"

case $case in
asan_print)
  # print_funcs=2 by default, as in libFuzzer; functions covered while loading
  # (reached_by_a) are not reported.
  fresh_corpus
  run_logged "$log" "$fuzzer" $common
  expect_status 0 asan_print "$log"
  expect_line '^	NEW_FUNC\[1/1\]: 0x[0-9a-f]+ in reached_by_b .*funcs\.c:12' "NEW_FUNC of reached_by_b" "$log"
  ! grep -q 'NEW_FUNC.*reached_by_a' "$log" || fail "a function covered while loading is reported"
  ! grep -q 'NEW_PC' "$log" || fail "NEW_PC without -print_pcs=1"
  fresh_corpus
  run_logged "$log" "$fuzzer" $common -print_funcs=0 -print_pcs=1
  expect_status 0 "-print_pcs=1" "$log"
  ! grep -q 'NEW_FUNC' "$log" || fail "NEW_FUNC with -print_funcs=0"
  expect_line '^	NEW_PC: 0x[0-9a-f]+ in reached_by_b .*funcs\.c:12' "NEW_PC in reached_by_b" "$log"
  # Each PC once: no address is printed twice.
  [ -z "$(sed -n 's/^	NEW_PC: \(0x[0-9a-f]*\).*/\1/p' "$log" | sort | uniq -d)" ] || fail "a PC reported twice"
  ;;
asan_exit_on_src_pos)
  for pos in funcs.c:12 reached_by_b; do
    fresh_corpus
    run_logged "$log" "$fuzzer" $common -exit_on_src_pos=$pos
    expect_status 0 "-exit_on_src_pos=$pos" "$log"
    expect_line "^INFO: found line matching '$pos', exiting\.$" "-exit_on_src_pos=$pos" "$log"
    ! grep -q '^Done 3000 runs' "$log" || fail "-exit_on_src_pos=$pos: ran to the run limit"
  done
  # Covered while loading: the run stops before fuzzing.
  fresh_corpus
  printf 'B' >corpus/b
  run_logged "$log" "$fuzzer" $common -exit_on_src_pos=reached_by_b
  expect_line "^INFO: found line matching 'reached_by_b', exiting\.$" "covered while loading" "$log"
  expect_line '^#2[[:space:]]+DONE ' "covered while loading" "$log"
  ;;
asan_focus)
  # -focus_function: found by name; of the corpus "A" and "B", the one that
  # reaches it counts, at INITED and in status lines (libFuzzer's lines).
  fresh_corpus
  printf 'B' >corpus/b
  run_logged "$log" "$fuzzer" $common -focus_function=reached_by_b
  expect_status 0 asan_focus "$log"
  expect_line "^INFO: Focus function is set to 'reached_by_b'$" asan_focus "$log"
  expect_line '^INFO: 1/2 inputs touch the focus function$' asan_focus "$log"
  expect_line '^#[0-9]+[[:space:]]+DONE .* corp: [0-9]+/[0-9]+b focus: [1-9][0-9]* ' "focus: in DONE" "$log"
  fresh_corpus
  run_logged "$log" "$fuzzer" $common
  ! grep -q 'focus' "$log" || fail "focus lines without -focus_function"
  fresh_corpus
  run_logged "$log" "$fuzzer" $common -focus_function=no_such_function
  expect_status 1 "unknown focus function" "$log"
  expect_line '^ERROR: Failed to set focus function\. .*\(no_such_function\)' "unknown focus function" "$log"
  fresh_corpus
  run_logged "$log" "$fuzzer" $common -focus_function=auto
  expect_status 0 "-focus_function=auto" "$log"
  expect_line 'focus_function=auto needs data-flow traces.*ignored' "-focus_function=auto" "$log"
  ;;
plain)
  # No sanitizer: addresses only, and -exit_on_src_pos is refused plainly.
  fresh_corpus
  run_logged "$log" "$fuzzer" $common -print_pcs=1 -exit_on_src_pos=reached_by_b
  expect_status 0 plain "$log"
  expect_line '^	NEW_PC: 0x[0-9a-f]+$' "NEW_PC address" "$log"
  expect_line '^	NEW_FUNC\[1/1\]: 0x[0-9a-f]+$' "NEW_FUNC address" "$log"
  expect_line 'exit_on_src_pos needs a sanitizer' "-exit_on_src_pos warned" "$log"
  expect_line '^Done 3000 runs' "-exit_on_src_pos ignored" "$log"
  # -focus_function cannot find names either: libFuzzer's error, and why.
  fresh_corpus
  run_logged "$log" "$fuzzer" $common -focus_function=reached_by_b
  expect_status 1 "-focus_function without a symbolizer" "$log"
  expect_line '^ERROR: Failed to set focus function.*needs a sanitizer' "-focus_function without a symbolizer" "$log"
  ;;
*)
  fail "unknown case $case"
  ;;
esac
