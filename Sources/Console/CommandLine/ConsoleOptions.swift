import ArgumentParser
import ChargePointRuntime
import Foundation

/// The command line of DESIGN.md ("Command line"), parsed and validated.
///
/// Validation happens here, before anything starts, so that a typo costs one line on
/// standard error and exit status 2, never a half-started station.
struct ConsoleOptions: ParsableArguments {
    @Flag(help: "Start the embedded central system on 127.0.0.1 and connect to it (the default without --url).")
    var demo = false

    @Flag(
        name: .customLong("demo-loop"),
        help: "With --demo: plug, remote start, charge, remote stop and unplug on a timer, unattended (trade shows).")
    var demoLoop = false

    @Option(
        help: ArgumentHelp(
            "Central system endpoint, ws:// or wss://; the station id is appended as the last path segment, "
                + "or put where the URL says {id} (ws://host/ocpp/{id}/).",
            valueName: "URL"))
    var url: String?

    @Option(
        name: .customLong("id"),
        help: ArgumentHelp(
            "Charge point identity (the last URL path segment, or where --url says {id}).", valueName: "STATION_ID"))
    var stationId: String?

    @Option(help: ArgumentHelp(Self.stationHelp, valueName: "PROFILE"))
    var station = "default"
    /// The profiles this binary can find, named in `--help`.
    static var stationHelp: String {
        let names = AssetLocator.locate()?.profileNames ?? []
        let known = names.isEmpty ? "a name" : names.joined(separator: ", ")
        return "Station profile: \(known) (under Assets/stations), or a .toml file."
    }

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Where the station's SQLite database lives (default: the XDG data directory, per station id).",
            valueName: "DIR"))
    var dataDirectory: String?

    /// `--password`, `--password-file`, `--ca-file`, `--insecure`, `--client-cert`, `--client-key`.
    @OptionGroup var link: LinkOptions

    @Option(
        name: .customLong("transfer-timeout"), parsing: .unconditional,
        help: ArgumentHelp(
            "A firmware download or diagnostics upload that moves no byte for SECONDS fails that try.",
            valueName: "SECONDS"))
    var transferTimeout: Int = 30

    @Flag(help: "No screen: read operator commands from standard input, write JSON Lines events to standard output.")
    var headless = false

    @Option(
        help: ArgumentHelp(
            "Run the operator commands in FILE first (on the screen too, its progress on the feedback line).",
            valueName: "FILE"))
    var script: String?

    @Option(help: ArgumentHelp("Write a diagnostic log to FILE.", valueName: "FILE"))
    var log: String?

    @Option(help: ArgumentHelp("Write every frame to FILE as TIMESTAMP [2,…] lines.", valueName: "FILE"))
    var frameLog: String?

    @Option(help: ArgumentHelp("Write every frame to FILE in the OCPP trace format 1.0 (JSON Lines).", valueName: "FILE"))
    var trace: String?

    @Option(help: ArgumentHelp("Colour theme.", valueName: "dark|light|mono"))
    var theme: Theme = .dark

    @Flag(help: "Draw with ASCII only (the default when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: ArgumentHelp(Self.kioskHelp))
    var kiosk = false
    static let kioskHelp =
        "A booth: q, reset and power cut, faults and offline wait for y; Ctrl-C and Ctrl-Z are keys; "
        + "--demo-loop starts over by itself when stuck."

    @Flag(help: "Headless: the first command that fails ends the run (exit status 3; 4 for 'wait online' timing out).")
    var strict = false

    /// `--stop-on-quit` (ArgumentParser spells the name from the property).
    @Flag(help: "Headless: quit (and the end of input) first stops every running transaction, as 'quit --stop' does.")
    var stopOnQuit = false

    // A fleet (issue 15): many stations in this one process, headless or on the screen.
    // Numbers are read `.unconditional`ly, here and for every numeric option: `--ramp -5`
    // is a value the range check refuses by name, not a "Missing value".

    @Option(parsing: .unconditional, help: ArgumentHelp(Self.fleetHelp, valueName: "N")) var fleet: Int?
    static let fleetHelp =
        "Run N stations in this process (on the screen: the fleet view, a line each): identities "
        + "<--id>-0001 … <--id>-N, each with its own "
        + "database under --data-dir/<identity>."
    @Option(name: .customLong("ids"), help: ArgumentHelp(Self.idsHelp, valueName: "FILE")) var idsFile: String?
    static let idsHelp = "The fleet's identities, one per line (instead of numbering --id)."
    @Option(help: ArgumentHelp("Drive the K-th of M slices of the fleet's identities.", valueName: "K/M"))
    var shard: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Self.rampHelp, valueName: "STATIONS_PER_SECOND"))
    var ramp: Double?
    static let rampHelp = "Open at most this many connections a second, at the start and when reconnecting (default 50)."

    @Option(help: ArgumentHelp(Self.behaviourHelp, valueName: "FILE"))
    var fleetBehaviour: String?
    static let behaviourHelp =
        "What the fleet does on its own (EV arrivals, sessions, faults, offline periods): a TOML file, or a name "
        + "under Assets/fleet (default)."

    @Option(help: ArgumentHelp(Self.journalHelp, valueName: "wal|rollback")) var fleetJournal: FleetJournal?
    static let journalHelp =
        "How each station's database makes commits durable: wal (default: fast boots) or rollback "
        + "(about 30 KiB less memory a station, slower boots)."

    /// `--fleet-journal`: a fleet station's SQLite journal (README "A fleet in one process").
    enum FleetJournal: String, ExpressibleByArgument, CaseIterable {
        case wal, rollback
        var journal: SQLiteStore.Journal { self == .wal ? .writeAheadLog : .rollback }
    }

    @Option(parsing: .unconditional, help: ArgumentHelp(Self.seedHelp, valueName: "N")) var seed: UInt64?
    static let seedHelp = "Seed the stations' randomness (reconnect jitter, behaviour) so that a run repeats."

    /// `--fleet` or `--ids`: many stations in this process.
    var isFleet: Bool { fleet != nil || idsFile != nil }

    /// `--ramp`'s default: 50 new connections a second.
    static let defaultRamp = 50.0

    enum Theme: String, ExpressibleByArgument, CaseIterable {
        case dark, light, mono
    }

    mutating func validate() throws {
        try validateFleet()
        if let url {
            guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
                throw ValidationError("--url must start with ws:// or wss:// (got '\(url)')")
            }
            guard url.split(separator: "/", omittingEmptySubsequences: true).count >= 2 else {
                throw ValidationError("--url has no host (got '\(url)')")
            }
            if demo {
                throw ValidationError("--demo and --url exclude each other: --demo starts its own central system")
            }
            if demoLoop {
                throw ValidationError("--demo-loop needs the embedded central system: drop --url")
            }
        } else {
            demo = true
        }
        if let stationId, let problem = ChargePointIdentity.problem(stationId) {
            throw ValidationError("--id \(problem)")
        }
        if kiosk, headless {
            throw ValidationError("--kiosk is for the screen: drop --headless")
        }
        if strict, !headless {
            throw ValidationError("--strict is for --headless runs (the screen's operator sees each refusal)")
        }
        if stopOnQuit, !headless {
            throw ValidationError("--stop-on-quit is for --headless runs (on the screen, Q quits stopping the sessions)")
        }
        try link.validate(url: url)
        if let trace, let frameLog, Self.sameFile(trace, frameLog) {
            throw ValidationError("--trace and --frame-log name the same file '\(trace)': give each its own")
        }
        guard (1...3600).contains(transferTimeout) else {
            throw ValidationError("--transfer-timeout must be 1 to 3600 seconds (got \(transferTimeout))")
        }
    }

    /// Whether two paths name one file: the same path once made absolute, `.`, `..` and
    /// symbolic links resolved (a file that does not exist yet resolves as far as it can).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return resolved(first) == resolved(second)
    }

    /// The fleet's options: together, headless, on a `--url`, without what phase 1 of
    /// issue 15 does not carry per station yet.
    private func validateFleet() throws {
        guard isFleet else {
            for (name, given) in [
                ("--shard", shard != nil), ("--ramp", ramp != nil), ("--fleet-behaviour", fleetBehaviour != nil),
                ("--fleet-journal", fleetJournal != nil),
            ] where given {
                throw ValidationError("\(name) is for a fleet: add --fleet N or --ids FILE")
            }
            return
        }
        if let fleet, fleet < 1 { throw ValidationError("--fleet needs at least 1 station (got \(fleet))") }
        if !headless, script != nil {
            throw ValidationError("--script with --fleet runs headless for now: add --headless")
        }
        if kiosk { throw ValidationError("--kiosk is for one station: drop --fleet") }
        guard url != nil else { throw ValidationError("--fleet needs the central system's --url") }
        if let ramp, !(ramp > 0 && ramp.isFinite) {
            throw ValidationError("--ramp must be a positive number of stations a second (got \(ramp))")
        }
        if let shard {
            do {
                _ = try ShardSpec(parsing: shard)
            } catch {
                throw ValidationError(error.description)
            }
        }
        for (name, given) in [
            ("--log", log != nil), ("--trace", trace != nil), ("--frame-log", frameLog != nil),
            ("--demo-loop", demoLoop),
        ] where given {
            throw ValidationError("\(name) is not available with --fleet yet")
        }
    }
}
