#!/bin/sh
# Usage: tools.sh CASE FUZZER DIR
#
# libFuzzer's corpus and crash tools and command-line checks, on a
# libFuzzer-style FUZZER built from targets/letters.c (letters of "FUZZER" at
# their positions are separate branches; the bytes "!*" crash). Each CASE checks
# one behaviour: outcome files, exit status and libFuzzer's output lines.
set -eu
. "$(dirname "$0")/lib.sh"
case_args "$0" "$@"
cd "$dir"
# Each run keeps its work directory and artifacts here.
common="-workdir=$dir/w -artifact_prefix=$dir/"
# Runs that must not crash use -max_len=1: the comparison-guided mutations
# write "!*" within a few runs on some LLVM versions.

count_files() { find "$1" -type f | wc -l | tr -d ' '; }

case $case in
merge)
  mkdir T1 T2
  printf 'F.....' >T1/a
  printf '.U....' >T2/a
  printf 'F.....' >T2/b       # nothing new: T1/a has it
  printf '..Z...' >T2/c
  printf '.UZ...' >T2/d       # nothing new once .U.... and ..Z... are in
  run_logged "$log" "$fuzzer" $common -merge=1 T1 T2
  expect_status 0 merge "$log"
  expect_line '^MERGE-OUTER: 5 files, 1 in the initial corpus' merge "$log"
  expect_line '^MERGE-OUTER: 2 new files with [1-9][0-9]* new features added' merge "$log"
  [ "$(count_files T1)" = 3 ] || fail "merge: T1 has $(count_files T1) files, expected 3"
  [ -f "T1/$(printf '.U....' | sha1sum | cut -c1-40)" ] || fail "merge: .U.... not added under its sha1"
  # T2 is unchanged, and a second merge adds nothing.
  [ "$(count_files T2)" = 4 ] || fail "merge: T2 changed"
  run_logged "$log" "$fuzzer" $common -merge=1 T1 T2
  expect_line '^MERGE-OUTER: 0 new files with 0 new features added' "second merge" "$log"
  # The temporary control file is gone.
  ! ls /tmp/libFuzzerTemp.Merge* 2>/dev/null | grep -q . || note "(other merges' control files in /tmp)"
  ;;
merge_crash)
  # A crashing input in a merged directory costs one restart of the child.
  mkdir T1 T2
  printf 'F.....' >T1/a
  printf '.U....' >T2/a
  printf '..!*..' >T2/b
  printf '..Z...' >T2/c
  run_logged "$log" "$fuzzer" $common -merge=1 T1 T2
  expect_status 0 merge_crash "$log"
  expect_line 'ERROR: libFuzzer: deadly signal' "the crash is reported" "$log"
  expect_line '^MERGE-OUTER: successful in 2 attempt\(s\)' merge_crash "$log"
  expect_line '^MERGE-OUTER: 2 new files with [1-9][0-9]* new features added' merge_crash "$log"
  [ "$(count_files T1)" = 3 ] || fail "merge_crash: T1 has $(count_files T1) files, expected 3"
  ! grep -rq '!\*' T1 || fail "merge_crash: the crashing input was merged"
  ;;
