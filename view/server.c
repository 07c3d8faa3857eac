/* server.c - see server.h. Every request is answered from the shared state
 * under its lock; nothing a request names is used as a path. */
#define _GNU_SOURCE
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "strbuf.h"
#include "web_assets.h"

#define MAX_SOURCE_BYTES (16u << 20)
#define KEEPALIVE_SECONDS 15

struct view_server {
  struct MHD_Daemon *daemon;
  struct view_state *state;
  uint16_t port;
};

static enum MHD_Result send_response(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                                     const char *type) {
  if (!r)
    return MHD_NO;
  if (type)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'; img-src 'self' data:");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  enum MHD_Result ret = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ret;
}

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, const char *text) {
  struct MHD_Response *r =
      MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_MUST_COPY);
  return send_response(c, status, r, "text/plain; charset=utf-8");
}

/* Takes ownership of json. */
static enum MHD_Result send_json(struct MHD_Connection *c, char *json) {
  struct MHD_Response *r = MHD_create_response_from_buffer(strlen(json), json, MHD_RESPMEM_MUST_FREE);
  return send_response(c, MHD_HTTP_OK, r, "application/json");
}

static char *error_json(const char *error) {
  struct strbuf b;
  sb_init(&b);
  sb_puts(&b, "{\"error\":");
  sb_json_string(&b, error, strlen(error));
  sb_puts(&b, "}");
  return sb_take(&b);
}

/* ---- Server-sent events ---- */

struct event_stream {
  struct view_state *s;
  uint64_t generation;   /* last sample sent */
  uint64_t load_version; /* of the bits below; a reload resends everything */
  uint64_t inputs_version;
  uint64_t *sent;        /* PCs already reported to this client */
  size_t n_words;
  bool first;
  char *pending;
  size_t pending_len, pending_off;
};

/* Builds the next event (lock held). */
static char *next_event(struct event_stream *e) {
  struct view_state *s = e->s;
  struct strbuf b;
  sb_init(&b);
  sb_printf(&b, "data: {\"generation\":%" PRIu64 ",\"loaded\":%s,\"load_version\":%" PRIu64
            ",\"inputs_version\":%" PRIu64 ",\"error\":", s->generation, s->loaded ? "true" : "false",
            s->load_version, s->inputs_version);
  sb_json_string(&b, s->error, strlen(s->error));
  sb_puts(&b, ",\"totals\":");
  view_state_totals_json(s, &b);
  bool reset = e->first || e->load_version != s->load_version;
  if (reset) {
    free(e->sent);
    e->n_words = s->loaded ? s->reader.n_words : 0;
    e->sent = calloc(e->n_words ? e->n_words : 1, 8);
    e->load_version = s->load_version;
    /* A new client or a reload gets the whole history. */
    sb_puts(&b, ",\"history\":[");
    for (size_t i = 0; i < s->n_history; i++) {
      const struct view_sample *x = &s->history[i];
      sb_printf(&b, "%s[%.2f,%" PRIu64 ",%.1f,%zu]", i ? "," : "", x->t, x->runs, x->execs_per_sec, x->covered);
    }
    sb_puts(&b, "]");
  }
  sb_printf(&b, ",\"reset\":%s,\"new\":[", reset ? "true" : "false");
  bool comma = false;
  for (size_t w = 0; s->loaded && e->sent && w < e->n_words; w++) {
    uint64_t fresh = s->reader.seen[w] & ~e->sent[w];
    e->sent[w] |= fresh;
    while (fresh) {
      int bit = __builtin_ctzll(fresh);
      fresh &= fresh - 1;
      sb_printf(&b, comma ? ",%zu" : "%zu", w * 64 + (size_t)bit);
      comma = true;
    }
  }
  sb_puts(&b, "]}\n\n");
  e->first = false;
  e->generation = s->generation;
  e->inputs_version = s->inputs_version;
  return sb_take(&b);
}

