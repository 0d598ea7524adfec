#ifndef HAIKU_ADVISOR_SQLITE_SHIM_H
#define HAIKU_ADVISOR_SQLITE_SHIM_H

#include <sqlite3.h>

/* Swift cannot call the variadic sqlite3_config. SQLite's allocation statistics (on by default) take one
   process-wide mutex on every sqlite3_malloc and sqlite3_free, so the server's worker threads, each on its own
   connection, queued on it: a search load spent a sixth of its CPU in futex calls (perf, 2026-12-04). Nothing here
   reads those statistics (sqlite3_memory_used, sqlite3_status, a soft heap limit), so they are switched off; SQLite
   recommends the same at compile time (SQLITE_DEFAULT_MEMSTATUS=0, https://sqlite.org/compile.html). It must run
   before the library initialises, that is before the first connection opens; later it returns SQLITE_MISUSE.
   https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus */
static inline int ha_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
