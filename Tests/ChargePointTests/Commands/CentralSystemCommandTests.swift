import ChargePoint
import Testing

/// `csms …` (issue 14): the central system's CALLs in the one command language, each
/// row of `CommandCatalog.centralSystemCommands` read into its `CentralSystemCommand`.
@Suite("csms commands")
struct CentralSystemCommandTests {
    @Test(arguments: [
        ("csms reset SOFT", CentralSystemCommand.reset(.soft)),
        ("csms availability 0 Inoperative", .availability(connector: 0, .inoperative)),
        ("csms unlock 2", .unlock(connector: 2)),
        ("csms get-config", .getConfiguration(keys: [])),
        ("csms get-config HeartbeatInterval", .getConfiguration(keys: ["HeartbeatInterval"])),
        ("csms set-config HeartbeatInterval 60", .setConfiguration(key: "HeartbeatInterval", value: "60")),
        ("csms clear-cache", .clearCache),
        ("csms trigger statusnotification 2", .trigger(.statusNotification, connector: 2)),
        ("csms trigger Heartbeat", .trigger(.heartbeat, connector: nil)),
        ("csms remote-start 04A1B2C3", .remoteStart(idTag: "04A1B2C3", connector: nil, limit: nil)),
        (
            "csms remote-start 04A1B2C3 --limit 16A",
            .remoteStart(idTag: "04A1B2C3", connector: nil, limit: .init(16, .amperes))
        ),
        (
            "csms remote-start 04A1B2C3 2 --limit 7.4kW",
            .remoteStart(idTag: "04A1B2C3", connector: 2, limit: .init(7.4, .watts))
        ),
        ("csms remote-stop 1", .remoteStop(connectorOrTransaction: 1)),
        ("csms limit 1 11", .limit(connector: 1, .init(11, .watts), seconds: nil)),
        ("csms limit 1 10a for 90s", .limit(connector: 1, .init(10, .amperes), seconds: 90)),
        ("csms limit 1 10a for 1500ms", .limit(connector: 1, .init(10, .amperes), seconds: 2)),
        ("csms station-limit 7", .stationLimit(kilowatts: 7)),
        ("csms clear-limits", .clearLimits),
        ("csms composite 1 1h", .composite(connector: 1, seconds: 3600)),
        ("csms reserve 2 04A1B2C3 10m", .reserve(connector: 2, idTag: "04A1B2C3", seconds: 600)),
        ("csms cancel-reservation 4", .cancelReservation(id: 4)),
        ("csms local-list full", .localList(.full, entries: [])),
        ("csms local-list DIFF A B:Blocked -C", .localList(.differential, entries: ["A", "B:Blocked", "-C"])),
        ("csms data-transfer com.example", .dataTransfer(vendorId: "com.example", messageId: nil, data: nil)),
        (
            "csms data-transfer com.example Ping two words",
            .dataTransfer(vendorId: "com.example", messageId: "Ping", data: "two words")
        ),
        ("csms update-firmware 2.0.1", .updateFirmware(version: "2.0.1")),
        ("csms get-diagnostics", .getDiagnostics),
        (#"csms send Reset '{"type": "Hard"}'"#, .send(action: "Reset", payload: #"{"type": "Hard"}"#)),
    ])
    func everyAction_readsIntoItsCall(_ line: String, _ expected: CentralSystemCommand) throws {
        #expect(try CommandParser.parse(line) == .centralSystem(expected))
    }

    @Test(arguments: [
        (
            "csms",
            "csms needs an action: reset, availability, unlock, get-config, set-config, clear-cache, trigger, "
                + "remote-start, remote-stop, limit, station-limit, clear-limits, composite, reserve, cancel-reservation, "
                + "local-list, data-transfer, update-firmware, get-diagnostics or send; 'help csms' gives their usage"
        ),
        (
            "csms rest soft",
            "csms rest? expected one of reset, availability, unlock, get-config, set-config, "
                + "clear-cache, trigger, remote-start, remote-stop, limit, station-limit, clear-limits, composite, reserve, "
                + "cancel-reservation, local-list, data-transfer, update-firmware, get-diagnostics or send; "
                + "'help csms' gives their usage"
        ),
        ("csms reset", "csms reset needs soft or hard (usage: csms reset soft|hard)"),
        ("csms reset warm", "'warm' is not soft or hard"),
        ("csms availability 1 broken", "'broken' is not operative or inoperative"),
        ("csms limit 1 7 for", "csms limit 1 7 for needs a duration (usage: csms limit <c> <kW|A> [for <duration>])"),
        ("csms limit 1 7W", "'7W' is not a limit: use 7.4 or 7.4kW (power), 16A (current)"),
        (
            "csms remote-start A --limit",
            "csms remote-start A --limit needs a limit in kW or A (usage: csms remote-start <idTag> [c] [--limit <kW|A>])"
        ),
        (
            "csms trigger Boot",
            "'Boot' is not BootNotification, DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues or StatusNotification"
        ),
        ("csms cancel-reservation x", "'x' is not a whole number (usage: csms cancel-reservation <id>)"),
        ("csms clear-cache now", "unexpected 'now' after csms (usage: csms clear-cache)"),
    ])
    func mistakes_sayWhatWasExpected(_ line: String, _ message: String) {
        #expect(throws: CommandError(message)) { try CommandParser.parse(line) }
    }

    /// `help csms`: every action with its usage, for the operator and for a picker.
    @Test func helpCsms_listsEveryAction() throws {
        let help = try #require(CommandCatalog.helpText(for: "csms"))
        #expect(help.split(separator: "\n").count == CommandCatalog.centralSystemCommands.count)
        #expect(help.contains("csms remote-start <idTag> [c] [--limit <kW|A>]"))
        #expect(help.contains("csms limit <c> <kW|A> [for <duration>]"))
        #expect(help.contains("csms trigger <message> [c]"))
    }

    @Test func completion_offersTheActionsThenTheirWords() {
        let context = CompletionContext(
            connectors: [1, 2], lockableConnectors: [1], keys: ["HeartbeatInterval"],
            writableKeys: ["HeartbeatInterval"],
            idTags: ["04A1B2C3"])
        #expect(CommandCompletion.candidates(["csms"], context).prefix(3) == ["reset", "availability", "unlock"])
        #expect(CommandCompletion.candidates(["csms", "reset"], context) == ["soft", "hard"])
        #expect(CommandCompletion.candidates(["csms", "trigger"], context).contains("MeterValues"))
        #expect(CommandCompletion.candidates(["csms", "limit", "1", "7"], context) == ["for"])
    }
}