static ssize_t read_events(void *cls, uint64_t pos, char *buf, size_t max) {
  (void)pos;
  struct event_stream *e = cls;
  struct view_state *s = e->s;
  if (e->pending_off == e->pending_len) {
    free(e->pending);
    e->pending = NULL;
    pthread_mutex_lock(&s->lock);
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += KEEPALIVE_SECONDS;
    int rc = 0;
    while (!s->stop && !e->first && s->generation == e->generation && rc != ETIMEDOUT)
      rc = pthread_cond_timedwait(&s->changed, &s->lock, &deadline);
    if (s->stop) {
      pthread_mutex_unlock(&s->lock);
      return MHD_CONTENT_READER_END_OF_STREAM;
    }
    e->pending = rc == ETIMEDOUT ? strdup(": keepalive\n\n") : next_event(e);
    pthread_mutex_unlock(&s->lock);
    e->pending_len = strlen(e->pending);
    e->pending_off = 0;
  }
  size_t n = e->pending_len - e->pending_off;
  if (n > max)
    n = max;
  memcpy(buf, e->pending + e->pending_off, n);
  e->pending_off += n;
  return (ssize_t)n;
}

static void free_events(void *cls) {
  struct event_stream *e = cls;
  free(e->pending);
  free(e->sent);
  free(e);
}

static enum MHD_Result serve_events(struct MHD_Connection *c, struct view_state *s) {
  struct event_stream *e = calloc(1, sizeof *e);
  if (!e)
    return MHD_NO;
  e->s = s;
  e->first = true;
  struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, read_events, e,
                                                             free_events);
  return send_response(c, MHD_HTTP_OK, r, "text/event-stream");
}

/* ---- Files ---- */

static enum MHD_Result serve_fd(struct MHD_Connection *c, int fd, uint64_t size, const char *type,
                                const char *download_name) {
  struct MHD_Response *r = MHD_create_response_from_fd64(size, fd);
  if (!r) {
    close(fd);
    return MHD_NO;
  }
  if (download_name) {
    char disposition[400];
    snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", download_name);
    MHD_add_response_header(r, "Content-Disposition", disposition);
  }
  return send_response(c, MHD_HTTP_OK, r, type);
}

/* Parses a decimal index below limit. */
static bool parse_index(const char *text, size_t limit, size_t *out) {
  if (!text || !*text || strlen(text) > 9)
    return false;
  size_t v = 0;
  for (const char *p = text; *p; p++) {
    if (*p < '0' || *p > '9')
      return false;
    v = v * 10 + (size_t)(*p - '0');
  }
  if (v >= limit)
    return false;
  *out = v;
  return true;
}

/* A source file, by its index in the map: the only paths ever opened for a
 * request are those the binary's debug information names. */
static enum MHD_Result serve_source(struct MHD_Connection *c, struct view_state *s) {
  const char *arg = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "file");
  char path[4096] = "";
  pthread_mutex_lock(&s->lock);
  size_t i;
  if (s->loaded && parse_index(arg, s->map.n_files, &i))
    snprintf(path, sizeof path, "%s", s->map.files[i].path);
  pthread_mutex_unlock(&s->lock);
  if (!path[0])
    return send_text(c, MHD_HTTP_NOT_FOUND, "no such source file\n");
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > MAX_SOURCE_BYTES) {
    if (fd >= 0)
      close(fd);
    char msg[4400];
    snprintf(msg, sizeof msg, "cannot read source file '%s' (moved, or not a regular file under 16 MiB)\n", path);
    return send_text(c, MHD_HTTP_NOT_FOUND, msg);
  }
  return serve_fd(c, fd, (uint64_t)st.st_size, "text/plain; charset=utf-8", NULL);
}

static enum MHD_Result serve_download(struct MHD_Connection *c, struct view_state *s, enum view_input_kind kind) {
  const char *name = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "name");
  if (!name || !view_plain_name(name))
    return send_text(c, MHD_HTTP_FORBIDDEN, "refused: not a plain file name of this campaign\n");
  uint64_t size = 0;
  pthread_mutex_lock(&s->lock);
  int fd = s->loaded ? view_open_input(&s->campaign, kind, name, &size) : -1;
  pthread_mutex_unlock(&s->lock);
  if (fd < 0)
    return send_text(c, MHD_HTTP_NOT_FOUND, "no such input in this campaign\n");
  return serve_fd(c, fd, size, "application/octet-stream", name);
}

