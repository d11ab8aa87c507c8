import ConsoleScreen
import Foundation

extension CursesTerminal {
    /// The terminal as the options ask for it (`--theme`, `NO_COLOR`, `--ascii`,
    /// `--kiosk`), or why the screen cannot start.
    static func open(_ options: ConsoleOptions) -> Result<CursesTerminal, ScreenUnavailable> {
        if let why = notATerminal { return .failure(why) }
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let theme = noColor ? Theme.mono : Theme.named(options.theme.rawValue)
        guard let terminal = CursesTerminal(theme: theme, ascii: options.ascii, kiosk: options.kiosk) else {
            let term = environment["TERM"] ?? "unset"
            return .failure(ScreenUnavailable(line: "cannot start the screen (TERM=\(term))", status: 1))
        }
        return .success(terminal)
    }

    /// Standard input or output is no terminal: checked before the stations are made, so
    /// that the refusal is the one line a pipe gets.
    static var notATerminal: ScreenUnavailable? {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            return ScreenUnavailable(
                line: "the screen needs a terminal; use --headless for pipes and scripts", status: 2)
        }
        return nil
    }
}

/// Why the screen cannot start: the line for standard error and the exit status.
struct ScreenUnavailable: Error {
    let line: String
    let status: Int32
}
