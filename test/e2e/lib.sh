# Helpers shared by the end-to-end scripts; sourced, not run.
# Every script is `set -eu`, reports one clear FAIL line and exits 1 when a
# check does not hold, and keeps its files under the directory CTest gives it.

# Byte order for sort and comm, whatever the user's locale.
LC_ALL=C
export LC_ALL

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

note() {
  echo "e2e: $*"
}

# fresh_dir DIR: an empty directory for this test, whatever a previous run left.
fresh_dir() {
  rm -rf "$1"
  mkdir -p "$1"
}

# case_args SCRIPT ARGS...: the start of the scripts called as SCRIPT CASE
# FUZZER DIR: checks there are three, sets case, fuzzer, dir and log
# (DIR/log), and empties DIR.
case_args() {
  _script=$1
  shift
  [ $# -eq 3 ] || fail "usage: $_script CASE FUZZER DIR"
  case=$1 fuzzer=$2 dir=$3
  log=$dir/log
  fresh_dir "$dir"
}

# run_logged LOG CMD...: runs CMD with stdout+stderr in LOG, never aborting the
# script; the exit status is left in $status.
run_logged() {
  _log=$1
  shift
  status=0
  "$@" >"$_log" 2>&1 || status=$?
}

# expect_status WANT WHAT LOG: fails (showing the log's tail) unless $status is WANT.
expect_status() {
  if [ "$status" -ne "$1" ]; then
    echo "--- last lines of $3:" >&2
    tail -n 20 "$3" >&2
    fail "$2: exit status $status, expected $1"
  fi
}

# expect_line REGEX WHAT LOG: fails unless LOG has a line matching REGEX (grep -E).
expect_line() {
  if ! grep -Eq -- "$1" "$3"; then
    echo "--- last lines of $3:" >&2
    tail -n 20 "$3" >&2
    fail "$2: no line matching '$1' in $3"
  fi
}

# reproducer_of LOG: the file named by the last 'Test unit written to' line
# (libFuzzer prefixes it with "artifact_prefix='...'; ").
reproducer_of() {
  sed -n 's/^.*Test unit written to \(.*\)$/\1/p' "$1" | tail -n 1
}

# tree_checksums DIR: one "sha1  path" line per regular file under DIR, sorted,
# sorted as comm(1) wants, to compare a corpus before and after a run.
tree_checksums() {
  (cd "$1" && find . -type f -exec sha1sum {} + | LC_ALL=C sort)
}
