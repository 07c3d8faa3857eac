#!/bin/sh
# Usage: output.sh CASE FUZZER DIR
#
# libFuzzer's output lines and the behaviour behind them (the lines libFuzzer's
# own tests read), on a libFuzzer-style FUZZER built from targets/letters.c (adapt_mutations:
# targets/ordered.c; extra_counters: targets/extra_counters.c; loop_work:
# targets/loop_work.c; alloc_work: targets/alloc_work.c)
# (letters of "FUZZER" at their positions are separate branches; "!*" crashes).
set -eu
. "$(dirname "$0")/lib.sh"
case_args "$0" "$@"
cd "$dir"
common="-workdir=$dir/w -artifact_prefix=$dir/"
sha1_of() { printf '%s' "$1" | sha1sum | cut -c1-40; }
# Loads the files of C without fuzzing (-runs=0) and prints each entry's
# work into $log; $1 names the case for a failure.
load_with_stats() {
  run_logged "$log" "$fuzzer" $common -runs=0 -print_corpus_stats=1 C
  expect_status 0 "$1" "$log"
}
# The work load_with_stats printed for the entry of size $1.
work_of() { sed -En "s/^  \[ *[0-9]+ [0-9a-f]{40}\] sz: +$1 .* work: ([0-9]+) pick: .*/\1/p" "$log"; }

case $case in
extra_counters)
  # The section's 256 counters are read as features: each byte value of a
  # one-byte input is a new entry, the extra module stays out of the
  # "Loaded" line.
  mkdir corpus
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=40000 -print_final_stats=1 corpus
  expect_status 0 extra_counters "$log"
  expect_line '^INFO: Loaded 1 modules \(' "the extra counters are not a module" "$log"
  expect_line '^INFO: 256 Extra Counters$' "the extra counters line" "$log"
  n=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  [ "${n:-0}" -ge 256 ] || fail "$case: $n new units, expected at least 256 (one per counter)"
  # cov: counts PCs only, as libFuzzer's: the target's few, not the 256.
  expect_line '^#[0-9]+[[:space:]]+DONE +cov: [0-9] ft: ' "cov: without the extra counters" "$log"
  ;;
corpus_subdirs)
  # Corpus directories are read recursively, as libFuzzer reads them.
  mkdir -p corpus/sub1/sub2/sub3 corpus/.hidden
  printf 'F' >corpus/sub1/a
  printf '.U' >corpus/sub1/sub2/b
  printf '..Z' >corpus/sub1/sub2/sub3/c
  printf '!*' >corpus/.hidden/crash
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 corpus
  expect_status 0 corpus_subdirs "$log"
  expect_line '^INFO: seed corpus: files: 3 min: 1b max: 3b total: 6b' "three files in subdirectories" "$log"
  # A crashing file three levels down is run, hence found.
  printf '!*' >corpus/sub1/sub2/sub3/crash
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 corpus
  expect_status 77 "a crashing file in a subdirectory" "$log"
  ;;
long_corpus_files)
  # Without -max_len the limit is the longest corpus file (libFuzzer's
  # rule), so a 5000-byte file is run whole and its crash at byte 4500 found.
  mkdir corpus
  head -c 4500 /dev/zero | tr '\0' 'A' >corpus/long
  printf '!*' >>corpus/long
  head -c 498 /dev/zero | tr '\0' 'A' >>corpus/long
  printf 'F' >corpus/short
  tree_checksums corpus >before
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 corpus
  expect_status 77 "the long file's crash" "$log"
  expect_line '^INFO: -max_len is not provided; libFuzzer will not generate inputs larger than 5000 bytes$' \
    "the limit from the longest file" "$log"
  # With -max_len the file is cut to it (not skipped), and left as it was.
  # -runs=0: loading alone, so no mutation can write "!*" by chance.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 -max_len=64 corpus
  expect_status 0 "the long file cut to -max_len" "$log"
  expect_line '^INFO: seed corpus: files: 2 min: 1b max: 64b total: 65b' "the long file cut to 64 bytes" "$log"
  tree_checksums corpus >after
  [ -z "$(comm -23 before after)" ] || fail "$case: corpus files changed"
  # The default limit stops at 1 MiB.
  mkdir corpus2
  printf 'F' >corpus2/short
  head -c 2000000 /dev/zero | tr '\0' 'A' >corpus2/huge
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 corpus2
  expect_status 0 "a 2 MB file" "$log"
  expect_line 'larger than 1048576 bytes$' "the default limit's cap" "$log"
  expect_line '^INFO: seed corpus: files: 2 min: 1b max: 1048576b' "the 2 MB file cut to 1 MiB" "$log"
  ;;
