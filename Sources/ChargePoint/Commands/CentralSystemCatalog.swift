/// The `csms …` rows of the command table (issue 14): what the embedded demo central
/// system sends the station, one OCPP 1.6 chapter 5 CALL per row. Data like every other
/// row: the parser, `help csms`, Tab completion and a picker of central-system actions
/// read them from here (`CommandCatalog.centralSystemCommands`).
extension CommandCatalog {
    /// The rows named `csms`, in the order `help csms` lists them; each one's first
    /// argument is its action's keyword (`reset`, `limit`, …).
    public static let centralSystemCommands: [CommandDefinition] = [
        csms("reset", [.choice(["soft", "hard"])], "Reset: the station reboots (soft: stopping transactions first)") {
            .reset($0.word(1) == "soft" ? .soft : .hard)
        },
        csms(
            "availability", [.connector(), .choice(["operative", "inoperative"])],
            "ChangeAvailability (0: the whole station)"
        ) { .availability(connector: $0.connector(1), $0.word(2) == "operative" ? .operative : .inoperative) },
        csms("unlock", [.connector()], "UnlockConnector") { .unlock(connector: $0.connector(1)) },
        csms("get-config", [.key(writable: false, .repeated)], "GetConfiguration (no key: every key)") {
            .getConfiguration(keys: $0.words(1))
        },
        csms("set-config", [.key(writable: true), .text("value")], "ChangeConfiguration") {
            .setConfiguration(key: $0.word(1), value: $0.word(2))
        },
        csms("clear-cache", [], "ClearCache: the station forgets the idTags it cached") { _ in .clearCache },
        csms(
            "trigger", [messageTrigger, .connector(.optional)],
            "TriggerMessage: the station sends that message now"
        ) { arguments in
            guard let message = MessageTrigger(rawValue: arguments.word(1)) else {
                preconditionFailure("the choice gives a MessageTrigger's own spelling")
            }
            return .trigger(message, connector: arguments.optionalConnector(2))
        },
        csms(
            "remote-start",
            [.idTag, .connector(.optional), ArgumentDefinition.powerOrCurrent.introduced(by: "--limit")],
            "RemoteStartTransaction, with a TxProfile of that limit"
        ) {
            .remoteStart(idTag: $0.word(1), connector: $0.optionalConnector(2), limit: $0.optionalPowerOrCurrent(3))
        },
        csms(
            "remote-stop", [.number("c|txid")],
            "RemoteStopTransaction: a connector's transaction, any other number a transaction id"
        ) { .remoteStop(connectorOrTransaction: $0.number(1)) },
        csms(
            "limit", [.connector(), .powerOrCurrent, ArgumentDefinition.duration().atLeast(milliseconds: 1000).introduced(by: "for")],
            "SetChargingProfile: TxProfile on the running transaction, else TxDefaultProfile"
        ) {
            .limit(
                connector: $0.connector(1), $0.powerOrCurrent(2), seconds: $0.optionalDuration(3).map(Self.seconds))
        },
        csms("station-limit", [.kilowatts], "SetChargingProfile: ChargePointMaxProfile on connector 0") {
            .stationLimit(kilowatts: $0.kilowatts(1))
        },
        csms("clear-limits", [], "ClearChargingProfile: every charging profile") { _ in .clearLimits },
        csms("composite", [.connector(), .duration().atLeast(milliseconds: 1000)], "GetCompositeSchedule for that long from now") {
            .composite(connector: $0.connector(1), seconds: Self.seconds($0.duration(2)))
        },
        csms("reserve", [.connector(), .idTag, .duration().atLeast(milliseconds: 1000)], "ReserveNow, expiring after the duration") {
            .reserve(connector: $0.connector(1), idTag: $0.word(2), seconds: Self.seconds($0.duration(3)))
        },
        csms("cancel-reservation", [.number("id")], "CancelReservation") { .cancelReservation(id: $0.number(1)) },
        csms(
            "local-list", [.choice(["full", "diff"]), .word("idTag[:status]", .repeated)],
            "SendLocalList: idTag (Accepted), idTag:Blocked, -idTag (diff: remove)"
        ) { .localList($0.word(1) == "full" ? .full : .differential, entries: $0.words(2)) },
        csms(
            "data-transfer", [.word("vendorId"), .word("messageId", .optional), .text("data", .optional)],
            "DataTransfer to the station"
        ) { .dataTransfer(vendorId: $0.word(1), messageId: $0.optionalWord(2), data: $0.optionalWord(3)) },
        csms(
            "update-firmware", [.word("version")],
            "UpdateFirmware of an image the demo serves; the station then runs that version"
        ) { .updateFirmware(version: $0.word(1)) },
        csms("get-diagnostics", [], "GetDiagnostics: the station uploads its file to the demo") { _ in
            .getDiagnostics
        },
        csms("send", [.word("Action"), .text("json")], "any CALL of the central system, checked against its schema") {
            .send(action: $0.word(1), payload: $0.word(2))
        },
    ]

    /// TriggerMessage's requestedMessage (OCPP 1.6 §7.32), in any case.
    private static let messageTrigger = ArgumentDefinition(
        .choice(MessageTrigger.allCases.map(\.rawValue)), "message", noun: "a message to trigger")

    /// Whole seconds, rounded up (OCPP durations are seconds).
    private static func seconds(_ milliseconds: Int64) -> Int { Int((milliseconds + 999) / 1000) }

    /// A `csms <action> …` row: `action` is its first, keyword argument.
    private static func csms(
        _ action: String, _ arguments: [ArgumentDefinition], _ summary: String,
        build: @escaping @Sendable (ParsedArguments) -> CentralSystemCommand
    ) -> CommandDefinition {
        CommandDefinition("csms", [.keyword(action)] + arguments, summary) { .centralSystem(build($0)) }
    }
}
