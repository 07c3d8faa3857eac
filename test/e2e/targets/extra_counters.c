/* libFuzzer's extra counters (its TableLookupTest, smaller): a table of 256
 * counters in the section __libfuzzer_extra_counters, one per value of a
 * one-byte input. No branch depends on the value, so only those counters
 * tell the inputs apart: with them each value is a new feature. The table
 * is a global, not static, so the compiler keeps stores nothing reads. */
#include <stddef.h>
#include <stdint.h>

__attribute__((section("__libfuzzer_extra_counters"), used)) uint8_t extra_counters[256];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 1)
    extra_counters[data[0]]++;
  return 0;
}
