#include "term_curses.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* curses_version() is a function already, but keeping every curses entry point the
 * console uses behind this file keeps the Swift side's imports in one place. */
const char *tc_version(void) { return curses_version(); }

int tc_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

static volatile sig_atomic_t started = 0;

int tc_start(void) {
    if (initscr() == NULL) return -1;
    started = 1;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    intrflush(stdscr, FALSE);
    /* No set_escdelay: ncurses' default (1000 ms), or ESCDELAY from the environment,
     * which ncurses reads itself. A shorter delay splits an arrow whose bytes come late
     * (a loaded machine, SSH) into Esc, '[' and a letter (issue 12 §11). */
    curs_set(0);
    return 0;
}

void tc_signal_keys_as_input(void) { raw(); }

void tc_stop(void) {
    if (started) {
        started = 0;
        curs_set(1);
        endwin();
    }
}

int tc_escape_delay(void) { return get_escdelay(); }

int tc_lines(void) { return LINES; }
int tc_cols(void) { return COLS; }

int tc_start_colors(void) {
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    return 1;
}

int tc_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
int tc_attr_bold(void) { return (int)A_BOLD; }
int tc_attr_dim(void) { return (int)A_DIM; }
int tc_attr_reverse(void) { return (int)A_REVERSE; }
int tc_attr_underline(void) { return (int)A_UNDERLINE; }

int tc_read_key(uint32_t *code) {
    wint_t key = 0;
    int kind = wget_wch(stdscr, &key);
    *code = (uint32_t)key;
    if (kind == OK) return 0;
    if (kind == KEY_CODE_YES) return 1;
    return -1;
}

void tc_put(int y, int x, const char *utf8, int attributes) {
    attrset(attributes);
    mvaddstr(y, x, utf8);
    attrset(A_NORMAL);
}

void tc_present(void) {
    wnoutrefresh(stdscr);
    doupdate();
}

void tc_repaint_all(void) { clearok(curscr, TRUE); }

void tc_send_sequence(const char *bytes) {
    fflush(stdout);
    size_t left = strlen(bytes);
    while (left > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        left -= (size_t)written;
    }
}

static int wake_pipe[2] = {-1, -1};
static volatile sig_atomic_t termination = 0;

static void wake(void) {
    if (wake_pipe[1] >= 0) {
        int saved = errno;
        char byte = 1;
        ssize_t ignored = write(wake_pipe[1], &byte, 1);
        (void)ignored;
        errno = saved;
    }
}

static void on_termination(int signal_number) {
    termination = signal_number;
    wake();
}

static struct sigaction curses_resize;

static void on_resize(int signal_number) {
    /* ncurses' own handler notes the resize (KEY_RESIZE); this one also wakes poll(). */
    if (curses_resize.sa_handler != SIG_DFL && curses_resize.sa_handler != SIG_IGN &&
        curses_resize.sa_handler != NULL)
        curses_resize.sa_handler(signal_number);
    wake();
}

static void on_crash(int signal_number) {
    tc_stop();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

int tc_install_signal_handlers(void) {
    if (pipe(wake_pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    /* ncurses installed its SIGWINCH handler in initscr (call this after tc_start):
     * ours calls it, then wakes the loop, which reads KEY_RESIZE. */
    action.sa_handler = on_resize;
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, &curses_resize);
    int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    action.sa_handler = on_crash;
    action.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &action, NULL);
    return wake_pipe[0];
}

int tc_termination_signal(void) { return termination; }

void tc_wake(void) { wake(); }

void tc_drain_pipe(int fd) {
    char buffer[64];
    while (read(fd, buffer, sizeof buffer) > 0) {
    }
}
