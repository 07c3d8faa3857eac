/* background_sync.c - syncfs on a thread of its own (see background_sync.h). */
#define _GNU_SOURCE /* syncfs */
#include "background_sync.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void *sync_thread(void *arg) {
  struct cfuzz_background_sync *s = arg;
  s->error = syncfs(s->dir_fd) == 0 ? 0 : errno;
  __atomic_store_n(&s->finished, 1, __ATOMIC_RELEASE);
  return NULL;
}

bool cfuzz_background_sync_start(struct cfuzz_background_sync *s, const char *dir) {
  if (s->started) {
    errno = EBUSY;
    return false;
  }
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return false;
  s->dir_fd = fd;
  s->error = 0;
  s->finished = 0;
  /* Signals meant for the process go to the fuzzing thread, never here; a
   * small stack, since the thread only waits in the kernel. */
  sigset_t all, old;
  sigfillset(&all);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  pthread_sigmask(SIG_BLOCK, &all, &old);
  int rc = pthread_create(&s->thread, &attr, sync_thread, s);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    close(fd);
    errno = rc;
    return false;
  }
  s->started = true;
  return true;
}

bool cfuzz_background_sync_running(const struct cfuzz_background_sync *s) {
  return s->started && !__atomic_load_n(&s->finished, __ATOMIC_ACQUIRE);
}

int cfuzz_background_sync_join(struct cfuzz_background_sync *s) {
  if (!s->started)
    return 0;
  pthread_join(s->thread, NULL);
  close(s->dir_fd);
  s->started = false;
  return s->error;
}
