import ChargePoint
import ChargePointRuntime
import ConsoleScreen
import DemoCentralSystem
import Foundation

/// Starts what the options ask for and returns the process exit status (README
/// "Command line": 0 on quit, 2 on bad arguments, a bad profile or a data directory
/// that cannot be used — held by another process included —, 1 on an internal failure).
struct ConsoleLauncher {
    let options: ConsoleOptions

    /// Why the station does not run: the line for standard error and the exit status.
    private struct Refusal: Error {
        let line: String
        let status: Int32
    }

    func run() -> Int32 {
        // Many stations in this process (issue 15): a launcher of its own.
        if options.isFleet { return FleetLauncher(options: options).run() }
        // Secrets at rest: whatever the console creates (database, keys, downloads, the
        // log) is its user's alone (files 0600, directories 0700).
        umask(0o077)
        let logFile: FileLogHandler.Sink?
        do {
            logFile = try EventLog.bootstrap(path: options.log)
        } catch {
            return refuse(Refusal(line: "\(error)", status: 2))
        }
        // Every record queued for the log is written before the process exits.
        defer { logFile?.close() }
        let setup: StationSetup
        let lock: DataDirectoryLock
        let store: SQLiteStore
        let recordings: FrameRecordings
        do {
            setup = try StationSetup(options: options)
            // One process per data directory, locked before the database is opened and
            // held until the process ends (`DataDirectoryLock`).
            lock = try DataDirectoryLock.acquire(setup.dataDirectory)
            // The data directory's lock is held: one process, so SQLite's own locking
            // can be exclusive.
            store = try SQLiteStore(path: setup.databasePath, exclusive: true)
            recordings = try setup.openRecordings()
        } catch {
            return refuse(Refusal(line: "\(error)", status: 2))
        }
        // Every frame queued for --frame-log and --trace is written before the process exits.
        defer { recordings.close() }
        return withExtendedLifetime(lock) {
            do throws(Refusal) {
                return try run(
                    setup, store: store, recordings: recordings, logFile: logFile,
                    notices: lock.tightened + recordings.notices)
            } catch {
                return refuse(error)
            }
        }
    }

    private func refuse(_ refusal: Refusal) -> Int32 {
        StandardError.write("ocpp-console: \(refusal.line)")
        return refusal.status
    }

    /// `notices`: what the station reports first (the data directory made private).
    private func run(
        _ setup: StationSetup, store: SQLiteStore, recordings: FrameRecordings, logFile: FileLogHandler.Sink?,
        notices: [String]
    ) throws(Refusal) -> Int32 {
        var demo: DemoServer?
        var notices = notices
        let url: String
        if options.demo {
            let server = DemoServer(cards: setup.cards, ownStation: setup.stationId)
            do {
                url = try server.start()
            } catch {
                throw Refusal(line: "\(error)", status: 1)
            }
            demo = server
            // Where a second station (or a test) reaches it, and what drives it (issue 14).
            notices.append("the demo central system listens on \(url); csms commands drive it (help csms)")
        } else {
            url = options.url ?? ""
        }
        defer { demo?.stop() }
        let configuration: StationRunner.Configuration
        do {
            configuration = try setup.runnerConfiguration(url: url)
        } catch {
            throw Refusal(line: "\(error)", status: 2)
        }
        if options.headless {
            return try runHeadless(
                configuration, store: store, setup: setup, recordings: recordings, demo: demo, logFile: logFile,
                notices: notices)
        }
        return try runScreen(
            configuration, store: store, setup: setup, recordings: recordings, demo: demo, notices: notices)
    }

    /// Creates the station from what the store holds; its events go to `sink` and to the
    /// `--log` file. Nothing runs before `start()`.
    private func makeRunner(
        _ configuration: StationRunner.Configuration, store: SQLiteStore, recordings: FrameRecordings,
        sink: @escaping @Sendable ([StationEvent]) -> Void, onFailure: @escaping @Sendable (String) -> Void
    ) throws(Refusal) -> StationRunner {
        let log = EventLog()
        do {
            return try StationRunner(
                configuration: configuration, store: store,
                onEvents: { events in
                    sink(events)
                    for event in events { log.record(event) }
                    recordings.record(events)
                },
                onFailure: onFailure)
        } catch let error as StoreError {
            throw Refusal(line: "\(error)", status: 2)
        } catch let error as ProfileError {
            throw Refusal(line: "bad station profile: \(error)", status: 2)
        } catch {
            throw Refusal(line: "cannot start the station: \(error)", status: 1)
        }
    }

