internal import CTermShim.Curses

/// Wakes the screen's poll() from another thread.
enum CursesWake {
    static func wake() { tc_wake() }
}
