/*
 * bench/bare-server.c: the baseline for `make bench`. A bare libmicrohttpd server with the same threading model
 * as haiku-advisor (MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC, a thread pool of the core count, loopback only):
 *
 *   bare-server PAGE_FILE [DB_PATH]
 *
 * - every path but /api/search answers PAGE_FILE's bytes (text/html), from one response built at start-up;
 * - /api/search?q=... (when DB_PATH is given) runs the same FTS5 statement as haiku-advisor's SearchIndex on the
 *   index that `haiku-advisor index` wrote, one read-only connection and prepared statement per server thread,
 *   and writes the same JSON document ({"query","total","results":[{section,slug,title,url,snippet,score}]}).
 *
 * The response is queued on the second handler call (never the first), so that keep-alive holds.
 * Prints `listening on http://127.0.0.1:PORT` (port chosen by the kernel), exits on SIGINT/SIGTERM.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <microhttpd.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct MHD_Response *page_response;
static const char *db_path;

/* The statement of Sources/Search/SearchIndex.swift (Searcher), markers U+E000/U+E001 around matches. */
static const char *SEARCH_SQL =
    "SELECT p.section, p.slug, p.title, p.url, "
    "       snippet(pages_fts, -1, '\xee\x80\x80', '\xee\x80\x81', '\xe2\x80\xa6', 14), "
    "       top.rank, top.total, top.tier "
    "FROM (SELECT id, rank, tier, title_length, count(*) OVER () AS total FROM ( "
    "        SELECT pages_fts.rowid AS id, bm25(pages_fts, 10.0, 4.0, 4.0, 1.0) AS rank, length(q.title) AS title_length, "
    "               CASE WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?5) THEN 2 "
    "                    WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?6) THEN 1 "
    "                    ELSE 0 END AS tier "
    "        FROM pages_fts JOIN pages q ON q.id = pages_fts.rowid "
    "        WHERE pages_fts MATCH ?1 AND (?2 = '' OR q.section = ?2)) "
    "      ORDER BY tier DESC, CASE WHEN tier = 2 THEN title_length ELSE 0 END, rank, id "
    "      LIMIT ?3 OFFSET ?4) AS top "
    "JOIN pages p ON p.id = top.id "
    "JOIN pages_fts ON pages_fts.rowid = top.id AND pages_fts MATCH ?1 "
    "ORDER BY top.tier DESC, CASE WHEN top.tier = 2 THEN top.title_length ELSE 0 END, top.rank, top.id ";

/* One connection and statement per MHD thread. */
static __thread sqlite3 *thread_db;
static __thread sqlite3_stmt *thread_stmt;

struct buf {
    char *data;
    size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        b->data = realloc(b->data, cap);
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}
static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

/* JSON string; with `html`, also HTML-escape and turn the markers into <mark></mark> (as Searcher.markup). */
static void put_json_string(struct buf *b, const unsigned char *s, int html) {
    put(b, "\"", 1);
    for (; s && *s; s++) {
        unsigned char c = *s;
        char tmp[8];
        if (html && c == 0xee && s[1] == 0x80 && (s[2] == 0x80 || s[2] == 0x81)) {
            puts_(b, s[2] == 0x80 ? "<mark>" : "</mark>");
            s += 2;
        } else if (html && c == '&') puts_(b, "&amp;");
        else if (html && c == '<') puts_(b, "&lt;");
        else if (html && c == '>') puts_(b, "&gt;");
        else if (html && c == '"') puts_(b, "&quot;");
        else if (html && c == '\'') puts_(b, "&#39;");
        else if (c == '"') puts_(b, "\\\"");
        else if (c == '\\') puts_(b, "\\\\");
        else if (c == '\n') puts_(b, "\\n");
        else if (c < 0x20) { snprintf(tmp, sizeof tmp, "\\u%04x", c); puts_(b, tmp); }
        else put(b, (const char *)s, 1);
    }
    put(b, "\"", 1);
}

/* The safe MATCH expression of Sources/Search/MatchExpression.swift (ASCII approximation of letter/digit). */
static int match_expression(const char *text, struct buf *out) {
    int words = 0, last_alnum = 0;
    const char *p = text;
    while (*p && words < 12) {
        while (*p && ((unsigned char)*p <= 0x20 || *p == 0x7f)) p++;
        const char *start = p;
        int alnum = 0;
        while (*p && !((unsigned char)*p <= 0x20 || *p == 0x7f)) {
            if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80) alnum++;
            p++;
        }
        if (p == start || alnum == 0) continue;
        if (words++) put(out, " ", 1);
        put(out, "\"", 1);
        for (const char *q = start; q < p; q++) put(out, *q == '"' ? "\"\"" : q, *q == '"' ? 2 : 1);
        put(out, "\"", 1);
        last_alnum = alnum;
    }
    if (words && last_alnum >= 2) put(out, "*", 1);
    if (out->len == 0) put(out, "", 0);
    out->data[out->len] = 0;
    return words;
}

