#include "term_sqlite.h"

#include <sqlite3.h>

/* sqlite3_config is variadic: a fixed-argument entry point for Swift. */
int ts_no_bulk_page_cache(void) {
    return sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
}
