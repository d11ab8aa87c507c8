import ChargePoint
import ChargePointRuntime
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `--fleet N --headless` (issue 15, phase 1): N stations from one profile in this one
/// process, each with its identity, its data directory (`<data-dir>/<identity>/`, its
/// own lock and SQLite database) and its WebSocket to the same `--url` — all on one
/// `LinkHub`: one libwebsockets context and one service thread, never a thread per
/// station. Connections open at `--ramp` a second, at the start and on every
/// reconnection; the exit statuses are those of one station's headless run.
struct FleetLauncher {
    let options: ConsoleOptions
    var environment = ProcessInfo.processInfo.environment

    /// Why the fleet does not run: the line for standard error and the exit status.
    struct Refusal: Error {
        let line: String
        var status: Int32 = 2
    }

    /// One station made ready: its identity, its lock (held for the process's life) and
    /// its runner.
    struct Member {
        let identity: String
        let directory: String
        let lock: DataDirectoryLock
        let runner: StationRunner
    }

    func run() -> Int32 {
        umask(0o077)
        // libwebsockets' notices go to swift-log: nowhere (no --log in a fleet yet).
        _ = try? EventLog.bootstrap(path: nil)
        do throws(Refusal) {
            return try runFleet()
        } catch {
            StandardError.write("ocpp-console: \(error.line)")
            return error.status
        }
    }

    private func runFleet() throws(Refusal) -> Int32 {
        let setup: StationSetup
        let identities: [String]
        do {
            setup = try StationSetup(options: options, environment: environment)
            identities = try self.identities(prefix: setup.stationId, basicAuth: setup.password != nil)
        } catch {
            throw Refusal(line: "\(error)")
        }
        if identities.isEmpty, let shard = options.shard {
            // More shards than stations: this one has nothing to drive, which is no failure
            // (a Kubernetes Job's spare completion must not fail the Job).
            StandardError.write("ocpp-console: shard \(shard) holds no station of this fleet: nothing to drive")
            return 0
        }
        let behaviour: FleetBehaviour?
        do {
            behaviour = try options.fleetBehaviour.map { name throws(ProfileError) in
                try FleetBehaviourLoader.load(name, assets: setup.assets)
            }
        } catch {
            throw Refusal(line: "bad fleet behaviour: \(error)")
        }
        try raiseFileLimit(for: identities.count)
        let hub = LinkHub(openingsPerSecond: options.ramp ?? ConsoleOptions.defaultRamp, fileDescriptorLimit: 0)
        if !options.headless {
            return try FleetScreenLauncher(
                launcher: self, setup: setup, identities: identities, hub: hub, behaviour: behaviour
            ).run()
        }
        let output = HeadlessOutput.standardOutput()
        defer { output.close() }
        let stream = FleetStream(output: output, identities: identities)
        if let notice = setup.seedNotice { stream.publish([.notice(notice)]) }
        let members = try prepare(
            identities, setup: setup, behaviour: behaviour,
            events: { index in { events in stream.publish(events, station: index) } },
            failure: { stream.publish([.error($0)]) }, progress: { stream.publish([.notice($0)]) })
        let runners = members.map(\.runner)
        stream.runners = runners
        try start(members, on: hub)
        stream.beginWindow()
        hub.repeating(everyMilliseconds: FleetStream.summaryPeriod) { stream.summarize() }
        let all = FleetTarget(
            stations: members.map { ($0.identity, $0.runner) }, publish: { stream.publish($0) },
            inOrder: { hub.perform($0) })
        let ledger = ResultLedger()
        let stop = { @Sendable in
            Self.shutdown(runners)
            hub.stop()
        }
        TerminationSignals.install {
            stop()
            output.close()
            return ledger.failures > 0 ? 3 : 0
        }
        let session = FleetSession(
            stations: Dictionary(uniqueKeysWithValues: members.map { ($0.identity, $0.runner) }), all: all,
            script: setup.script, ledger: ledger, strict: options.strict, stopOnQuit: options.stopOnQuit)
        let status = session.run()
        stop()
        return withExtendedLifetime(members) { status }
    }

    /// Starts the hub, then every station on it.
    func start(_ members: [Member], on hub: LinkHub) throws(Refusal) {
        do {
            try hub.start()
            for member in members {
                try member.runner.start(on: hub)
                for notice in member.lock.tightened { member.runner.report(.notice(notice)) }
            }
        } catch {
            throw Refusal(line: "cannot start the fleet: \(error)", status: 1)
        }
    }

