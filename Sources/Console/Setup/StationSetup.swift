import ChargePoint
import ChargePointRuntime
import Foundation

/// Turns the command line into a runnable station: the profile, the identity, the data
/// directory, the endpoint (or the demo central system). Every problem is a
/// `SetupError`, printed on one line with exit status 2.
struct StationSetup {
    let options: ConsoleOptions
    let assets: AssetLocator?
    let profile: StationProfile
    let stationId: String
    /// `--data-dir`, or `$XDG_DATA_HOME/ocpp-console/<id>`: one process at a time
    /// (`DataDirectoryLock`).
    let dataDirectory: String
    var databasePath: String { dataDirectory + "/station.sqlite" }
    let cards: [DemoCard]
    /// `--script`, read before anything starts.
    let script: CommandScript?
    /// HTTP Basic auth (`PasswordSource`).
    let password: String?
    /// `--seed`, or one drawn at random: every station's randomness comes from it.
    let seed: UInt64

    struct SetupError: Error, CustomStringConvertible {
        let description: String
    }

    init(options: ConsoleOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.options = options
        seed = options.seed ?? UInt64.random(in: 0...UInt64.max)
        assets = AssetLocator.locate(environment: environment)
        do {
            profile = try StationProfileLoader.load(options.station, assets: assets)
        } catch {
            throw SetupError(description: "bad station profile: \(error)")
        }
        stationId = options.stationId ?? profile.identity.serialNumber?.value ?? "ocpp-console"
        if let explicit = options.dataDirectory {
            guard !explicit.isEmpty else { throw SetupError(description: "--data-dir needs a directory") }
            dataDirectory = explicit
        } else {
            dataDirectory = Self.dataRoot(environment: environment) + "/" + Self.safeFileName(stationId)
        }
        if let assets, FileManager.default.fileExists(atPath: assets.cardsFile.path) {
            do {
                cards = try DemoCards.load(assets.cardsFile)
            } catch {
                throw SetupError(description: "bad demo cards: \(error)")
            }
        } else {
            cards = []
        }
        do {
            script = try options.script.map(CommandScript.load)
        } catch {
            throw SetupError(description: error.description)
        }
        do {
            password = try options.link.resolve(environment: environment)
        } catch {
            throw SetupError(description: error.description)
        }
        if password != nil, !options.isFleet, let problem = ChargePointIdentity.basicAuthProblem(stationId) {
            throw SetupError(description: "the identity '\(stationId)' \(problem): choose another --id")
        }
    }

    /// Without `--seed`, the seed drawn, so that a run that went wrong can be repeated.
    var seedNotice: String? {
        options.seed == nil ? "seed \(seed): --seed \(seed) repeats this run's randomness" : nil
    }

    /// `--frame-log` and `--trace`, opened for appending: once the data directory exists
    /// (`DataDirectoryLock.acquire` makes it), as they may be files in it.
    func openRecordings() throws(SetupError) -> FrameRecordings {
        try FrameRecordings(frameLog: options.frameLog, trace: options.trace, chargePointId: stationId)
    }

    /// `$XDG_DATA_HOME/ocpp-console` (or `~/.local/share/ocpp-console`): where each
    /// station's data directory is by default, one per identity.
    static func dataRoot(environment: [String: String]) -> String {
        let base =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/ocpp-console"
    }

    /// A station id may contain anything; a directory name may not.
    /// A directory name for a station id, one per id: letters, digits, `-`, `_` and `.`
    /// stay, every other byte is percent-encoded (`a/b` → `a%2Fb`, never the `a_b` of
    /// another station), and `.` / `..` are encoded whole so that no id names the
    /// parent directory or itself.
    static func safeFileName(_ text: String) -> String {
        var name = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "-" || character == "_" || character == "." {
                name.append(character)
            } else {
                for byte in String(character).utf8 { name += "%" + hexByte(byte) }
            }
        }
        if name == "." || name == ".." { name = String(repeating: "%2E", count: name.count) }
        return name
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The runner's configuration; in a fleet, for one of its stations (`identity`, its
    /// database at `databasePath`).
    func runnerConfiguration(
        url: String, identity: String? = nil, databasePath: String? = nil
    ) throws -> StationRunner.Configuration {
        let stationId = identity ?? stationId
        let endpoint: Endpoint
        do {
            endpoint = try Endpoint(url: url, stationId: stationId)
        } catch {
            throw SetupError(description: "bad --url: \(error)")
        }
        var configuration = StationRunner.Configuration(
            profile: profile, databasePath: databasePath ?? self.databasePath, stationId: stationId, endpoint: endpoint,
            password: password, caFile: options.link.caFile, insecure: options.link.insecure,
            transferTimeout: options.transferTimeout, clientCertificateFile: options.link.clientCertificate,
            clientKeyFile: options.link.clientKey)
        configuration.seed = FleetSeed.station(seed, identity: stationId)
        return configuration
    }
}
