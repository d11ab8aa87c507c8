import ChargePoint
import Foundation

/// Carries out operator command lines (DESIGN.md "Operator commands") strictly in order:
/// the one executor behind `--script` files (headless and on the screen) and headless
/// standard input. A line that does not parse is one `error` event and changes nothing.
struct CommandLineExecutor: Sendable {
    let target: any CommandTarget
    /// How `wait <duration>` passes (ms): a plain sleep headless, one that `quit` can
    /// cut short on the screen.
    let sleep: @Sendable (Int64) -> Void

    init(target: any CommandTarget, sleep: @escaping @Sendable (Int64) -> Void = Self.threadSleep) {
        self.target = target
        self.sleep = sleep
    }

    static let threadSleep: @Sendable (Int64) -> Void = { Thread.sleep(forTimeInterval: Double($0) / 1000) }

    enum Parsed {
        case command(OperatorCommand)
        /// A blank line or a comment.
        case nothing
        /// Reported as an `error` event.
        case refused
    }

    /// The command on `line`; a parse error is reported, prefixed by `location`
    /// (`FILE:LINE`) when the line comes from a file.
    func parse(_ line: String, location: String? = nil) -> Parsed {
        do {
            guard let command = try CommandParser.parse(line) else { return .nothing }
            return .command(command)
        } catch {
            let prefix = location.map { "\($0): " } ?? ""
            target.report(.error("\(prefix)\(line.trimmingCharacters(in: .whitespaces)): \(error)"))
            return .refused
        }
    }

    /// Carries out `command`; false after `quit` (the caller ends the session).
    func execute(_ command: OperatorCommand) -> Bool {
        switch command {
        case .station(let command):
            target.submit(command)
        case .session(.quit):
            return false
        case .session(.wait(let milliseconds)):
            sleep(milliseconds)
        case .session(.waitOnline(let timeout)):
            if !target.waitUntilOnline(milliseconds: timeout) {
                target.report(.error("wait online: not online after \(Double(timeout) / 1000) s; carrying on"))
            }
        case .session(.powercut):
            target.powerCut()
        case .session(.help(let command)):
            target.report(.notice(command.flatMap(CommandCatalog.helpText(for:)) ?? CommandCatalog.helpText))
        case .session(.saveLog(let path)):
            target.saveLog(path: path)
        }
        return true
    }

    /// Parses and carries out one line; false after `quit`.
    func perform(_ line: String) -> Bool {
        guard case .command(let command) = parse(line) else { return true }
        return execute(command)
    }
}
