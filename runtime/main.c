/* main.c - the main of libcfuzz.a (absent from libcfuzz_nomain.a). */
#include "cfuzz.h"

int main(int argc, char **argv) { return cfuzz_main(argc, argv); }
