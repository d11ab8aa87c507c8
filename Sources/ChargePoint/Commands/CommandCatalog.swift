/// Every operator command, declared once (DESIGN.md "Operator commands"): `CommandParser`
/// walks this table, `help` prints it and the `:` line completes from it
/// (`CommandCompletion`), so none of them can drift from the others. The README's
/// command table follows it.
public enum CommandCatalog {
    /// Every row: the station's and the session's, then the central system's (`csms`).
    public static let commands: [CommandDefinition] = stationAndSessionCommands + centralSystemCommands

    private static let stationAndSessionCommands: [CommandDefinition] = [
        .init("plug", [.connector()], "EV cable connected to connector c") {
            .station(.plug(connector: $0.connector(0)))
        },
        .init("unplug", [.connector()], "EV cable removed (at the EV side)") {
            .station(.unplug(connector: $0.connector(0)))
        },
        .init("swipe", [.idTag, .connector(.optional)], "RFID card presented at the reader") {
            .station(.swipe(idTag: $0.word(0), connector: $0.optionalConnector(1)))
        },
        .init("stop", [.connector()], "the local stop button") { .station(.stop(connector: $0.connector(0))) },
        .init("ev", [.keyword("suspend", "resume"), .connector()], "the EV stops / resumes drawing power") {
            let connector = $0.connector(1)
            return .station(
                $0.word(0) == "suspend" ? .evSuspend(connector: connector) : .evResume(connector: connector))
        },
        .init("ev", [.keyword("power"), .connector(), .kilowatts], "the EV's maximum draw") {
            .station(.evPower(connector: $0.connector(1), kilowatts: $0.kilowatts(2)))
        },
        .init(
            "fault", [.connector(), .errorCode, .text("info", .optional)], "raise a connector fault (0: the station)"
        ) { .station(.fault(connector: $0.connector(0), code: $0.errorCode(1), info: $0.optionalWord(2))) },
        .init("clear", [.connector()], "clear the connector's fault") { .station(.clear(connector: $0.connector(0))) },
        .init(
            "lock", [.keyword("jam", "free"), .connector(.required, .withCableLock)],
            "the cable lock jams (neither locks nor unlocks) / works again"
        ) {
            let connector = $0.connector(1)
            return .station($0.word(0) == "jam" ? .lockJam(connector: connector) : .lockFree(connector: connector))
        },
        .init("offline", "cut the link to the central system and keep it down") { _ in .station(.offline) },
        .init("online", "restore the link at once") { _ in .station(.online) },
        .init("reset", [.keyword("soft", "hard")], "a local reboot, as Reset would do it") {
            .station(.reset($0.word(0) == "soft" ? .soft : .hard))
        },
        .init("powercut", "abrupt stop of the whole station; the next start recovers") { _ in .session(.powercut) },
        .init("config", [.keyword("get"), .key(writable: false, .repeated)], "read configuration keys") {
            .station(.configGet(keys: $0.words(1)))
        },
        .init(
            "config", [.keyword("set"), .key(writable: true), .text("value")],
            "change a key, as ChangeConfiguration would"
        ) { .station(.configSet(key: $0.word(1), value: $0.word(2))) },
        .init(
            "datatransfer", [.word("vendorId"), .word("messageId", .optional), .text("data", .optional)],
            "send a DataTransfer to the central system"
        ) { .station(.dataTransfer(vendorId: $0.word(0), messageId: $0.optionalWord(1), data: $0.optionalWord(2))) },
        .init("heartbeat", "send a Heartbeat now") { _ in .station(.probe(.heartbeat)) },
        .init("boot", "send a BootNotification now (its answer counts as any boot's)") { _ in
            .station(.probe(.boot))
        },
        .init("status-notify", [.connector()], "send a StatusNotification with the status now (0: the station)") {
            .station(.probe(.statusNotification(connector: $0.connector(0))))
        },
        .init("meter", [.connector()], "send a MeterValues with the readings now") {
            .station(.probe(.meterValues(connector: $0.connector(0))))
        },
        .init(
            "send", [.word("Action"), .text("json")],
            "send any CALL the station may send; the payload is checked against the schema first"
        ) { .station(.probe(.send(action: $0.word(0), payload: $0.word(1)))) },
        .init("status", "print the station snapshot") { _ in .station(.status) },
        .init(
            "certs", "list the installed certificates: use, subject, issuer, validity, fingerprint",
            aliases: ["certificates"]
        ) { _ in .station(.certificates) },
        .init("securitylog", [.keyword("clear")], "clear the security log (a critical security event)") { _ in
            .station(.clearSecurityLog)
        },
        .init("tamper", "the enclosure's tamper sensor trips (a critical security event)") { _ in .station(.tamper) },
        .init("wait", [.duration()], "pause the script: 500ms, 5s, 2m") {
            .session(.wait(milliseconds: $0.duration(0)))
        },
        .init(
            "wait", [.keyword("online"), .duration("timeout", .optional)],
            "pause the script until the boot is accepted (default at most 60s)"
        ) { .session(.waitOnline(timeout: $0.optionalDuration(1) ?? 60_000)) },
        .init(
            "save-log", [.word("file", .optional)],
            "the screen: save every frame of its log (default: in the data directory)"
        ) { .session(.saveLog(path: $0.optionalWord(0))) },
        .init(
            "quit", [.keyword("--stop")],
            "stop every running transaction (Local), wait until the central system has them (or they are queued), leave"
        ) { _ in .session(.quitStopping) },
        .init("quit", "leave (a running session resumes on the next start)", aliases: ["exit"]) { _ in
            .session(.quit)
        },
        .init(
            "help", [.commandName, .word("action", .optional)],
            "this list; with a command, its usage alone (help csms limit: one csms action)", aliases: ["?"]
        ) { arguments in
            let words = [arguments.optionalWord(0), arguments.optionalWord(1)].compactMap { $0 }
            return .session(.help(command: words.isEmpty ? nil : words.joined(separator: " ")))
        },
    ]

