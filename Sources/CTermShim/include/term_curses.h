/*
 * term_curses.h: functions over the ncursesw macros, variadics and globals that
 * Swift cannot use directly. Every symbol is prefixed `tc_`. No logic lives here.
 */
#ifndef TERM_CURSES_H
#define TERM_CURSES_H

/* Swift's importer does not see cSettings defines: the wide API must be switched
 * on here, before curses.h (PLATFORM-NOTES "C shim"). */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>

/* The ncurses version string, e.g. "ncurses 6.4.20221231". */
const char *tc_version(void);

#endif
