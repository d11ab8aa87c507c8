import ChargePoint
import DemoCentralSystem
import Foundation
import Testing

@testable import Console
@testable import ConsoleScreen

/// `csms …` lines (issue 14) in scripts, headless and on the `:` line: the central
/// system's answer is the line's result, and without `--demo` the line fails at once
/// with one clear sentence.
@Suite("csms lines")
struct CentralSystemLinesTests {
    static let place = CommandLineExecutor.Place(source: "stdin", number: 3)

    /// A station that records what it heard, beside a central system that answers every
    /// CALL as `answer` says (nil: there is no `--demo`).
    final class Target: CommandTarget, @unchecked Sendable {
        let answer: CentralSystemAnswer?
        init(answer: CentralSystemAnswer?) { self.answer = answer }

        private var log: [String] = []  // guarded by lock
        private var results: [CommandResult] = []  // guarded by lock
        private let lock = NSLock()

        var entries: [String] { lock.withLock { log } }
        var lastResult: CommandResult? { lock.withLock { results.last } }

        func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
            lock.withLock { log.append("station \(command)") }
            for event in acknowledge([]) { report(event) }
        }
        func report(_ event: StationEvent) {
            lock.withLock {
                switch event {
                case .result(let result):
                    results.append(result)
                    log.append("result \(result.command)")
                case .error(let text): log.append("error \(text)")
                case .notice(let text): log.append("notice \(text)")
                default: break
                }
            }
        }
        func powerCut() {}
        func waitUntilOnline(milliseconds: Int64) -> Bool { true }
        func waitUntilDelivered(milliseconds: Int64) -> Bool { true }
        func centralSystem(_ command: CentralSystemCommand) -> CentralSystemAnswer {
            // Without `--demo`: what a station target without a central system answers.
            guard let answer else {
                return ConsoleTarget(station: CommandScriptTests.Recorder()).centralSystem(command)
            }
            lock.withLock { log.append("csms \(command)") }
            return answer
        }
    }

    @Test func withoutDemo_aCsmsLineFails_withOneClearLine() {
        let target = Target(answer: nil)
        let step = CommandLineExecutor(target: target).perform("@c csms clear-cache", at: Self.place)
        #expect(step == .next)
        #expect(target.lastResult?.error == "csms commands need the embedded central system: start with --demo")
        #expect(target.lastResult?.id == "c" && target.lastResult?.payload == nil)
        #expect(
            target.entries == [
                "error stdin:3: csms clear-cache: csms commands need the embedded central system: start with --demo",
                "result csms clear-cache",
            ])
    }

    /// The result comes after the answer and carries its payload as `data`.
    @Test func theStationsAnswer_isTheResultsData() {
        let target = Target(answer: .result(.reset, ["status": "Accepted"]))
        _ = CommandLineExecutor(target: target).perform("plug 1", at: Self.place)
        _ = CommandLineExecutor(target: target).perform("csms reset soft", at: Self.place)
        #expect(target.lastResult?.ok == true)
        #expect(target.lastResult?.payload == ["status": "Accepted"])
        #expect(
            target.entries == [
                "station plug(connector: 1)", "result plug 1", "csms reset(Soft)",
                #"notice csms: Reset answered {"status":"Accepted"}"#, "result csms reset soft",
            ])
        #expect(EventEncoder.eventObject(.result(target.lastResult!))["data"] == ["status": "Accepted"])
    }

    /// A CALLERROR fails the line (and `--strict` ends the run on it).
    @Test func aCallError_failsTheLine() {
        let target = Target(answer: .callError(.unlockConnector, code: .notSupported, description: ""))
        let step = CommandLineExecutor(target: target, strict: true).perform("csms unlock 1", at: Self.place)
        #expect(step == .failed(status: 3))
        #expect(target.lastResult?.error == "UnlockConnector answered CALLERROR NotSupported")
    }

    /// The `:` line: with the demo the command goes to the central system, without it
    /// the feedback line says why not.
    @Test func theCommandLine_sendsCsmsOnlyWithTheDemo() throws {
        var station = try ScriptedStation()
        for demo in [true, false] {
            var controller = ScreenController(info: StationInfo(url: "ws://h/ocpp", stationId: "CP", demo: demo))
            var effects: [ScreenEffect] = []
            for key in [Key.character(":")] + "csms station-limit 7".map(Key.character) + [.enter] {
                effects += controller.handle(
                    key, snapshot: station.snapshot, configuration: station.core.configurationEntries, at: station.now)
            }
            if demo {
                #expect(effects == [.centralSystem(.stationLimit(kilowatts: 7))])
            } else {
                #expect(effects == [])
                #expect(controller.feedback.last?.kind == .error)
                #expect(
                    controller.feedback.last?.text
                        == "csms commands need the embedded central system: start with --demo")
            }
        }
        station.advance(seconds: 1)
    }
}