merge_resume)
  # A merge killed after its first input: the control file says so, and
  # the next merge with it runs only the rest.
  mkdir T1 T2
  printf 'F.....' >T1/a
  printf '.U....' >T2/a
  printf '..Z...' >T2/b
  mcf=$dir/mcf
  printf '3\n1\n%s\n%s\n%s\nSTARTED 0 6\n' "$dir/T1/a" "$dir/T2/a" "$dir/T2/b" >"$mcf"
  run_logged "$log" "$fuzzer" $common -merge=1 -merge_control_file="$mcf" T1 T2
  expect_status 0 merge_resume "$log"
  expect_line "^MERGE-OUTER: control file ok, 3 files total, first not processed file 1" merge_resume "$log"
  expect_line "^MERGE-OUTER: '$dir/T1/a' will be skipped as unlucky" merge_resume "$log"
  expect_line '^MERGE-INNER: 3 total files; 1 processed earlier; will process 2 files now' merge_resume "$log"
  [ "$(count_files T1)" = 3 ] || fail "merge_resume: T1 has $(count_files T1) files, expected 3"
  grep -q '^FT 2' "$mcf" || fail "merge_resume: no FT line for file 2 in the control file"
  # Run again, the finished control file is reused: T1 has grown since, so
  # the new files are merged anew, with the old ones' coverage known.
  run_logged "$log" "$fuzzer" $common -merge=1 -merge_control_file="$mcf" T1 T2
  expect_line '^MERGE-OUTER: starting merge from scratch, but reusing coverage information' "rerun" "$log"
  expect_line '^MERGE-OUTER: 0 new files with 0 new features added' "rerun" "$log"
  # With the directories as they were when it finished, there is nothing to do.
  rm "T1/$(printf '.U....' | sha1sum | cut -c1-40)" "T1/$(printf '..Z...' | sha1sum | cut -c1-40)"
  printf '3\n1\n%s\n%s\n%s\nSTARTED 0 6\nFT 0 1\nSTARTED 1 6\nFT 1 2\nSTARTED 2 6\nFT 2 3\n' \
    "$dir/T1/a" "$dir/T2/a" "$dir/T2/b" >"$mcf"
  run_logged "$log" "$fuzzer" $common -merge=1 -merge_control_file="$mcf" T1 T2
  expect_line '^MERGE-OUTER: nothing to do, merge has been completed before' "finished merge" "$log"
  # A control file that is not one is replaced.
  echo JUNK >"$mcf"
  run_logged "$log" "$fuzzer" $common -merge=1 -merge_control_file="$mcf" T1 T2
  expect_line '^MERGE-OUTER: bad control file, will overwrite it' "junk control file" "$log"
  expect_status 0 "junk control file" "$log"
  # So is one with a feature wider than 32 bits: it is not cut to fit.
  printf '3\n1\n%s\n%s\n%s\nSTARTED 0 6\nFT 0 4294967297\n' "$dir/T1/a" "$dir/T2/a" "$dir/T2/b" >"$mcf"
  run_logged "$log" "$fuzzer" $common -merge=1 -merge_control_file="$mcf" T1 T2
  expect_line '^MERGE-OUTER: bad control file, will overwrite it' "wide feature" "$log"
  expect_status 0 "wide feature" "$log"
  ;;
minimize_crash)
  printf 'abcd!*xyz' >crash
  run_logged "$log" "$fuzzer" $common -minimize_crash=1 -runs=2000 -seed=1 crash -exact_artifact_path="$dir/min"
  expect_status 0 minimize_crash "$log"
  expect_line '^CRASH_MIN: failed to minimize beyond .*/min \(2 bytes\), exiting' minimize_crash "$log"
  [ "$(cat min)" = '!*' ] || fail "minimize_crash: minimized to '$(cat min)', expected '!*'"
  # Without -exact_artifact_path the rounds write minimized-from-<sha1>.
  run_logged "$log" "$fuzzer" $common -minimize_crash=1 -runs=2000 -seed=1 crash
  expect_line "Test unit written to $dir/minimized-from-$(sha1sum <crash | cut -c1-40)" "minimized-from" "$log"
  # An input that does not crash is an error.
  printf 'F' >fine
  run_logged "$log" "$fuzzer" $common -minimize_crash=1 -runs=10 fine
  expect_status 1 "no crash" "$log"
  expect_line '^ERROR: the input .*fine did not crash' "no crash" "$log"
  ;;
cleanse_crash)
  printf 'FU!*ER' >crash
  run_logged "$log" "$fuzzer" $common -cleanse_crash=1 crash -exact_artifact_path="$dir/clean"
  expect_status 0 cleanse_crash "$log"
  [ "$(cat clean)" = '  !*  ' ] || fail "cleanse_crash: got '$(cat clean)', expected '  !*  '"
  ;;
create_missing_dirs)
  run_logged "$log" "$fuzzer" $common -runs=10 -seed=1 "$dir/no/corpus"
  expect_status 1 "missing corpus directory" "$log"
  expect_line "^ERROR: The required directory \"$dir/no/corpus\" does not exist" "missing corpus" "$log"
  [ ! -e "$dir/no" ] || fail "a missing corpus directory was created without -create_missing_dirs=1"
  run_logged "$log" "$fuzzer" -workdir="$dir/w" -artifact_prefix="$dir/missing/" -runs=10 -seed=1
  expect_status 1 "missing artifact directory" "$log"
  expect_line "^ERROR: The required directory \"$dir/missing/\" does not exist" "missing artifacts" "$log"
  run_logged "$log" "$fuzzer" -workdir="$dir/w" -create_missing_dirs=1 -artifact_prefix="$dir/a/b/" \
    -exact_artifact_path="$dir/c/d/crash" -runs=10 -seed=1 -max_len=1 "$dir/no/corpus"
  expect_status 0 "-create_missing_dirs=1" "$log"
  [ -d "$dir/no/corpus" ] && [ -d "$dir/a/b" ] && [ -d "$dir/c/d" ] ||
    fail "-create_missing_dirs=1 did not create the directories"
  ;;
