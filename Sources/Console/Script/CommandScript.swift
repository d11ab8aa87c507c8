import ChargePoint
import ChargePointRuntime
import Foundation

/// A `--script` file (README "Command line"): operator command lines, run in order
/// before the operator (screen) or standard input (headless) takes over. Errors name
/// the file and the line (`session.txt:4: plgu 1: …`).
struct CommandScript: Sendable {
    let path: String
    let lines: [String]

    /// The file's name, short enough for the feedback line.
    var name: String { (path as NSString).lastPathComponent }

    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ path: String) throws(LoadError) -> CommandScript {
        let text: String
        switch TextFile.read(path) {
        case .success(let read): text = read
        case .failure(let problem): throw LoadError(description: "cannot read the script '\(path)': it \(problem)")
        }
        // `isNewline`: "\r\n" (one Character) ends a line as "\n" does.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return CommandScript(path: path, lines: lines)
    }

    /// Runs every line with `executor`: `.next` when it ran to its end, `.quit` when a
    /// `quit` ended it, `.failed` when `--strict` did. `progress` hears "script: line 3
    /// of 10: plug 1" before each command and a last word at the end; `isCancelled` is
    /// asked before each line.
    func run(
        _ executor: CommandLineExecutor, progress: ((String) -> Void)? = nil, isCancelled: () -> Bool = { false }
    ) -> CommandLineExecutor.Step {
        var refused = 0
        for (index, line) in lines.enumerated() {
            if isCancelled() { return .next }
            let place = CommandLineExecutor.Place(source: path, number: index + 1)
            switch executor.parse(line, at: place) {
            case .nothing: continue
            case .refused:
                refused += 1
                if executor.strict { return .failed(status: 3) }
            case .command(let command, let read):
                let shown = SecretMasking.commandLine(read.text.trimmingCharacters(in: .whitespaces))
                progress?("script: line \(place.number) of \(lines.count): \(shown)")
                let step = executor.execute(command, read, at: place)
                if step == .quit { progress?("script \(name): quit at line \(place.number)") }
                if step != .next { return step }
            }
        }
        let refusals = refused == 0 ? "" : refused == 1 ? ", 1 line refused" : ", \(refused) lines refused"
        progress?("script \(name) done\(refusals)")
        return .next
    }
}
