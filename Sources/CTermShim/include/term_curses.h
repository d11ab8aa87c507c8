/*
 * term_curses.h: functions over the ncursesw macros, variadics and globals that
 * Swift cannot use directly, and the signal handlers that must be plain C. Every
 * symbol is prefixed `tc_`. No logic lives here.
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
#include <stdint.h>

/* The ncurses version string, e.g. "ncurses 6.4.20221231". */
const char *tc_version(void);

/* setlocale(LC_ALL, "") (the user's locale, honoured: LANG=C means an ASCII
 * terminal). Returns 1 when its codeset, nl_langinfo(CODESET), is UTF-8. */
int tc_setup_locale(void);

/* initscr and the modes the console runs in: cbreak, no echo, keypad, no delay on
 * reads, invisible cursor; the ESC delay is ncurses' own (ESCDELAY honoured).
 * Returns 0 on success. */
int tc_start(void);

/* raw() instead of cbreak(): Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, not signals
 * (--kiosk). endwin restores the terminal's modes. */
void tc_signal_keys_as_input(void);

/* ESCDELAY is a global (ncurses' get_escdelay): how long, in ms, curses waits for the
 * rest of an escape sequence. */
int tc_escape_delay(void);

/* endwin, if tc_start ran and tc_stop has not. Safe to call more than once and from
 * the crash handlers. */
void tc_stop(void);

/* LINES and COLS are mutable C globals (Swift 6 refuses them). */
int tc_lines(void);
int tc_cols(void);

/* Colours: start_color + use_default_colors; 1 when the terminal has colours. */
int tc_start_colors(void);
/* COLOR_PAIR(n) is a macro. */
int tc_color_pair(int pair);
/* Attribute macros. */
int tc_attr_bold(void);
int tc_attr_dim(void);
int tc_attr_reverse(void);
int tc_attr_underline(void);

/* One key from the keyboard without waiting: returns 0 for a character (in *code),
 * 1 for a function key (KEY_* in *code), -1 when nothing is waiting. */
int tc_read_key(uint32_t *code);

/* Writes UTF-8 text at (y, x) with the attributes; clipped to the screen. */
void tc_put(int y, int x, const char *utf8, int attributes);

/* Copies the virtual screen to the terminal once (wnoutrefresh + doupdate). */
void tc_present(void);

/* Sends a control sequence curses knows nothing of (OSC 52, the clipboard) straight to
 * the terminal, after what curses has buffered: it moves no cursor and draws nothing. */
void tc_send_sequence(const char *bytes);

/* Forgets what the terminal shows, so the next present repaints everything (Ctrl-L). */
void tc_repaint_all(void);

/*
 * Signals. SIGINT, SIGTERM and SIGHUP only set a flag and write a byte to a pipe whose
 * read end the main loop polls; SIGWINCH writes a byte too. SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE, SIGABRT and SIGTRAP restore the terminal (endwin) and re-raise, so that a
 * crash never leaves the terminal in raw mode. Call after tc_start (SIGWINCH chains to
 * the handler ncurses installed). Returns the pipe's read end, or -1.
 */
int tc_install_signal_handlers(void);
/* The number of the last SIGINT/SIGTERM/SIGHUP received, 0 if none. */
int tc_termination_signal(void);
/* Wakes the main loop from another thread (station events waiting). */
void tc_wake(void);
/* Empties the wake pipe. */
void tc_drain_pipe(int fd);

#endif
