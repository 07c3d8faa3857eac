// Functions get optforfuzzing at pipeline start, as under -fsanitize=fuzzer,
// so -O2 keeps a branch per tested byte (a select would hide them from the
// counters).
// RUN: %clang_cfuzz -O2 %s -o %t.ll
// RUN: FileCheck %s < %t.ll

int bits_of(const unsigned char *d, unsigned long n) {
  int bits = 0;
  if (n > 2 && d[0] == 'F')
    bits |= 1;
  if (n > 2 && d[1] == 'U')
    bits |= 2;
  if (n > 2 && d[2] == 'Z')
    bits |= 4;
  return bits;
}

// CHECK: define {{.*}}i32 @bits_of({{.*}} #[[FUZZ:[0-9]+]]
// CHECK-NOT: select
// CHECK: attributes #[[FUZZ]] = {{{.*}} optforfuzzing
