/* A syncfs that runs on a thread of its own, so that the fuzzing thread is
 * never blocked while the kernel writes a file system's dirty data out. */
#ifndef CFUZZ_BACKGROUND_SYNC_H
#define CFUZZ_BACKGROUND_SYNC_H

#include <pthread.h>
#include <stdbool.h>

struct cfuzz_background_sync {
  pthread_t thread;
  int dir_fd;
  bool started;     /* a thread was started and has not been joined */
  int finished;     /* set by the thread when its syncfs returned (atomic) */
  int error;        /* the syncfs's errno, 0 if it succeeded */
};

/* Starts syncfs on the file system holding dir. Returns false with errno set
 * if it could not start; the caller then syncs itself. At most one runs. */
bool cfuzz_background_sync_start(struct cfuzz_background_sync *s, const char *dir);

/* True from a successful start until the syncfs has returned. */
bool cfuzz_background_sync_running(const struct cfuzz_background_sync *s);

/* Waits for a started sync and returns its errno (0: everything written
 * before the start is durable). */
int cfuzz_background_sync_join(struct cfuzz_background_sync *s);

#endif
