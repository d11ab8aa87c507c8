import ArgumentParser

/// `ocpp-console replay FILE --url URL [--id ID] [--timeout S] [--timing
/// compressed|original]` and the link's options of the station's own command line
/// (`LinkOptions`: Basic auth, `--ca-file`, `--insecure`, the client certificate).
struct ReplayOptions: ParsableArguments {
    enum Timing: String, ExpressibleByArgument, CaseIterable { case compressed, original }

    @Argument(help: ArgumentHelp("A --trace recording (OCPP trace format 1.0).", valueName: "FILE"))
    var path: String

    @Option(help: "The central system's endpoint, ws:// or wss://.")
    var url: String

    @Option(help: "The charge point identity (default: the trace's chargePointId).")
    var id: String?

    /// `--password`, `--password-file`, `--ca-file`, `--insecure`, `--client-cert`, `--client-key`.
    @OptionGroup var link: LinkOptions

    @Option(
        help: ArgumentHelp(
            "How long an answer, and each CALL of the central system the recording holds, may take.",
            valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(help: "compressed: each CALL once the one before is answered; original: the recorded gaps too.")
    var timing: Timing = .compressed

    mutating func validate() throws {
        guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
            throw ValidationError("--url must start with ws:// or wss:// (got '\(url)')")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        try link.validate(url: url)
    }
}
