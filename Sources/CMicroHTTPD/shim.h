#ifndef HAIKU_ADVISOR_MHD_SHIM_H
#define HAIKU_ADVISOR_MHD_SHIM_H

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/* MHD's own unescaping turns %00 into a NUL byte, which ends the C string the access handler reads: /healthz%00xyz
   was answered as /healthz, and /public/style.css%00.html as the stylesheet. This one decodes every %XX but %00, which
   stays as written, so no route or file matches it and a query value holding it fails its field's check. */
static inline size_t ha_unescape_keeping_nul(void *cls, struct MHD_Connection *connection, char *s) {
    (void)cls;
    (void)connection;
    char *r = s, *w = s;
    while (*r) {
        if (r[0] == '%' && isxdigit((unsigned char)r[1]) && isxdigit((unsigned char)r[2]) && !(r[1] == '0' && r[2] == '0')) {
            char hex[3] = {r[1], r[2], 0};
            *w++ = (char)strtoul(hex, NULL, 16);
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
    return (size_t)(w - s);
}

/* What the framing checks need of a request's headers (Server.framingProblem), in one walk that copies none: every
   request asks it, so it stays in C rather than building a Swift string per header. */
struct ha_framing { unsigned int content_length; unsigned int transfer_encoding; unsigned int host; int spaced_name; };

static inline enum MHD_Result ha_note_framing(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    (void)value;
    struct ha_framing *framing = (struct ha_framing *)cls;
    if (key == NULL) return MHD_YES;
    if (strcasecmp(key, "Content-Length") == 0) framing->content_length += 1;
    else if (strcasecmp(key, "Transfer-Encoding") == 0) framing->transfer_encoding += 1;
    else if (strcasecmp(key, "Host") == 0) framing->host += 1;
    if (strpbrk(key, " \t") != NULL) framing->spaced_name = 1;
    return MHD_YES;
}

static inline struct ha_framing ha_framing_of(struct MHD_Connection *connection) {
    struct ha_framing framing = {0, 0, 0, 0};
    MHD_get_connection_values(connection, MHD_HEADER_KIND, ha_note_framing, &framing);
    return framing;
}

/* MHD_get_connection_info is variadic: this reads the connection's socket (-1 when unknown). */
static inline int ha_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

/* Deadlines on receiving a request. MHD 0.9.75 times a connection out only after `timeout_seconds` with no bytes at
   all, so a client that sends one header line every few seconds, or announces a large body and trickles it, held its
   connection for hours: 200 of them locked their address out and 1,000 the whole server, which answered nobody. Each
   connection is watched from MHD's start notice to its close: while it waits for a request's headers (after the
   accept, or after the last answer) it has `header_seconds`, once the headers are in its body has `body_seconds`, and
   a connection past its deadline is shut down (as the 414 answer does), which MHD then closes and frees. The phases
   change on the request's threads (atomics, no lock); the list is walked once a second by one thread. The registry's
   lock is held from the close notice (which MHD sends before it closes the socket) to the removal, so the sweeper
   never shuts a socket number that another connection has taken since. */
enum { HA_WAITING = 0, HA_BODY = 1, HA_ANSWERING = 2 };

struct ha_watch {
    int fd;
    _Atomic int phase;
    _Atomic long long since_ms;
    /* This request's body deadline, where it has its own (`ha_watch_body`); 0: the watcher's `body_ms`. */
    _Atomic long long body_ms;
    int cut;
    struct ha_watch *prev, *next;
};

struct ha_watcher {
    pthread_mutex_t lock;
    struct ha_watch *head;
    long long header_ms, body_ms;
    _Atomic int stopping;
    _Atomic unsigned long cut_count;
    pthread_t thread;
    int running;
};

static inline long long ha_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static inline void ha_watch_notify(void *cls, struct MHD_Connection *connection, void **socket_context,
                                   enum MHD_ConnectionNotificationCode toe) {
    struct ha_watcher *w = (struct ha_watcher *)cls;
    if (w == NULL || socket_context == NULL) return;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        struct ha_watch *c = (struct ha_watch *)calloc(1, sizeof *c);
        if (c == NULL) return;
        c->fd = ha_connection_fd(connection);
        atomic_store(&c->phase, HA_WAITING);
        atomic_store(&c->since_ms, ha_now_ms());
        pthread_mutex_lock(&w->lock);
        c->next = w->head;
        if (w->head != NULL) w->head->prev = c;
        w->head = c;
        pthread_mutex_unlock(&w->lock);
        *socket_context = c;
    } else if (*socket_context != NULL) {
        struct ha_watch *c = (struct ha_watch *)*socket_context;
        pthread_mutex_lock(&w->lock);
        if (c->prev != NULL) c->prev->next = c->next; else w->head = c->next;
        if (c->next != NULL) c->next->prev = c->prev;
        pthread_mutex_unlock(&w->lock);
        free(c);
        *socket_context = NULL;
    }
}

/* The request on `connection` enters `phase` now (HA_BODY: its headers are in; HA_ANSWERING: its answer is queued;
   HA_WAITING: it is done, and the connection waits for the next request). */
static inline void ha_watch_phase(struct MHD_Connection *connection, int phase) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (info == NULL || info->socket_context == NULL) return;
    struct ha_watch *c = (struct ha_watch *)info->socket_context;
    atomic_store(&c->since_ms, ha_now_ms());
    atomic_store(&c->body_ms, 0);
    atomic_store(&c->phase, phase);
}

