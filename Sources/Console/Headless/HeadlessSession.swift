import ChargePoint
import ChargePointRuntime
import Foundation

/// `--headless` (DESIGN.md "Headless events"): operator commands from the `--script`
/// file, then from standard input, one per line, strictly in order; events as JSON Lines
/// on standard output. The end of standard input is `quit`.
struct HeadlessSession {
    let runner: StationRunner
    let scriptPath: String?

    /// Runs until `quit` or the end of input; the exit status.
    func run() -> Int32 {
        if let scriptPath, let script = try? String(contentsOfFile: scriptPath, encoding: .utf8) {
            for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
                if let status = perform(String(line)) { return status }
            }
        }
        while let line = readLine(strippingNewline: true) {
            if let status = perform(line) { return status }
        }
        runner.shutdown()
        return 0
    }

    /// Carries out one line; an exit status when the session is over.
    private func perform(_ line: String) -> Int32? {
        let command: OperatorCommand
        do {
            guard let parsed = try CommandParser.parse(line) else { return nil }
            command = parsed
        } catch {
            runner.report(.error("\(line.trimmingCharacters(in: .whitespaces)): \(error)"))
            return nil
        }
        switch command {
        case .station(let command):
            runner.submit(command)
        case .session(.quit):
            runner.shutdown()
            return 0
        case .session(.wait(let milliseconds)):
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        case .session(.waitOnline(let timeout)):
            if !runner.waitUntilOnline(milliseconds: timeout) {
                runner.report(.error("wait online: not online after \(Double(timeout) / 1000) s; carrying on"))
            }
        case .session(.powercut):
            runner.powerCut()
        case .session(.help(let command)):
            runner.report(.notice(command.flatMap(CommandCatalog.helpText(for:)) ?? CommandCatalog.helpText))
        }
        return nil
    }
}
