import ChargePoint
import DemoCentralSystem
import Foundation

/// Carries out operator command lines (DESIGN.md "Operator commands") strictly in order:
/// the one executor behind `--script` files (headless and on the screen) and headless
/// standard input. Every line that holds a command gets exactly one `result` event after
/// it took effect (issue 13), carrying the id the line gave (`OperatorLine`); a line that
/// does not parse is an `error` event naming where it was, and a failed `result`.
struct CommandLineExecutor: Sendable {
    let target: any CommandTarget
    /// How `wait <duration>` passes (ms): a plain sleep headless, one that `quit` can
    /// cut short on the screen.
    let sleep: @Sendable (Int64) -> Void
    /// `--strict`: each command's result is awaited, and the first failure ends the run.
    let strict: Bool
    /// The results so far.
    let ledger: ResultLedger
    /// `--stop-on-quit`: `quit` (and the end of input) is `quit --stop`.
    var stopOnQuit = false

    /// How long `quit --stop` waits for the central system to answer the StopTransactions.
    static let deliveryLimit: Int64 = 15_000

    /// `quit --stop`: every running transaction stopped (Local), then a wait until the
    /// central system answered them or they are queued durably (offline: for the next
    /// start) — at most `deliveryLimit`.
    func stopEveryTransaction() {
        target.submit(.stopAllTransactions) { events in
            events + [.notice("quit --stop: waiting until the central system has the StopTransactions")]
        }
        if !target.waitUntilDelivered(milliseconds: Self.deliveryLimit) {
            target.report(
                .notice(
                    "quit --stop: StopTransaction queued for the next start (not answered yet)"
                        + target.undeliveredPlaces()))
        }
    }

    init(
        target: any CommandTarget, strict: Bool = false, ledger: ResultLedger = ResultLedger(),
        sleep: @escaping @Sendable (Int64) -> Void = Self.threadSleep
    ) {
        (self.target, self.strict, self.ledger, self.sleep) = (target, strict, ledger, sleep)
    }

    static let threadSleep: @Sendable (Int64) -> Void = { Thread.sleep(forTimeInterval: Double($0) / 1000) }

    /// Where a line came from: `session.txt:4`, or `stdin:4`; `number` is the 4.
    struct Place: Sendable, CustomStringConvertible {
        var source: String
        var number: Int
        var description: String { "\(source):\(number)" }
    }

    enum Parsed {
        case command(OperatorCommand, OperatorLine)
        /// A blank line or a comment.
        case nothing
        /// Reported as an `error` event and a failed `result`.
        case refused
    }

    /// What follows a line.
    enum Step: Equatable {
        case next
        /// `quit`: the caller ends the session.
        case quit
        /// Under `--strict`, a command failed: the run ends with this exit status (3, or
        /// 4 for a `wait online` that timed out).
        case failed(status: Int32)
    }

    /// The command of `raw`; what does not parse is reported where it was.
    func parse(_ raw: String, at place: Place) -> Parsed {
        switch OperatorLine.read(raw) {
        case .failure(let error):
            refuse(OperatorLine(id: error.id, text: raw), error.description, at: place)
            return .refused
        case .success(let line):
            do {
                guard let command = try CommandParser.parse(line.text) else {
                    if line.id == nil { return .nothing }
                    refuse(line, "an id without a command", at: place)
                    return .refused
                }
                return .command(command, line)
            } catch {
                refuse(line, "\(error)", at: place)
                return .refused
            }
        }
    }

    /// Reports `line` refused (an `error` naming its place, and a failed `result`).
    func refuse(_ line: OperatorLine, _ why: String, at place: Place) {
        let text = SecretMasking.commandLine(line.text.trimmingCharacters(in: .whitespaces))
        // The parser's complaint may quote the line (`unknown command '…'`).
        let why = SecretMasking.commandLine(why)
        target.report(.error("\(place): \(text): \(why)"))
        acknowledge(CommandResult(id: line.id, line: place.number, source: place.source, command: text, error: why))
    }

