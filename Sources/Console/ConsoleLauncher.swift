import ChargePoint
import ConsoleScreen
import Foundation

/// Starts what the options ask for and returns the process exit status
/// (DESIGN.md: 0 on quit, 2 on bad arguments or profile, 1 on an internal failure).
struct ConsoleLauncher {
    let options: ConsoleOptions

    func run() -> Int32 {
        let setup: StationSetup
        do {
            try EventLog.bootstrap(path: options.log)
            setup = try StationSetup(options: options)
        } catch {
            StandardError.write("ocpp-console: \(error)")
            return 2
        }
        var demo: DemoServer?
        let url: String
        if options.demo {
            let server = DemoServer(cards: setup.cards)
            do {
                url = try server.start()
            } catch {
                StandardError.write("ocpp-console: \(error)")
                return 1
            }
            demo = server
        } else {
            url = options.url ?? ""
        }
        let configuration: StationRunner.Configuration
        do {
            configuration = try setup.runnerConfiguration(url: url)
        } catch {
            StandardError.write("ocpp-console: \(error)")
            return 2
        }
        defer { demo?.stop() }
        if options.headless {
            return runHeadless(configuration, demo: demo)
        }
        return runScreen(configuration, setup: setup, demo: demo)
    }

    /// Creates and starts the station; its events go to `sink` and to the `--log` file.
    private func startStation(
        _ configuration: StationRunner.Configuration, sink: @escaping @Sendable (StationEvent) -> Void,
        onFailure: @escaping @Sendable (String) -> Void
    ) -> StationRunner? {
        let log = EventLog()
        do {
            let runner = try StationRunner(
                configuration: configuration,
                onEvent: { event in
                    sink(event)
                    log.record(event)
                },
                onFailure: onFailure)
            try runner.start()
            return runner
        } catch {
            StandardError.write("ocpp-console: cannot start the station: \(error)")
            return nil
        }
    }

    /// `--demo-loop`: the unattended session loop, when the embedded central system runs.
    private func startDemoLoop(_ runner: StationRunner, _ demo: DemoServer?) -> DemoLoop? {
        guard options.demoLoop, let demo else { return nil }
        let loop = DemoLoop(runner: runner, server: demo)
        loop.start()
        return loop
    }

    private func runHeadless(_ configuration: StationRunner.Configuration, demo: DemoServer?) -> Int32 {
        let output = OutputLines()
        let started = startStation(
            configuration, sink: { event in output.write(EventEncoder.line(event)) },
            onFailure: { reason in
                StandardError.write("ocpp-console: \(reason)")
                exit(1)
            })
        guard let runner = started else { return 1 }
        let loop = startDemoLoop(runner, demo)
        defer { loop?.stop() }
        TerminationSignals.install { runner.shutdown() }
        return HeadlessSession(runner: runner, scriptPath: options.script).run()
    }

    private func runScreen(_ configuration: StationRunner.Configuration, setup: StationSetup, demo: DemoServer?)
        -> Int32
    {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            StandardError.write("ocpp-console: the screen needs a terminal; use --headless for pipes and scripts")
            return 2
        }
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let theme = noColor ? Theme.mono : Theme.named(options.theme.rawValue)
        guard let terminal = CursesTerminal(theme: theme) else {
            StandardError.write(
                "ocpp-console: cannot start the screen (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset"))"
            )
            return 1
        }
        let info = StationInfo(
            url: configuration.endpoint.description, stationId: configuration.stationId,
            insecure: configuration.insecure, cards: setup.cards,
            demo: demo != nil)
        let session = ScreenSession(terminal: terminal, info: info)
        guard let runner = startStation(configuration, sink: session.eventSink, onFailure: session.failureSink) else {
            terminal.stop()
            return 1
        }
        let loop = startDemoLoop(runner, demo)
        defer { loop?.stop() }
        return session.run(runner)
    }
}
