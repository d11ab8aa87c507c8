/*
 * term_sqlite.h: SQLite settings that Swift cannot reach (sqlite3_config is variadic).
 * Every symbol is prefixed `ts_`. No logic lives here.
 */
#ifndef TERM_SQLITE_H
#define TERM_SQLITE_H

/*
 * No first bulk allocation of page-cache lines per connection
 * (SQLITE_CONFIG_PAGECACHE with no buffer, size 0, 0 lines): by default each connection
 * takes 20 pages (about 88 KiB) at its first read, whatever its cache_size, which a
 * fleet of thousands of small databases pays thousands of times (issue 15). Takes effect
 * only before SQLite is initialised (the first connection opened); returns SQLite's
 * result code (SQLITE_MISUSE when too late).
 */
int ts_no_bulk_page_cache(void);

#endif
