import ChargePoint
import ChargePointRuntime
import Foundation

/// A fleet's command lines (issue 15): the `--script` file, then standard input, one line
/// at a time, strictly in order, as `HeadlessSession` runs one station's.
///
/// A station command names its station: `on CP-0003 plug 1`, or `on all heartbeat` for
/// every station (`FleetAddress`; an id still comes first: `@7 on CP-0003 plug 1`).
/// `powercut` and `wait online` may be addressed too. Without `on`, a line is for the
/// fleet as a whole: `wait`, `wait online` (every station), `quit`, `quit --stop`,
/// `help`. Each line gets its one `result`: in the addressed station's stream, or in the
/// fleet's (no `chargePointId` member) for `on all` and the fleet's own commands.
struct FleetSession {
    let stations: [String: StationRunner]
    let all: FleetTarget
    let script: CommandScript?
    let ledger: ResultLedger
    var strict = false
    var stopOnQuit = false

    func run() -> Int32 {
        var fleet = CommandLineExecutor(target: all, strict: strict, ledger: ledger)
        fleet.stopOnQuit = stopOnQuit
        var step = CommandLineExecutor.Step.next
        if let script {
            for (index, line) in script.lines.enumerated() where step == .next {
                step = perform(line, at: .init(source: script.path, number: index + 1), fleet: fleet)
            }
        }
        var number = 0
        while step == .next, let line = readLine(strippingNewline: true) {
            number += 1
            step = perform(line, at: .init(source: "stdin", number: number), fleet: fleet)
        }
        if step == .next, stopOnQuit { fleet.stopEveryTransaction() }  // the end of input
        if case .failed(let status) = step { return status }
        return fleet.exitStatus
    }

    /// Parses and carries out one line.
    func perform(_ raw: String, at place: CommandLineExecutor.Place, fleet: CommandLineExecutor) -> CommandLineExecutor.Step {
        guard case .success(let line) = OperatorLine.read(raw), let address = FleetAddress.split(line.text) else {
            return performForTheFleet(raw, at: place, fleet: fleet)
        }
        let executor: CommandLineExecutor
        if let identity = address.station {
            guard let runner = stations[identity] else {
                return refuse(line, "no station '\(identity)' in this fleet", at: place, fleet: fleet)
            }
            executor = CommandLineExecutor(target: runner, strict: strict, ledger: ledger)
        } else {
            executor = fleet
        }
        let command: OperatorCommand
        do {
            guard let parsed = try CommandParser.parse(address.command) else {
                return refuse(line, "'on' without a command", at: place, fleet: fleet)
            }
            command = parsed
        } catch {
            return refuse(line, "\(error)", at: place, fleet: executor)
        }
        switch command {
        case .station, .session(.powercut), .session(.waitOnline):
            return executor.execute(command, line, at: place)
        case .centralSystem:
            return refuse(line, FleetAddress.centralSystemRefusal, at: place, fleet: fleet)
        default:
            return refuse(line, "'\(address.command)' is for the whole fleet: give it without 'on'", at: place, fleet: fleet)
        }
    }

    /// A line without `on`: the fleet's own commands only.
    private func performForTheFleet(
        _ raw: String, at place: CommandLineExecutor.Place, fleet: CommandLineExecutor
    ) -> CommandLineExecutor.Step {
        let command: OperatorCommand
        let line: OperatorLine
        switch fleet.parse(raw, at: place) {
        case .nothing: return .next
        case .refused: return strict ? .failed(status: 3) : .next  // reported by `parse`
        case .command(let parsed, let read): (command, line) = (parsed, read)
        }
        switch command {
        case .station, .session(.powercut), .session(.saveLog):
            let why = "a station command names its station: on <station|all> \(line.text)"
            return refuse(line, why, at: place, fleet: fleet)
        case .session(.help):
            all.report(.notice(Self.help))
            return fleet.execute(command, line, at: place)
        case .centralSystem:
            return refuse(line, FleetAddress.centralSystemRefusal, at: place, fleet: fleet)
        default:
            return fleet.execute(command, line, at: place)
        }
    }

    /// What `help` says first in a fleet.
    static let help =
        "In a fleet: on <station|all> <command> for station commands, powercut and wait online; "
        + "without 'on': wait, wait online (every station), quit, quit --stop, help."

    private func refuse(
        _ line: OperatorLine, _ why: String, at place: CommandLineExecutor.Place, fleet: CommandLineExecutor
    ) -> CommandLineExecutor.Step {
        fleet.refuse(line, why, at: place)
        return strict ? .failed(status: 3) : .next
    }
}