    private func acknowledge(_ result: CommandResult, onlineTimeout: Bool = false) {
        ledger.expect()
        ledger.record(result, onlineTimeout: onlineTimeout)
        target.report(.result(result))
    }

    /// Carries out `command`, then acknowledges it.
    func execute(_ command: OperatorCommand, _ line: OperatorLine, at place: Place) -> Step {
        let text = SecretMasking.commandLine(line.text.trimmingCharacters(in: .whitespaces))
        var result = CommandResult(id: line.id, line: place.number, source: place.source, command: text)
        switch command {
        case .station(let command):
            ledger.expect()
            target.submit(command) { [ledger, result] events in
                var result = result
                result.error = events.lazy.compactMap(\.errorText).first
                result.answer = events.first { $0.answersACommand }
                ledger.record(result)
                // The station's refusals name the line they answer (`session.txt:4: plug 9: …`).
                let named = events.map { event -> StationEvent in
                    guard let text = event.errorText else { return event }
                    return .error("\(place): \(result.command): \(text)")
                }
                return named + [.result(result)]
            }
            // A call's answer comes before the next line runs (its `result` carries it).
            guard strict || command.awaitsAnswer else { return .next }
            ledger.waitForAll()
            guard strict else { return .next }
            return ledger.failures > 0 ? .failed(status: 3) : .next
        case .centralSystem(let command):
            // In order: what came before took effect first; the next line waits for the answer.
            ledger.waitForAll()
            let answer = target.centralSystem(command)
            result.payload = answer.payload
            if let error = answer.error {
                result.error = error
                target.report(.error("\(place): \(text): \(error)"))
                acknowledge(result)
                return strict ? .failed(status: 3) : .next
            }
            target.report(.notice("csms: \(answer.summary)"))
        case .session(.quit):
            if stopOnQuit { stopEveryTransaction() }
            acknowledge(result)
            return .quit
        case .session(.quitStopping):
            stopEveryTransaction()
            acknowledge(result)
            return .quit
        case .session(.wait(let milliseconds)):
            sleep(milliseconds)
        case .session(.waitOnline(let timeout)):
            if !target.waitUntilOnline(milliseconds: timeout) {
                result.error = "not online after \(Double(timeout) / 1000) s" + target.offlinePlaces()
                target.report(.error("\(place): wait online: \(result.error ?? "")"))
                acknowledge(result, onlineTimeout: true)
                return strict ? .failed(status: 4) : .next
            }
        case .session(.powercut):
            target.powerCut()
        case .session(.help(let command)):
            target.report(.notice(command.flatMap(CommandCatalog.helpText(for:)) ?? CommandCatalog.helpText))
        case .session(.saveLog(let path)):
            if let refusal = target.saveLog(path: path) {
                result.error = refusal
                target.report(.error("\(place): \(refusal)"))
                acknowledge(result)
                return strict ? .failed(status: 3) : .next
            }
        }
        acknowledge(result)
        return .next
    }

    /// Parses and carries out one line.
    func perform(_ raw: String, at place: Place) -> Step {
        switch parse(raw, at: place) {
        case .nothing: return .next
        case .refused: return strict ? .failed(status: 3) : .next
        case .command(let command, let line): return execute(command, line, at: place)
        }
    }

    /// The exit status of a run that ended by `quit` or the end of its input, once the
    /// station carried out everything (after `StationRunner.shutdown`): 3 when a command
    /// failed (README "Exit status").
    var exitStatus: Int32 { ledger.failures > 0 ? 3 : 0 }
}

extension StationCommand {
    /// It sends a CALL whose answer is its result (`send`, `datatransfer`).
    fileprivate var awaitsAnswer: Bool {
        switch self {
        case .probe(.send), .dataTransfer: true
        default: false
        }
    }
}

extension StationEvent {
    /// Whether this is the answer of a command (`status`, `config get`, `certs`, the
    /// CALLRESULT to `send` and `datatransfer`).
    var answersACommand: Bool {
        switch self {
        case .snapshot, .configuration, .certificates, .callAnswered: true
        default: false
        }
    }
}