exit_on_item)
  # The run stops (exit 0, no further runs) once an entry has the SHA-1.
  mkdir corpus
  printf 'F' >corpus/f
  printf '.U' >corpus/u
  item=$(sha1_of '.U')
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=100000 -max_len=2 -exit_on_item="$item" corpus
  expect_status 0 exit_on_item "$log"
  expect_line "^INFO: found item with checksum '$item', exiting\.$" exit_on_item "$log"
  expect_line '^#2[[:space:]]+DONE ' "stops after the item's run" "$log"
  # Not a SHA-1: warned, and the run goes on to its limit.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=100 -max_len=1 -exit_on_item=abc corpus
  expect_status 0 "bad -exit_on_item" "$log"
  expect_line 'exit_on_item=abc is not a SHA-1' "bad -exit_on_item" "$log"
  expect_line '^Done 100 runs' "bad -exit_on_item" "$log"
  ;;
seed_inputs)
  printf 'FUZZER0123' >s10
  printf 'F' >s1
  printf 's10\ns1\n' >list
  for spec in s10,s1 @list; do
    run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 -seed_inputs=$spec
    expect_status 0 "-seed_inputs=$spec" "$log"
    expect_line '^INFO: seed corpus: files: 2 min: 1b max: 10b total: 11b' "-seed_inputs=$spec" "$log"
    # The length limit starts at the longest input (libFuzzer's len_control test).
    expect_line 'DONE .* lim: 10 ' "-seed_inputs=$spec: lim" "$log"
  done
  # As libFuzzer: missing and empty files are skipped, an empty list fails.
  : >empty
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 -seed_inputs=s1,missing,empty,
  expect_status 0 "a missing seed input" "$log"
  expect_line "seed_inputs: skipping 'missing'" "a missing seed input" "$log"
  expect_line '^INFO: seed corpus: files: 1 ' "a missing seed input" "$log"
  for spec in '' @missing @empty; do
    run_logged "$log" "$fuzzer" $common -seed=1 -runs=0 -seed_inputs=$spec
    expect_status 1 "-seed_inputs=$spec" "$log"
    expect_line '^seed_inputs is empty or @file does not exist\.$' "-seed_inputs=$spec" "$log"
  done
  ;;
len_control)
  # No corpus: the limit starts at 4 bytes, as libFuzzer's; -max_len caps it.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=1
  expect_line 'DONE .* lim: 4 ' "lim: 4 without a corpus" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=1 -max_len=2
  expect_line 'DONE .* lim: 2 ' "lim: 2 with -max_len=2" "$log"
  ;;
final_stats)
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=77 -max_len=1 -print_final_stats=1
  expect_status 0 final_stats "$log"
  expect_line '^stat::number_of_executed_units: 77$' final_stats "$log"
  # Per whole second, as libFuzzer: 77 fast runs take less than one.
  expect_line '^stat::average_exec_per_sec:     0$' final_stats "$log"
  expect_line '^stat::slowest_unit_time_sec:    0$' final_stats "$log"
  expect_line '^stat::peak_rss_mb:              [0-9]+$' final_stats "$log"
  # Reproduce mode prints them too.
  printf 'F' >input
  run_logged "$log" "$fuzzer" $common -runs=33 -print_final_stats=1 input
  expect_status 0 "final stats, reproduce mode" "$log"
  expect_line '^stat::number_of_executed_units: 33$' "final stats, reproduce mode" "$log"
  # After a crash, all five, as libFuzzer prints them (its extra-counters
  # test reads new_units_added there): the seed "!*" crashes at once.
  mkdir corpus
  printf 'F' >corpus/f
  printf '!*' >corpus/crash
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=100 -print_final_stats=1 corpus
  expect_status 77 "final stats after a crash" "$log"
  expect_line '^stat::number_of_executed_units: [0-9]+$' "final stats after a crash" "$log"
  expect_line '^stat::average_exec_per_sec:     [0-9]+$' "final stats after a crash" "$log"
  expect_line '^stat::new_units_added:          [0-9]+$' "final stats after a crash" "$log"
  expect_line '^stat::slowest_unit_time_sec:    0$' "final stats after a crash" "$log"
  expect_line '^stat::peak_rss_mb:              [0-9]+$' "final stats after a crash" "$log"
  ;;
