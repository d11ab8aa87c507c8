/// What a key does on the screen (a row of `KeyBindings`). Operator actions become the
/// same `StationCommand`s that the `:` line, scripts and headless mode use.
public enum ScreenAction: Sendable, Equatable {
    case quit, help, commandLine, repaint
    /// Stop every session (reason Local), wait for the StopTransactions, then quit.
    case stopAllAndQuit
    /// Start or stop recording a trace (`T`).
    case toggleTrace
    /// Every feedback message kept, in an overlay.
    case history
    case selectConnector(Int), nextConnector, previousConnector
    case swipe, togglePlug, stopSession, toggleEV, fault, toggleLockJam, reset, toggleOnline
    /// `C`: the picker of the demo central system's CALLs (the `csms` commands).
    case centralSystem
    case configuration, dashboard
    /// The fleet view (`--fleet`): open the selected station, or one named by its identity;
    /// from a station's view, back to the fleet.
    case openStation, jumpToStation, backToFleet
    /// Moves in the log, the key list, a picker, or scrolls a text overlay and a frame.
    case up, down, pageUp, pageDown, top, bottom
    case open, filter, toggleFollow, clearFilter
    /// Overlays: close the help or a frame, show a frame's request or response, choose
    /// the selected item of a picker or the item numbered so.
    case close, partner, choose, chooseItem(Int)
    /// A frame: copy its one-line JSON to the terminal's clipboard, save it to a file.
    case copyFrame, saveFrame
    /// Prompts: run or apply the line, Tab, a key for the line editor (`LineEditor.apply`).
    case submit, complete, edit
    /// Leave a picker or a prompt without doing anything.
    case cancel

    /// Where a move (`up`, `down`, `pageUp`, `pageDown`, `top`; any other: the end) goes
    /// from `current` in a list or a text whose last position is `last`, kept within it.
    func moved(from current: Int, page: Int, last: Int) -> Int {
        let target =
            switch self {
            case .up: current - 1
            case .down: current + 1
            case .pageUp: current - page
            case .pageDown: current + page
            case .top: 0
            default: last
            }
        return min(max(0, target), last)
    }
}