/* The request's body has `seconds` from now, in place of the watcher's `body_seconds`: a 64 KiB body arrives in
   milliseconds, and at 120 s a client trickling one byte every few seconds held each connection for two minutes. */
static inline void ha_watch_body(struct MHD_Connection *connection, double seconds) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (info == NULL || info->socket_context == NULL) return;
    struct ha_watch *c = (struct ha_watch *)info->socket_context;
    atomic_store(&c->since_ms, ha_now_ms());
    atomic_store(&c->body_ms, (long long)(seconds * 1000));
    atomic_store(&c->phase, HA_BODY);
}

static inline void ha_watch_sweep(struct ha_watcher *w) {
    long long now = ha_now_ms();
    pthread_mutex_lock(&w->lock);
    for (struct ha_watch *c = w->head; c != NULL; c = c->next) {
        int phase = atomic_load(&c->phase);
        long long own = atomic_load(&c->body_ms);
        long long limit = phase == HA_WAITING ? w->header_ms : phase == HA_BODY ? (own > 0 ? own : w->body_ms) : -1;
        if (limit < 0 || c->cut || c->fd < 0 || now - atomic_load(&c->since_ms) <= limit) continue;
        shutdown(c->fd, SHUT_RDWR);
        c->cut = 1;
        atomic_fetch_add(&w->cut_count, 1);
    }
    pthread_mutex_unlock(&w->lock);
}

static inline void *ha_watch_loop(void *arg) {
    struct ha_watcher *w = (struct ha_watcher *)arg;
    struct timespec pause = {0, 100 * 1000000};
    int ticks = 0;
    while (!atomic_load(&w->stopping)) {
        nanosleep(&pause, NULL);
        if (++ticks % 10 == 0) ha_watch_sweep(w);
    }
    return NULL;
}

static inline struct ha_watcher *ha_watcher_start(double header_seconds, double body_seconds) {
    struct ha_watcher *w = (struct ha_watcher *)calloc(1, sizeof *w);
    if (w == NULL) return NULL;
    pthread_mutex_init(&w->lock, NULL);
    w->header_ms = (long long)(header_seconds * 1000);
    w->body_ms = (long long)(body_seconds * 1000);
    if (pthread_create(&w->thread, NULL, ha_watch_loop, w) != 0) {
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    w->running = 1;
    return w;
}

/* After MHD_stop_daemon, which closes every connection (and so empties the list). */
static inline void ha_watcher_stop(struct ha_watcher *w) {
    if (w == NULL) return;
    atomic_store(&w->stopping, 1);
    if (w->running) pthread_join(w->thread, NULL);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

static inline unsigned long ha_watcher_cut(struct ha_watcher *w) { return w == NULL ? 0 : atomic_load(&w->cut_count); }

/* Swift cannot call C variadic functions: MHD_start_daemon takes its options as varargs, so this wrapper passes
   every option the server uses, type-checked by the C compiler. See
   https://www.gnu.org/software/libmicrohttpd/manual/html_node/microhttpd_002dinit.html */
static inline struct MHD_Daemon *ha_start_daemon(const char *host, uint16_t port, unsigned int threads,
                                                 unsigned int connection_limit, unsigned int per_ip_limit,
                                                 unsigned int timeout_seconds, size_t memory_limit,
                                                 MHD_AccessHandlerCallback handler, void *handler_cls,
                                                 MHD_RequestCompletedCallback completed, void *completed_cls,
                                                 void *(*uri_log)(void *cls, const char *uri, struct MHD_Connection *con),
                                                 void *uri_log_cls, MHD_LogCallback logger, void *logger_cls,
                                                 struct ha_watcher *watcher) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        return NULL;
    }
    return MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, port, NULL, NULL,
                            handler, handler_cls,
                            /* First, so that MHD's own start-up messages go through it too. */
                            MHD_OPTION_EXTERNAL_LOGGER, logger, logger_cls,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                            MHD_OPTION_THREAD_POOL_SIZE, threads,
                            MHD_OPTION_CONNECTION_LIMIT, connection_limit,
                            MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_limit,
                            MHD_OPTION_CONNECTION_TIMEOUT, timeout_seconds,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, memory_limit,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_log, uri_log_cls,
                            MHD_OPTION_UNESCAPE_CALLBACK, ha_unescape_keeping_nul, NULL,
                            MHD_OPTION_NOTIFY_CONNECTION, ha_watch_notify, (void *)watcher,
                            MHD_OPTION_END);
}

/* MHD_get_daemon_info is variadic too: this reads the bound port (useful with port 0). */
static inline uint16_t ha_daemon_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

#endif