corpus_stats)
  # -print_corpus_stats=1: a line per entry (libFuzzer's columns, then
  # cfuzz's); every run but the start input's is counted to its parent (no
  # entry is dropped with -reduce_inputs=0), and the pick shares add up to
  # 100%.
  mkdir C
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=2000 -max_len=1 -reduce_inputs=0 -print_corpus_stats=1 C
  expect_status 0 corpus_stats "$log"
  pattern='^  \[ *[0-9]+ [0-9a-f]{40}\] sz: +[0-9]+ runs: +[0-9]+ succ: +[0-9]+ focus: [01] ft: [0-9]+ work: [0-9]+ pick: [0-9.]+%$'
  # As many lines as the DONE line counts entries (at least 3). The SHA-1 is
  # the entry's content now, which a neutral replacement kept in memory only
  # may have moved away from its file's name (corpus.h).
  entries=$(sed -En 's/^#[0-9]+[[:space:]]+DONE .* corp: ([0-9]+)\/.*/\1/p' "$log")
  [ "${entries:-0}" -ge 3 ] && [ "$(grep -Ec "$pattern" "$log")" = "$entries" ] ||
    fail "corpus_stats: not one line per entry (DONE counts ${entries:-none})"
  grep -E "$pattern" "$log" | awk '{ for (i = 1; i < NF; i++) { if ($i == "runs:") r += $(i + 1); if ($i == "succ:") s += $(i + 1) }
    sub("%", "", $NF); p += $NF } END { if (r != 1999 || s < 2 || p < 99.9 || p > 100.1) { print r, s, p; exit 1 } }' ||
    fail "corpus_stats: runs do not add up to 1999, fewer than 2 successes, or shares not 100%"
  # Off by default.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=100 -max_len=1 C
  ! grep -Eq "$pattern" "$log" || fail "corpus_stats: printed without the flag"
  ;;
loop_work)
  # An entry's work counts the loop iterations its run made (the pass's
  # loop-work option), though the loop traces no comparison: "\xff\xff"
  # copies 65,280 bytes, "\0" none. At -O2 clang unrolls the loop (by 2 on
  # LLVM 14), and the header then runs once per unrolled step: at least
  # 8,160 for an unroll by up to 8.
  mkdir C
  printf '\000' >C/none
  printf '\377\377' >C/many
  load_with_stats loop_work
  many=$(work_of 2) none=$(work_of 1)
  [ "${many:-0}" -ge 8160 ] && [ "${none:-99999}" -lt 100 ] ||
    fail "loop_work: work ${many:-none} for a 65,280-byte copy (expected at least 8,160), ${none:-none} for none"
  ;;
alloc_work)
  # An entry's work counts the bytes its run allocated, one unit per 1 KB:
  # "\x10" allocates 1 MB (1,024 units, plus a few compares), "\0" nothing.
  mkdir C
  printf '\000' >C/none
  printf '\020\000' >C/mega
  load_with_stats alloc_work
  mega=$(work_of 2) none=$(work_of 1)
  [ "${mega:-0}" -ge 1024 ] && [ "${mega:-99999}" -lt 1100 ] && [ "${none:-99999}" -lt 50 ] ||
    fail "alloc_work: work ${mega:-none} for 1 MB allocated (expected 1,024 to 1,099), ${none:-none} for none"
  ;;