    /// The fleet's identities — `--ids` or `--fleet` numbering — then `--shard`'s slice:
    /// this shard's only; none when the shard is empty.
    private func identities(prefix: String, basicAuth: Bool) throws -> [String] {
        var identities: [String]
        if let file = options.idsFile {
            identities = try FleetIdentities.load(file, basicAuth: basicAuth)
            if let count = options.fleet {
                guard count <= identities.count else {
                    throw FleetIdentities.Problem(
                        description: "--fleet \(count) but \(file) lists \(identities.count) identities")
                }
                identities = Array(identities.prefix(count))
            }
        } else {
            identities = FleetIdentities.numbered(prefix: prefix, count: options.fleet ?? 1)
            // The last is the longest: it alone can be too long for its directory.
            if let last = identities.last, let problem = FleetIdentities.check(last, basicAuth: basicAuth) {
                throw FleetIdentities.Problem(description: "--id: the fleet's identity \(problem)")
            }
        }
        if let shard = options.shard {
            identities = FleetIdentities.shard(identities, try ShardSpec(parsing: shard))
        }
        return identities
    }

    /// The process may open as many files as the hard limit allows; a fleet that needs
    /// more is refused with what to do.
    private func raiseFileLimit(for stations: Int) throws(Refusal) {
        let (current, hard) = FileDescriptorLimit.raiseToHard()
        let needed = FileDescriptorLimit.needed(stations: stations)
        guard current >= needed else {
            throw Refusal(
                line: "a fleet of \(stations) stations needs about \(needed) open files, and this process may open "
                    + "\(current) (hard limit \(hard)): raise the limit (`ulimit -n \(needed)`, as root or through "
                    + "/etc/security/limits.conf; LimitNOFILE= for a service), or split the fleet with --shard K/M")
        }
    }

    /// Each station's lock, database and runner (a `StoreError` or a directory that
    /// cannot be used refuses the whole fleet, naming the station's directory).
    /// `events`: where station number `index`'s events go; `failure`: where a station
    /// that stopped says so; `behaviour`: what each station does on its own, if anything.
    /// `progress` hears how far the opening is every `progressPeriod` s (thousands of
    /// databases take a while, more the first time).
    func prepare(
        _ identities: [String], setup: StationSetup, behaviour: FleetBehaviour?,
        events: (Int) -> @Sendable ([StationEvent]) -> Void, failure: @escaping @Sendable (String) -> Void,
        progress: (String) -> Void
    ) throws(Refusal) -> [Member] {
        let root = options.dataDirectory ?? StationSetup.dataRoot(environment: environment)
        SQLiteStore.useSmallPageCaches()
        var members: [Member] = []
        members.reserveCapacity(identities.count)
        var told = Date()
        for (index, identity) in identities.enumerated() {
            if -told.timeIntervalSinceNow >= Self.progressPeriod {
                told = Date()
                progress("opening the stations' data directories: \(index) of \(identities.count)")
            }
            let directory = root + "/" + StationSetup.safeFileName(identity)
            do {
                let lock = try DataDirectoryLock.acquire(directory)
                let databasePath = directory + "/station.sqlite"
                let store = try SQLiteStore(
                    path: databasePath, exclusive: true, pageCache: SQLiteStore.fleetPageCache,
                    journal: (options.fleetJournal ?? .wal).journal)
                var configuration = try setup.runnerConfiguration(
                    url: options.url ?? "", identity: identity, databasePath: databasePath)
                configuration.historyFrames = StationRunner.Configuration.fleetStationHistory
                configuration.profile.identity = Self.serials(setup.profile.identity, station: identity)
                configuration.saysStartWarnings = index == 0
                configuration.behaviour = behaviour
                let runner = try StationRunner(
                    configuration: configuration, store: store,
                    onEvents: events(index),
                    onFailure: { reason in failure("\(identity): the station stopped: \(reason)") })
                members.append(Member(identity: identity, directory: directory, lock: lock, runner: runner))
            } catch let error as ProfileError {
                throw Refusal(line: "bad station profile: \(error)")
            } catch {
                throw Refusal(line: "\(identity): \(error)")
            }
        }
        return members
    }

    /// How often `prepare` says how far it is, s.
    static let progressPeriod = 2.0

    /// A station's BootNotification serial numbers in a fleet: the charge point's is its
    /// identity, the box's and the meter's `CB-` and `M-` before it (where the profile has
    /// them), so that a central system that keys devices by serial sees one device a
    /// station, and a SignCertificate's CN, the serial, names the station (whitepaper
    /// A00.FR.405). A CiString25 keeps the last 25 characters: the station's number.
    static func serials(_ profile: StationIdentity, station identity: String) -> StationIdentity {
        func serial(_ text: String) -> CiString25 { CiString25(truncating: String(text.suffix(25))) }
        var serials = profile
        serials.chargePointSerialNumber = serial(identity)
        serials.chargeBoxSerialNumber = profile.chargeBoxSerialNumber.map { _ in serial("CB-" + identity) }
        serials.meterSerialNumber = profile.meterSerialNumber.map { _ in serial("M-" + identity) }
        return serials
    }

    /// `quit`: every station saves and asks its link to close, then all close together
    /// (two seconds at most for the close handshakes), then the hub stops.
    static func shutdown(_ runners: [StationRunner]) {
        for runner in runners { runner.beginShutdown() }
        let deadline = Date().addingTimeInterval(2)
        for runner in runners { runner.finishShutdown(before: deadline) }
    }
}
