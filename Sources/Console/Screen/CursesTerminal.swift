internal import CTermShim.Curses
import ChargePoint
import ConsoleScreen
import Foundation

/// The real terminal, through ncursesw: starts and restores it, reads keys, and shows
/// a `Surface` by writing only the rows that changed since the last one, then one
/// `doupdate` (no flicker: curses sends the terminal only the difference).
final class CursesTerminal {
    private(set) var rows = 0
    private(set) var columns = 0
    let glyphs: Glyphs
    private let theme: Theme
    private var attributes: [Int32] = []
    private var shown: Surface?
    /// The read end of the pipe that signals and station events write to.
    let wakeDescriptor: Int32
    /// Keeps the bytes of a late escape sequence from acting as keys.
    private var escapes = EscapeSequenceGuard(delay: 1000)

    /// Whether only ASCII reaches the terminal (`ASCIIFold`).
    private let asciiOnly: Bool

    /// Starts curses; nil (with the terminal untouched) when it cannot. The locale
    /// decides: UTF-8 box drawing when its codeset is UTF-8, ASCII otherwise or with
    /// `ascii` (`--ascii`).
    /// `kiosk`: the keys that send signals (Ctrl-C, Ctrl-Z, Ctrl-\\) arrive as keys, so
    /// that a visitor cannot end or suspend the console.
    init?(theme requested: Theme, ascii: Bool = false, kiosk: Bool = false) {
        let utf8 = tc_setup_locale() == 1
        asciiOnly = ascii || !utf8
        glyphs = asciiOnly ? .ascii : .unicode
        guard tc_start() == 0 else { return nil }
        if kiosk { tc_signal_keys_as_input() }
        wakeDescriptor = tc_install_signal_handlers()
        let colors = tc_start_colors() == 1
        theme = colors ? requested : .mono
        attributes = Role.allCases.map { role in Self.attribute(for: role, theme: theme) }
        escapes = EscapeSequenceGuard(delay: Int64(tc_escape_delay()))
        updateSize()
    }

    /// Restores the terminal. Idempotent; also runs from the crash handlers in C.
    func stop() {
        tc_stop()
    }

    var termination: Int32 { tc_termination_signal() }

    func updateSize() {
        rows = Int(tc_lines())
        columns = Int(tc_cols())
    }

    func drainWakeups() { tc_drain_pipe(wakeDescriptor) }

    /// Forgets what is on the terminal, so the next `show` repaints everything.
    func repaintAll() {
        shown = nil
        tc_repaint_all()
    }

    /// Puts `text` on the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 BEL`),
    /// which xterm, kitty, iTerm2, WezTerm and tmux (`set-clipboard on`) honour, over SSH
    /// too; a terminal that does not ignores it.
    func copyToClipboard(_ text: String) {
        tc_send_sequence("\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}")
    }

    func show(_ surface: Surface) {
        for row in 0..<surface.rows where shown?.rowEquals(surface, row: row) != true {
            write(row: row, of: surface)
        }
        shown = surface
        tc_present()
    }

    private func write(row: Int, of surface: Surface) {
        var column = 0
        while column < surface.columns {
            let role = surface[row, column].role
            var text = String.UnicodeScalarView()
            var end = column
            while end < surface.columns, surface[row, end].role == role {
                let scalar = surface[row, end].scalar
                text.append(asciiOnly ? ASCIIFold.scalar(scalar) : scalar)
                end += 1
            }
            tc_put(Int32(row), Int32(column), String(text), attributes[role.rawValue])
            column = end
        }
    }

    /// Keys waiting, translated; empty when none.
    /// An Esc waits for the window of a late escape sequence (`EscapeSequenceGuard`).
    var holdsEscape: Bool { escapes.holdsEscape }

    func readKeys() -> [Key] {
        var keys: [Key] = []
        var code: UInt32 = 0
        while keys.count < 256 {
            let kind = tc_read_key(&code)
            if kind < 0 { break }
            if let key = kind == 1 ? Self.functionKey(Int32(code)) : Self.characterKey(code) {
                keys += escapes.take(key, at: Timestamp.monotonicNow().millisecondsSince1970)
            }
        }
        return keys + escapes.due(at: Timestamp.monotonicNow().millisecondsSince1970)
    }

    static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
        // Ctrl-\ (28, a SIGQUIT in a cooked terminal), Ctrl-], Ctrl-^, Ctrl-_.
        case 28...31: return .control(Character(Unicode.Scalar(code + 64)!))
        default:
            guard let scalar = Unicode.Scalar(code), code >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
        default: nil
        }
    }

    private static func attribute(for role: Role, theme: Theme) -> Int32 {
        let look = theme.look(role)
        var value: Int32 = 0
        if theme.usesColor, look.foreground != nil || look.background != nil {
            let pair = Int16(role.rawValue + 1)
            init_pair(pair, Int16(look.foreground?.rawValue ?? -1), Int16(look.background?.rawValue ?? -1))
            value |= tc_color_pair(Int32(pair))
        }
        if look.bold { value |= tc_attr_bold() }
        if look.dim { value |= tc_attr_dim() }
        if look.reverse { value |= tc_attr_reverse() }
        if look.underline { value |= tc_attr_underline() }
        return value
    }
}
