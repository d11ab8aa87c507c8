/// The operator commands that the session running the station (the screen or
/// `--headless`) carries out itself: they pace or end the session, or replace the
/// station as a whole, so the station core never sees them.
public enum SessionCommand: Sendable, Equatable {
    /// Pause the script.
    case wait(milliseconds: Int64)
    /// Pause the script until the station is connected and its boot accepted, at most
    /// `timeout` ms (a script's barrier before it drives a session).
    case waitOnline(timeout: Int64)
    /// An abrupt stop of the whole station: the runner rebuilds the core from what the
    /// store holds, as after the power comes back.
    case powercut
    case quit
    /// `quit --stop`: stop every running transaction (reason Local), wait until their
    /// StopTransaction is answered or queued durably, then quit (issue 13).
    case quitStopping
    /// The screen writes every frame of its log to a file (`path`, or one it names in
    /// the data directory); headless, the frames are on standard output already.
    case saveLog(path: String?)
    /// The command grammar; with a command's name, that command's usage alone.
    case help(command: String?)
}
