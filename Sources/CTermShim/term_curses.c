#include "term_curses.h"

/* curses_version() is a function already, but keeping every curses entry point the
 * console uses behind this file keeps the Swift side's imports in one place. */
const char *tc_version(void) { return curses_version(); }