    /// The command names, each once, in the order of the table.
    public static var names: [String] {
        var seen: Set<String> = []
        return commands.map(\.name).filter { seen.insert($0).inserted }
    }

    /// The rows of the command `word` names (a family shares a name), in table order.
    static func definitions(named word: String) -> [CommandDefinition] {
        commands.filter { $0.isNamed(word) }
    }

    /// The help text: one aligned line per usage; a command of many actions (`csms`) in
    /// one line, its actions under `help <command>`.
    public static var helpText: String {
        let rows = names.flatMap { name -> [(usage: String, summary: String)] in
            let family = definitions(named: name)
            guard family.count > largeFamily else { return family.map { ($0.usage, $0.summary) } }
            let summary = (familySummaries[name] ?? "") + "; 'help \(name)' lists them"
            return [("\(name) <action> [argument ...]", summary)]
        }
        return aligned(rows)
    }

    /// A family of more rows than this (`csms`) is one line of `help`; its parse errors
    /// name its actions, or once one is given, that action's usage alone.
    static let largeFamily = 4

    /// What a large family's line in `help` says.
    private static let familySummaries = [
        "csms": "the embedded demo central system (--demo) sends the station one of its CALLs"
    ]

    /// `help <command> [action]`: the usage of the command `name` names (every row of a
    /// family, or of its action when one is given and it has it: `csms limit`), aligned
    /// as in the whole list; nil when there is no such command.
    public static func helpText(for name: String) -> String? {
        let words = name.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let rows = definitions(named: first)
        guard !rows.isEmpty else { return nil }
        if words.count > 1 {
            let action = rows.filter { $0.usage.split(separator: " ").dropFirst().first.map(String.init) == words[1] }
            if !action.isEmpty { return helpText(of: action) }
        }
        return helpText(of: rows)
    }

    private static func helpText(of rows: [CommandDefinition]) -> String {
        aligned(rows.map { ($0.usage, $0.summary) })
    }

    private static func aligned(_ rows: [(usage: String, summary: String)]) -> String {
        let width = rows.map(\.usage.count).max() ?? 0
        return rows.map { $0.usage.padding(to: width) + "  " + $0.summary }.joined(separator: "\n")
    }
}

extension CommandDefinition {
    fileprivate init(
        _ name: String, _ summary: String, aliases: [String] = [],
        build: @escaping @Sendable (ParsedArguments) -> OperatorCommand
    ) {
        self.init(name, [], summary, aliases: aliases, build: build)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