static struct MHD_Response *search_response(const char *q, unsigned *status) {
    struct buf match = {0}, body = {0}, scoped = {0};
    char tmp[64];
    *status = MHD_HTTP_OK;
    if (thread_db == NULL) {
        if (sqlite3_open_v2(db_path, &thread_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
            sqlite3_exec(thread_db, "PRAGMA query_only=1", NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v3(thread_db, SEARCH_SQL, -1, SQLITE_PREPARE_PERSISTENT, &thread_stmt, NULL) != SQLITE_OK) {
            fprintf(stderr, "bare-server: sqlite: %s\n", sqlite3_errmsg(thread_db));
            *status = 500;
            return MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
        }
    }
    puts_(&body, "{\"query\":");
    put_json_string(&body, (const unsigned char *)q, 0);
    int total = 0;
    struct buf results = {0};
    put(&results, "", 0);
    if (match_expression(q, &match) > 0) {
        sqlite3_stmt *st = thread_stmt;
        sqlite3_bind_text(st, 1, match.data, (int)match.len, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, "", 0, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, 20);
        sqlite3_bind_int(st, 4, 0);
        puts_(&scoped, "{title} : (");
        put(&scoped, match.data, match.len);
        puts_(&scoped, ")");
        sqlite3_bind_text(st, 5, scoped.data, (int)scoped.len, SQLITE_TRANSIENT);
        scoped.len = 0;
        puts_(&scoped, "{summary tags} : (");
        put(&scoped, match.data, match.len);
        puts_(&scoped, ")");
        sqlite3_bind_text(st, 6, scoped.data, (int)scoped.len, SQLITE_TRANSIENT);
        int n = 0, rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (n++) put(&results, ",", 1);
            static const char *names[] = {"section", "slug", "title", "url", "snippet"};
            put(&results, "{", 1);
            for (int i = 0; i < 5; i++) {
                if (i) put(&results, ",", 1);
                put_json_string(&results, (const unsigned char *)names[i], 0);
                put(&results, ":", 1);
                put_json_string(&results, sqlite3_column_text(st, i), i == 4);
            }
            double score = sqlite3_column_int(st, 7) * 10.0 - sqlite3_column_double(st, 5);
            snprintf(tmp, sizeof tmp, ",\"score\":%.17g}", score);
            puts_(&results, tmp);
            total = sqlite3_column_int(st, 6);
        }
        if (rc != SQLITE_DONE) *status = 500;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    snprintf(tmp, sizeof tmp, ",\"total\":%d,\"results\":[", total);
    puts_(&body, tmp);
    put(&body, results.data, results.len);
    puts_(&body, "]}");
    struct MHD_Response *r = MHD_create_response_from_buffer(body.len, body.data, MHD_RESPMEM_MUST_FREE);
    MHD_add_response_header(r, "Content-Type", "application/json");
    free(match.data);
    free(scoped.data);
    free(results.data);
    return r;
}

static int first_call_marker;

static enum MHD_Result handler(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                               const char *version, const char *upload_data, size_t *upload_data_size,
                               void **con_cls) {
    (void)cls; (void)method; (void)version; (void)upload_data;
    if (*con_cls == NULL) {  /* headers in: answer on the next call, so that keep-alive holds */
        *con_cls = &first_call_marker;
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (db_path != NULL && strcmp(url, "/api/search") == 0) {
        const char *q = MHD_lookup_connection_value(connection, MHD_GET_ARGUMENT_KIND, "q");
        unsigned status;
        struct MHD_Response *r = search_response(q ? q : "", &status);
        enum MHD_Result ok = MHD_queue_response(connection, status, r);
        MHD_destroy_response(r);
        return ok;
    }
    return MHD_queue_response(connection, MHD_HTTP_OK, page_response);
}

static void on_stop(int sig) {
    (void)sig;
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s PAGE_FILE [DB_PATH]\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *page = malloc(size > 0 ? (size_t)size : 1);
    if (fread(page, 1, (size_t)size, f) != (size_t)size) { perror(argv[1]); return 1; }
    fclose(f);
    if (argc == 3) db_path = argv[2];

    page_response = MHD_create_response_from_buffer((size_t)size, page, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(page_response, "Content-Type", "text/html; charset=utf-8");

    /* A baseline needs no graceful shutdown: SIGINT/SIGTERM end the process at once. */
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = on_stop;
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGTERM, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL, handler, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(cores > 0 ? cores : 1),
        MHD_OPTION_CONNECTION_LIMIT, 1000u,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, 200u,
        MHD_OPTION_CONNECTION_TIMEOUT, 15u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
        MHD_OPTION_END);
    if (d == NULL) { fprintf(stderr, "bare-server: cannot start\n"); return 1; }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on http://127.0.0.1:%u\n", info ? info->port : 0);
    fflush(stdout);

    for (;;) pause();
}
