# package: re2
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# re2's own re2/fuzzing/re2_fuzzer.cc: parses the input into a pattern and
# options and matches it. The Unicode and Perl tables are generated as re2's
# Makefile does, from Debian's unicode-data (python3-six for the scripts).
prepare() {
  perl re2/make_perl_groups.pl > "$gen/perl_groups.cc"
  python3 re2/make_unicode_casefold.py > "$gen/unicode_casefold.cc"
  python3 re2/make_unicode_groups.py > "$gen/unicode_groups.cc"
}
sources=(util/rune.cc util/strutil.cc
         re2/{bitstate,compile,dfa,filtered_re2,mimics_pcre,nfa,onepass,parse,prefilter,prefilter_tree,prog,re2,regexp,set,simplify,stringpiece,tostring}.cc
         "$gen"/{perl_groups,unicode_casefold,unicode_groups}.cc)
includes=(.)
defines=(-DNDEBUG)
libs=(-lpthread)
harness=re2/fuzzing/re2_fuzzer.cc
make_seeds() { printf '(?i)a(b|c)*[0-9]+\\d\\pL.{2,5}$' > "$1/pattern"; }