use_cmp)
  # -use_cmp=0: no mutation inserts comparison operands.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=300 -max_len=1 -print_mutation_stats=1
  expect_line '^stat::mutation: CMP +[1-9]' "-use_cmp=1 uses CMP" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=300 -max_len=1 -print_mutation_stats=1 -use_cmp=0
  expect_status 0 "-use_cmp=0" "$log"
  expect_line '^stat::mutation: CMP +[0-9]+ 0 0 [0-9]+$' "-use_cmp=0: CMP finds nothing" "$log"
  ! grep -q 'DE: ' "$log" || fail "-use_cmp=0: a NEW line names a comparison operand"
  ;;
adapt_mutations)
  # (On targets/ordered.c, which keeps finding and cannot crash.)
  # Past the first adaptation (65,536 runs): the weights have moved off the
  # table's (every one 1 but CMP's 2), the same under the same seed; with
  # the default -adapt_mutations=0 they stay the table's.
  weights() { sed -n 's/^stat::mutation: *\([A-Za-z]*\) .* \([0-9]*\)$/\1=\2/p' "$1" | tr '\n' ' '; }
  table='EraseBytes=1 InsertByte=1 InsertRepeatedBytes=1 ChangeByte=1 ChangeBit=1 ShuffleBytes=1 ChangeASCIIInt=1'
  for run in 1 2; do
    rm -rf "$dir/w"
    run_logged "$log.$run" "$fuzzer" $common -seed=3 -runs=100000 -max_len=16 -print_mutation_stats=1 \
      -adapt_mutations=1
    expect_status 0 "-adapt_mutations=1, run $run" "$log.$run"
  done
  [ "$(weights "$log.1")" = "$(weights "$log.2")" ] || fail "adapt_mutations: weights differ under the same seed"
  # Same seed, same run: the status lines (without exec/s) and the entries.
  same() { grep -E '^#[0-9]' "$1" | sed 's/ exec\/s: [0-9]*//'; }
  [ "$(same "$log.1")" = "$(same "$log.2")" ] || fail "adapt_mutations: runs differ under the same seed"
  case "$(weights "$log.1")" in "$table"*) fail "adapt_mutations: weights did not move: $(weights "$log.1")" ;; esac
  rm -rf "$dir/w"
  # Off by default.
  run_logged "$log" "$fuzzer" $common -seed=3 -runs=100000 -max_len=16 -print_mutation_stats=1
  expect_status 0 "-adapt_mutations=0" "$log"
  case "$(weights "$log")" in "$table"*) ;; *) fail "default: weights moved: $(weights "$log")" ;; esac
  expect_line '^stat::mutation: CMP +[0-9]+ [0-9]+ [0-9]+ 2$' "default: CMP keeps weight 2" "$log"
  ;;
