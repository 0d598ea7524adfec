#ifndef HAIKU_ADVISOR_MHD_SHIM_H
#define HAIKU_ADVISOR_MHD_SHIM_H

#include <ctype.h>
#include <stdint.h>
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

/* Counts the request headers named `name` (case-insensitively) without copying any: every request asks this of its
   Content-Length, so it stays in C rather than building a Swift string per header. */
struct ha_header_count { const char *name; unsigned int count; };

static inline enum MHD_Result ha_count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
    (void)kind;
    (void)value;
    struct ha_header_count *counter = (struct ha_header_count *)cls;
    if (key != NULL && strcasecmp(key, counter->name) == 0) counter->count += 1;
    return MHD_YES;
}

static inline unsigned int ha_header_count(struct MHD_Connection *connection, const char *name) {
    struct ha_header_count counter = {name, 0};
    MHD_get_connection_values(connection, MHD_HEADER_KIND, ha_count_header, &counter);
    return counter.count;
}

/* Swift cannot call C variadic functions: MHD_start_daemon takes its options as varargs, so this wrapper passes
   every option the server uses, type-checked by the C compiler. See
   https://www.gnu.org/software/libmicrohttpd/manual/html_node/microhttpd_002dinit.html */
static inline struct MHD_Daemon *ha_start_daemon(const char *host, uint16_t port, unsigned int threads,
                                                 unsigned int connection_limit, unsigned int per_ip_limit,
                                                 unsigned int timeout_seconds, size_t memory_limit,
                                                 MHD_AccessHandlerCallback handler, void *handler_cls,
                                                 MHD_RequestCompletedCallback completed, void *completed_cls,
                                                 void *(*uri_log)(void *cls, const char *uri, struct MHD_Connection *con),
                                                 void *uri_log_cls, MHD_LogCallback logger, void *logger_cls) {
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
                            MHD_OPTION_END);
}

/* MHD_get_daemon_info is variadic too: this reads the bound port (useful with port 0). */
static inline uint16_t ha_daemon_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* MHD_get_connection_info is variadic: this reads the connection's socket (-1 when unknown). */
static inline int ha_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

#endif
