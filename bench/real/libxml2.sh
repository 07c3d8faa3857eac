# package: libxml2
# shellcheck shell=bash disable=SC2034,SC2154  # sourced by build.sh: it sets $gen, $src_dir and reads these
# libxml2's own fuzz/xml.c (with fuzz/fuzz.c): pull, push and reader parsers and
# the serializer over one document and its entities. Configured once (out of
# tree, into bench-configure/ beside the sources) without threads, network,
# compression or ICU; every variant compiles the same C with that config.
prepare() {
  if [ ! -f bench-configure/config.h ]; then
    rm -rf bench-configure && mkdir bench-configure
    (cd bench-configure && CC=clang-14 ../configure --without-python --without-lzma --without-zlib \
       --without-http --without-ftp --without-threads --without-icu --disable-shared >/dev/null)
  fi
}
sources=(SAX.c entities.c encoding.c error.c parserInternals.c parser.c tree.c hash.c list.c xmlIO.c
         xmlmemory.c uri.c valid.c xlink.c HTMLparser.c HTMLtree.c debugXML.c xpath.c xpointer.c
         xinclude.c nanohttp.c nanoftp.c catalog.c globals.c threads.c c14n.c xmlstring.c buf.c
         xmlregexp.c xmlschemas.c xmlschemastypes.c xmlunicode.c xmlreader.c relaxng.c dict.c SAX2.c
         xmlwriter.c legacy.c chvalid.c pattern.c xmlsave.c xmlmodule.c schematron.c xzlib.c fuzz/fuzz.c)
# The configured headers first: the tree's own include/libxml/xmlversion.h is
# the distribution default (threads, zlib), not this configuration.
includes=(bench-configure bench-configure/include include)
defines=(-DHAVE_CONFIG_H -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
harness=fuzz/xml.c
# Seeds in the harness's format (fuzz/fuzz.c): 4 bytes of parser options, then
# URL and content pairs, each string ended by backslash-newline. Upstream's
# seeds are generated from its test/ files, which Debian's source removes.
make_seeds() {
  printf '\0\0\0\0doc.xml\\\n<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "ent">]>\n<a x="1"><b>text &amp; &e;</b><!-- c --><?pi d?><![CDATA[x]]></a>\n\\\n' > "$1/dtd"
  printf '\0\0\0\0ns.xml\\\n<r xmlns="urn:a" xmlns:p="urn:p"><p:c p:y="2">t</p:c><d/></r>\n\\\n' > "$1/ns"
  printf '\0\0\0\2ext.xml\\\n<!DOCTYPE a SYSTEM "a.dtd"><a>&x;</a>\n\\\na.dtd\\\n<!ELEMENT a (#PCDATA)><!ENTITY x "y">\n\\\n' > "$1/ext"
}