flag_values)
  run_logged "$log" "$fuzzer" $common -runs=1x
  expect_status 1 "malformed -runs" "$log"
  expect_line "^ERROR: cfuzz: flag -runs: malformed value '1x'" "malformed -runs" "$log"
  run_logged "$log" "$fuzzer" $common -close_fd_mask=7 -runs=1
  expect_status 1 "-close_fd_mask=7" "$log"
  run_logged "$log" "$fuzzer" $common -seed=-1 -runs=0
  expect_status 0 "-seed=-1" "$log"
  expect_line '^INFO: Seed: 4294967295$' "-seed=-1 wraps as in libFuzzer" "$log"
  # A flag not implemented is warned about once, -help marks it.
  run_logged "$log" "$fuzzer" $common -runs=10 -seed=1 -max_len=1 -report_slow_units=3 -report_slow_units=4 -print_coverage=0
  expect_status 0 "unimplemented flag" "$log"
  [ "$(grep -c 'report_slow_units is not implemented' "$log")" = 1 ] || fail "not warned exactly once"
  ! grep -q print_coverage "$log" || fail "-print_coverage=0 (what cfuzz does) warned about"
  run_logged "$log" "$fuzzer" -help=1
  expect_line '^ +-report_slow_units .*\[not implemented\]' "-help lists unimplemented flags" "$log"
  expect_line '^ +-merge ' "-help lists -merge" "$log"
  ! grep -q 'internal flag' "$log" || fail "-help shows internal flags"
  # --flags belong to the target; -ignore_remaining_args=1 ends parsing.
  run_logged "$log" "$fuzzer" $common -runs=10 -max_len=1 --max_len=3 -ignore_remaining_args=1 -runs=x
  expect_status 0 "--max_len / -ignore_remaining_args" "$log"
  expect_line "^WARNING: did you mean '-max_len=3' \(single dash\)\?" "--max_len" "$log"
  # -runs=N in reproduce mode runs each file N times.
  printf 'F' >input
  run_logged "$log" "$fuzzer" $common -runs=3 input
  expect_line ': Running 1 inputs 3 time\(s\) each\.' "reproduce -runs" "$log"
  ;;
close_fd_mask)
  printf 'say' >say
  for mask in 0 1 2 3; do
    run_logged "$log" "$fuzzer" $common -close_fd_mask=$mask say
    expect_status 0 "-close_fd_mask=$mask" "$log"
    expect_line '^Executed .*say in' "-close_fd_mask=$mask keeps cfuzz's output" "$log"
    if [ $((mask & 1)) = 1 ]; then ! grep -q TARGET_STDOUT "$log" || fail "mask $mask: stdout kept"
    else expect_line TARGET_STDOUT "mask $mask" "$log"; fi
    if [ $((mask & 2)) = 2 ]; then ! grep -q TARGET_STDERR "$log" || fail "mask $mask: stderr kept"
    else expect_line TARGET_STDERR "mask $mask" "$log"; fi
  done
  # The same while fuzzing, and a crash report still gets through.
  mkdir corpus && printf 'say' >corpus/say && printf 'x!*' >corpus/crash
  run_logged "$log" "$fuzzer" $common -close_fd_mask=3 -runs=10 -seed=1 corpus
  expect_status 77 "crash under -close_fd_mask=3" "$log"
  expect_line 'ERROR: libFuzzer: deadly signal' "crash under -close_fd_mask=3" "$log"
  expect_line 'Test unit written to' "crash under -close_fd_mask=3" "$log"
  ! grep -q TARGET_ "$log" || fail "-close_fd_mask=3 while fuzzing: the target's output is shown"
  ;;
*)
  fail "unknown case $case"
  ;;
esac
note "$case: ok"
