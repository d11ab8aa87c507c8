import ArgumentParser

/// `ocpp-console replay FILE --url URL [--id ID] [--timeout S] [--timing
/// compressed|original]` and the link's options of the station's own command line
/// (`LinkOptions`: Basic auth, `--ca-file`, `--insecure`, the client certificate).
struct ReplayOptions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocpp-console replay",
        abstract: "Plays the station's side of a --trace recording against a central system.",
        discussion: """
            The station's CALLs go in order, each once the one before is answered; the central system's CALLs \
            are answered as the station answered them then, and after the last CALL those the recording holds \
            are awaited. Every answer that differs from the recording is a line (date-times compare only as \
            date-times, transactionIds not at all: the new ones are sent on), and so is a CALL of the central \
            system that the recording lacks or that never came.

            Exit status: 0 when there is no difference, 5 when there is one, 1 when it cannot connect or the \
            link closed before the end, 2 on bad arguments or a file that is no trace.
            """)

    enum Timing: String, ExpressibleByArgument, CaseIterable { case compressed, original }

    @Argument(help: ArgumentHelp("A --trace recording (OCPP trace format 1.0).", valueName: "FILE"))
    var path: String

    @Option(help: ArgumentHelp("The central system's endpoint, ws:// or wss://.", valueName: "URL"))
    var url: String

    @Option(help: ArgumentHelp("The charge point identity (default: the trace's chargePointId).", valueName: "ID"))
    var id: String?

    /// `--password`, `--password-file`, `--ca-file`, `--insecure`, `--client-cert`, `--client-key`.
    @OptionGroup var link: LinkOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How long an answer, and each CALL of the central system the recording holds, may take.",
            valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(
        help: ArgumentHelp(
            "compressed: each CALL once the one before is answered; original: the recorded gaps too.",
            valueName: "compressed|original"))
    var timing: Timing = .compressed

    mutating func validate() throws {
        guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
            throw ValidationError("--url must start with ws:// or wss:// (got '\(url)')")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        try link.validate(url: url)
    }
}