entry_records)
  # -features_dir: a feature file per corpus file; -mutation_graph_file: a
  # node per new entry, an edge from its parent.
  mkdir C F
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=500 -max_len=1 -features_dir=F -mutation_graph_file=G C
  expect_status 0 entry_records "$log"
  [ "$(ls C | wc -l)" -ge 2 ] || fail "entry_records: fewer than 2 corpus files"
  for c in C/*; do
    name=$(basename "$c")
    [ -s "F/$name" ] || fail "entry_records: no feature file for $name"
    [ $(( $(wc -c <"F/$name") % 4 )) = 0 ] || fail "entry_records: F/$name is not 32-bit ids"
    grep -qx "\"$name\"" G || fail "entry_records: $name is not a node of the graph"
  done
  expect_line '^"[0-9a-f]{40}" -> "[0-9a-f]{40}" \[label="MS: [0-9]+ .*"\];$' "an edge" G
  # A missing directory for either is an error before fuzzing, as in
  # libFuzzer; -create_missing_dirs=1 creates it.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10 -features_dir=none/F C
  expect_status 1 "missing -features_dir" "$log"
  expect_line '^ERROR: The required directory "none/F" does not exist' "missing -features_dir" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10 -mutation_graph_file=none/G C
  expect_status 1 "missing -mutation_graph_file directory" "$log"
  expect_line '^ERROR: The required directory "none" does not exist' "missing -mutation_graph_file directory" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10 -create_missing_dirs=1 -features_dir=made/F C
  expect_status 0 "-create_missing_dirs=1 -features_dir" "$log"
  [ -d made/F ] || fail "entry_records: -create_missing_dirs=1 did not create made/F"
  ;;
custom_mutator_len)
  # FUZZER has LLVMFuzzerCustomMutator: -len_control is off by default (the
  # limit is -max_len from the start), as with libFuzzer; given, it applies.
  # libFuzzer's line comes either way.
  found='^INFO: found LLVMFuzzerCustomMutator \(0x[0-9a-f]+\)\. Disabling -len_control by default\.$'
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10
  expect_status 0 custom_mutator_len "$log"
  expect_line "$found" custom_mutator_len "$log"
  expect_line 'DONE .* lim: 4096 ' "custom mutator: lim: 4096" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10 -len_control=100
  expect_line 'DONE .* lim: 4 ' "custom mutator with -len_control=100" "$log"
  expect_line "$found" "custom mutator with -len_control=100" "$log"
  ;;
verbosity)
  # FUZZER's custom mutator stacks 12 mutations: the MS: lines name the
  # first 10, all of them with -verbosity=2, which also echoes the flags
  # from itself on.
  long='MS: [0-9]+ ([A-Za-z]+-){11,}'
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=2000 -verbosity=2 -max_len=8
  expect_status 0 verbosity "$log"
  expect_line '^Flag: verbosity 2$' verbosity "$log"
  expect_line '^Flag: max_len 8$' verbosity "$log"
  ! grep -q '^Flag: seed' "$log" || fail "verbosity: flags before -verbosity=2 echoed"
  expect_line "NEW .*$long" "verbosity=2: whole sequences" "$log"
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=2000 -max_len=8
  expect_line 'NEW .*MS: [0-9]+ ([A-Za-z]+-){10}( |$)' "verbosity=1: 10 names" "$log"
  ! grep -Eq "$long" "$log" || fail "verbosity=1: more than 10 names printed"
  ! grep -q '^Flag: ' "$log" || fail "verbosity=1: flags echoed"
  ;;
own_compares)
  # The runtime's own string compares (flag and mutation names, through the
  # intercepted strcmp) are not offered as the target's operands.
  # Whether a seed's 300 runs end with a recommended dictionary depends on
  # the path it takes (4 of 10 seeds on LLVM 14 at 29a11e9), so several run
  # and one must print it.
  dictionaries=0
  for seed in 1 2 3 4 5 6 7 8; do
    rm -rf "$dir/w"
    run_logged "$log" "$fuzzer" $common -seed=$seed -runs=300 -max_len=1 -print_mutation_stats=1
    expect_status 0 "own_compares, seed $seed" "$log"
    ! grep -Eq '"(workdir|artifact_prefix|ignore_remaining_args|print_mutation_stats|ChangeByte|Custom)' "$log" ||
      fail "own_compares: a flag or mutation name was used as an operand (seed $seed)"
    ! grep -q '^###### End of recommended dictionary' "$log" || dictionaries=$((dictionaries + 1))
  done
  [ "$dictionaries" -gt 0 ] || fail "own_compares: no seed printed a recommended dictionary"
  ;;
old_instrumentation)
  # FUZZER is built with -fsanitize-coverage=trace-pc: refused at start-up.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=10
  expect_status 1 old_instrumentation "$log"
  expect_line '^ERROR: -fsanitize-coverage=trace-pc is no longer supported by libFuzzer, nor by cfuzz' \
    old_instrumentation "$log"
  ;;
not_instrumented)
  # FUZZER has no coverage instrumentation: no input can be interesting, and
  # as libFuzzer, cfuzz says so and exits 1 rather than fuzz blindly.
  printf 'F' >seed
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=1000 -seed_inputs=seed
  expect_status 1 not_instrumented "$log"
  expect_line '^ERROR: no interesting inputs were found\. Is the code instrumented for coverage\? Exiting\.$' \
    not_instrumented "$log"
  ! grep -q '^Done ' "$log" || fail "not_instrumented: fuzzed anyway"
  # -runs=0 only runs the inputs, which is no error.
  run_logged "$log" "$fuzzer" $common -seed=1 -runs=0
  expect_status 0 "not_instrumented, -runs=0" "$log"
  ;;
*)
  fail "unknown case $case"
  ;;
esac