    /// `demo`: its notices and errors (a payload against its schema) join the station's events.
    private func start(_ runner: StationRunner, demo: DemoServer?, notices: [String]) throws(Refusal) {
        demo?.report { [runner] event in runner.report(event) }
        do {
            try runner.start()
        } catch {
            throw Refusal(line: "cannot start the station: \(error)", status: 1)
        }
        for notice in notices { runner.report(.notice(notice)) }
    }

    /// `--demo-loop`: the unattended session loop, when the embedded central system runs.
    private func startDemoLoop(_ runner: StationRunner, _ demo: DemoServer?, cards: [DemoCard]) -> DemoLoop? {
        guard options.demoLoop, let demo else { return nil }
        let loop = DemoLoop(runner: runner, server: demo, cards: cards, restartsItself: options.kiosk)
        loop.start()
        return loop
    }

    /// Headless: events are encoded on the link's thread and written to standard output
    /// by `HeadlessOutput`'s thread; every way out writes what is queued first.
    private func runHeadless(
        _ configuration: StationRunner.Configuration, store: SQLiteStore, setup: StationSetup,
        recordings: FrameRecordings, demo: DemoServer?, logFile: FileLogHandler.Sink?, notices: [String]
    ) throws(Refusal) -> Int32 {
        let output = HeadlessOutput.standardOutput()
        defer { output.close() }
        let runner = try makeRunner(
            configuration, store: store, recordings: recordings,
            sink: { events in output.write(contentsOf: events.map { EventEncoder.line($0) }) },
            onFailure: { reason in
                output.close()
                StandardError.write("ocpp-console: \(reason)")
                logFile?.close()
                recordings.close()
                exit(1)
            })
        try start(runner, demo: demo, notices: notices)
        let loop = startDemoLoop(runner, demo, cards: setup.cards)
        defer { loop?.stop() }
        let ledger = ResultLedger()
        TerminationSignals.install {
            runner.shutdown()
            output.close()
            logFile?.close()
            recordings.close()
            return ledger.failures > 0 ? 3 : 0
        }
        return HeadlessSession(
            runner: runner, script: setup.script, ledger: ledger, strict: options.strict,
            stopOnQuit: options.stopOnQuit, server: demo
        ).run()
    }

    private func runScreen(
        _ configuration: StationRunner.Configuration, store: SQLiteStore, setup: StationSetup,
        recordings: FrameRecordings, demo: DemoServer?, notices: [String]
    ) throws(Refusal) -> Int32 {
        if let why = CursesTerminal.notATerminal { throw Refusal(line: why.line, status: why.status) }
        // The station is prepared before the screen takes the terminal, so that a
        // refusal is a readable line on a normal terminal.
        let inbox = EventInbox()
        let runner = try makeRunner(
            configuration, store: store, recordings: recordings, sink: inbox.eventSink,
            onFailure: inbox.failureSink)
        let terminal: CursesTerminal
        switch CursesTerminal.open(options) {
        case .success(let opened): terminal = opened
        case .failure(let why): throw Refusal(line: why.line, status: why.status)
        }
        var info = StationInfo(
            url: configuration.endpoint.description, stationId: configuration.stationId,
            insecure: configuration.insecure, cards: setup.cards,
            demo: demo != nil)
        info.followsSessions = options.demoLoop
        info.kiosk = options.kiosk
        let session = ScreenSession(
            terminal: terminal, info: info, inbox: inbox, dataDirectory: setup.dataDirectory, script: setup.script,
            kiosk: options.kiosk ? KioskGuard() : nil, demo: demo)
        do {
            try start(runner, demo: demo, notices: notices)
        } catch {
            terminal.stop()
            throw error
        }
        let loop = startDemoLoop(runner, demo, cards: setup.cards)
        defer { loop?.stop() }
        return session.run(runner)
    }
}
