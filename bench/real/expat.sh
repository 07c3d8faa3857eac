# package: expat
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# expat's own fuzz/xml_parse_fuzzer.c (UTF-8 variant) over the parser.
sources=(expat/lib/xmlparse.c expat/lib/xmlrole.c expat/lib/xmltok.c)
includes=(expat/lib)
# What expat's configure would decide on this machine, for a plain static build.
defines=(-DXML_DTD -DXML_NS -DXML_GE=1 -DXML_CONTEXT_BYTES=1024 -DBYTEORDER=1234
         -DHAVE_GETRANDOM -DHAVE_SYSCALL_GETRANDOM -DENCODING_FOR_FUZZING=UTF-8)
harness=expat/fuzz/xml_parse_fuzzer.c
make_seeds() { printf '<?xml version="1.0"?>\n<a x="1"><b>text &amp; more</b><!-- c --></a>\n' > "$1/doc.xml"; }