static enum MHD_Result serve_asset(struct MHD_Connection *c, const char *url) {
  for (size_t i = 0; i < web_asset_count; i++) {
    const struct web_asset *a = &web_assets[i];
    if (strcmp(url, a->url) == 0) {
      struct MHD_Response *r =
          MHD_create_response_from_buffer(a->size, (void *)a->data, MHD_RESPMEM_PERSISTENT);
      return send_response(c, MHD_HTTP_OK, r, a->type);
    }
  }
  return send_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* Only a page loaded from this server may talk to it: a Host header naming
 * another site means DNS rebinding, not the user. */
static bool host_allowed(struct MHD_Connection *c, uint16_t port) {
  const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  if (!host)
    return true; /* HTTP/1.0 clients (curl -0, tests) */
  char a[64], b[64];
  snprintf(a, sizeof a, "127.0.0.1:%u", port);
  snprintf(b, sizeof b, "localhost:%u", port);
  return strcmp(host, a) == 0 || strcmp(host, b) == 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **con_cls) {
  (void)version;
  (void)upload_data;
  (void)con_cls;
  struct view_server *srv = cls;
  struct view_state *s = srv->state;
  if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
    return send_text(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET\n");
  if (*upload_data_size != 0)
    return MHD_NO;
  if (!host_allowed(c, srv->port))
    return send_text(c, MHD_HTTP_FORBIDDEN, "refused: unexpected Host header\n");
  if (strcmp(url, "/api/meta") == 0) {
    pthread_mutex_lock(&s->lock);
    char *json = s->loaded ? strdup(s->meta_json) : error_json(s->error);
    pthread_mutex_unlock(&s->lock);
    return send_json(c, json);
  }
  if (strcmp(url, "/api/inputs") == 0) {
    pthread_mutex_lock(&s->lock);
    char *json = s->loaded && s->inputs_json ? strdup(s->inputs_json) : error_json(s->error);
    pthread_mutex_unlock(&s->lock);
    return send_json(c, json);
  }
  if (strcmp(url, "/api/events") == 0)
    return serve_events(c, s);
  if (strcmp(url, "/api/source") == 0)
    return serve_source(c, s);
  if (strcmp(url, "/download/corpus") == 0)
    return serve_download(c, s, VIEW_CORPUS);
  if (strcmp(url, "/download/reproducer") == 0)
    return serve_download(c, s, VIEW_REPRODUCER);
  return serve_asset(c, strcmp(url, "/") == 0 ? "/index.html" : url);
}

struct view_server *view_server_start(struct view_state *s, uint16_t port, char *err, size_t err_len) {
  struct view_server *srv = calloc(1, sizeof *srv);
  if (!srv) {
    snprintf(err, err_len, "out of memory");
    return NULL;
  }
  srv->state = s;
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  /* A thread per connection: an event stream waits for the next sample.
   * No MHD_USE_ERROR_LOG: it reports every closed browser tab on stderr; the
   * one error that matters (cannot listen) is reported below. */
  srv->daemon = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, port, NULL, NULL,
                                 handle, srv, MHD_OPTION_SOCK_ADDR, &addr, MHD_OPTION_CONNECTION_LIMIT, 64u,
                                 MHD_OPTION_END);
  if (!srv->daemon) {
    snprintf(err, err_len, "cannot listen on 127.0.0.1:%u (in use? try --port=0 for any free port)", port);
    free(srv);
    return NULL;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
  srv->port = info ? info->port : port;
  return srv;
}

uint16_t view_server_port(const struct view_server *srv) { return srv->port; }

void view_server_stop(struct view_server *srv) {
  pthread_mutex_lock(&srv->state->lock);
  srv->state->stop = true;
  pthread_cond_broadcast(&srv->state->changed);
  pthread_mutex_unlock(&srv->state->lock);
  MHD_stop_daemon(srv->daemon);
  free(srv);
}
