/* A bug behind switches on a 32-bit and a 16-bit value whose cases are far
 * apart (libFuzzer's SwitchTest), fuzzed with -use_cmp=0 so the case tables
 * cannot be copied into the input: only the value profile's distances from
 * the value to the cases beside it lead there. Each case writes its own
 * volatile, so the optimiser keeps real switch instructions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static volatile int seen;

static int wide_switch(uint32_t x) {
  switch (x) {
  case 1: seen = 1; break;
  case 101: seen = 2; break;
  case 1001: seen = 3; break;
  case 10001: seen = 4; break;
  case 100001: seen = 5; break;
  case 1000001: seen = 6; break;
  case 10000001: seen = 7; break;
  case 100000001: return 1;
  default: break;
  }
  return 0;
}

static int short_switch(uint16_t x) {
  switch (x) {
  case 402: seen = 11; break;
  case 4002: seen = 12; break;
  case 7002: seen = 13; break;
  case 14002: seen = 14; break;
  case 21402: return 1;
  default: break;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t a;
  uint16_t b;
  if (size < 6)
    return 0;
  memcpy(&a, data, 4);
  memcpy(&b, data + 4, 2);
  if (wide_switch(a) && short_switch(b))
    abort();
  return 0;
}
