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

    private func runHeadless(_ configuration: StationRunner.Configuration, demo: DemoServer?) -> Int32 {
        let output = OutputLines()
        let log = EventLog()
        let runner: StationRunner
        do {
            runner = try StationRunner(
                configuration: configuration,
                onEvent: { event in
                    output.write(EventEncoder.line(event))
                    log.record(event)
                },
                onFailure: { reason in
                    StandardError.write("ocpp-console: \(reason)")
                    exit(1)
                })
            try runner.start()
        } catch {
            StandardError.write("ocpp-console: cannot start the station: \(error)")
            return 1
        }
        let loop = options.demoLoop ? demo.map { DemoLoop(runner: runner, server: $0) } : nil
        loop?.start()
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
            url: configuration.endpoint.description.replacingOccurrences(
                of: "/" + configuration.endpoint.path.split(separator: "/").last.map(String.init)!, with: ""),
            stationId: configuration.stationId, insecure: configuration.insecure, cards: setup.cards,
            demo: demo != nil)
        let session = ScreenSession(terminal: terminal, info: info, theme: theme)
        let sink = session.eventSink
        let log = EventLog()
        let runner: StationRunner
        do {
            runner = try StationRunner(
                configuration: configuration,
                onEvent: { event in
                    sink(event)
                    log.record(event)
                },
                onFailure: session.failureSink)
            try runner.start()
        } catch {
            terminal.stop()
            StandardError.write("ocpp-console: cannot start the station: \(error)")
            return 1
        }
        let loop = options.demoLoop ? demo.map { DemoLoop(runner: runner, server: $0) } : nil
        loop?.start()
        defer { loop?.stop() }
        return session.run(runner)
    }
}
