import ChargePoint

/// The fleet view's `:` line (issue 15 §4), as a fleet's headless input reads it: a
/// station command names its station, `on CP-0003 plug 1`, or every station, `on all
/// heartbeat`; `powercut` may be addressed too. Without `on`: `quit` and `help`.
enum FleetCommandLine {
    enum Outcome: Equatable {
        /// What to do, and a line for the feedback (`on all …` sent to 20 stations).
        case effects([FleetEffect], notice: String?)
        case help
        case refused(String)
    }

    /// What `help` says first in the fleet view.
    static let help =
        "In the fleet view: on <station|all> <command> for station commands and powercut; quit; quit --stop; "
        + "Enter opens a station, where plain commands go to it."

    static func read(_ text: String, rows: FleetRows) -> Outcome {
        guard !text.isEmpty else { return .effects([], notice: nil) }
        guard let address = FleetAddress.split(text) else { return readForTheFleet(text) }
        var station: Int?
        if let identity = address.station {
            guard let number = rows.rows.firstIndex(where: { $0.identity == identity }) else {
                return .refused("no station '\(identity)' in this fleet")
            }
            station = number
        }
        let command: OperatorCommand
        do {
            guard let parsed = try CommandParser.parse(address.command) else {
                return .refused("'on' without a command")
            }
            command = parsed
        } catch {
            return .refused("\(address.command): \(error)")
        }
        let whom = address.station ?? "all \(rows.count) stations"
        switch command {
        case .station(let command):
            return .effects(
                [.submit(command, station: station)],
                notice: station == nil ? "\(address.command): sent to \(whom)" : nil)
        case .session(.powercut):
            return .effects([.powerCut(station: station)], notice: "power cut: \(whom)")
        case .centralSystem:
            return .refused(FleetAddress.centralSystemRefusal)
        default:
            return .refused("'\(address.command)' is not for a station: give it without 'on'")
        }
    }

    /// Tab's candidates for the word after `words`: `on`, `quit`, `help`; after `on`, `all`
    /// and the identities; after the station, the commands and their arguments as the
    /// single view offers them (the connectors of the fleet's profile).
    static func candidates(_ words: [String], rows: FleetRows) -> [String] {
        guard let first = words.first else { return ["on", "quit", "help"] }
        guard first == "on" else { return [] }
        if words.count == 1 { return ["all"] + rows.sorted.map { rows.rows[$0].identity } }
        let connectors = rows.rows.first?.connectors.map(\.id) ?? []
        let context = CompletionContext(
            connectors: connectors, lockableConnectors: connectors, keys: [], writableKeys: [], idTags: [])
        return CommandCompletion.candidates(Array(words.dropFirst(2)), context)
    }

    /// A line without `on`.
    private static func readForTheFleet(_ text: String) -> Outcome {
        let command: OperatorCommand
        do {
            guard let parsed = try CommandParser.parse(text) else { return .effects([], notice: nil) }
            command = parsed
        } catch {
            return .refused("\(text): \(error)")
        }
        switch command {
        case .session(.quit): return .effects([.quit], notice: nil)
        case .session(.quitStopping):
            return .effects(
                [.stopAllAndQuit],
                notice: "stopping every session (reason Local); quitting once the central system has the "
                    + "StopTransactions (15 s at most)")
        case .session(.help): return .help
        case .station, .session(.powercut):
            return .refused("a station command names its station: on <station|all> \(text) (or Enter on its line)")
        case .centralSystem:
            return .refused(FleetAddress.centralSystemRefusal)
        default:
            return .refused("'\(text)' is not for the fleet view: open a station (Enter), or use on <station|all>")
        }
    }
}
