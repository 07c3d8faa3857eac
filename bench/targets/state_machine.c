/* Bug reached only through a sequence of states of a switch-driven machine:
 * each byte moves the machine, and only one path of six steps reaches the end. */
#include <stdint.h>
#include <stdlib.h>

enum state { IDLE, HELLO, AUTH, READY, SEND, CLOSE };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  enum state s = IDLE;
  for (size_t i = 0; i < size; i++) {
    switch (s) {
    case IDLE:  s = data[i] == 'H' ? HELLO : IDLE; break;
    case HELLO: s = data[i] == 'A' ? AUTH : data[i] == 'H' ? HELLO : IDLE; break;
    case AUTH:  s = data[i] == 0x42 ? READY : IDLE; break;
    case READY:
      switch (data[i]) {
      case 'S': s = SEND; break;
      case 'R': s = READY; break;
      case 'Q': s = IDLE; break;
      default: break;
      }
      break;
    case SEND:  s = data[i] == 0xEE ? CLOSE : READY; break;
    case CLOSE:
      if (data[i] == 'X') abort();
      s = IDLE;
      break;
    }
  }
  return 0;
}
