import ChargePoint
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
        StandardError.write("ocpp-console: the screen is not available yet; use --headless")
        return 2
    }
}
