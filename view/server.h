/* server.h - the HTTP side of cfuzz-view (libmicrohttpd): the page, its
 * data as JSON, source files named in the debug information (by index, never
 * by path), the campaign's inputs, and a server-sent event stream that pushes
 * totals and newly covered points once a second. */
#ifndef CFUZZ_VIEW_SERVER_H
#define CFUZZ_VIEW_SERVER_H

#include <stdint.h>

#include "state.h"

struct view_server;

/* Listens on 127.0.0.1:port (0: any free port). Returns NULL with a reason
 * in err. */
struct view_server *view_server_start(struct view_state *s, uint16_t port, char *err, size_t err_len);
uint16_t view_server_port(const struct view_server *srv);
void view_server_stop(struct view_server *srv);

#endif
