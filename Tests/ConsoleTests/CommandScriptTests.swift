import ChargePoint
import Foundation
import Testing

@testable import Console

/// `--script`: one executor for the screen and headless; progress and errors that name
/// the file and line.
@Suite("Command scripts")
struct CommandScriptTests {
    /// What the script asked of the station, in order.
    final class Recorder: CommandTarget, @unchecked Sendable {
        private let lock = NSLock()
        private var log: [String] = []
        var entries: [String] { lock.withLock { log } }
        private func add(_ entry: String) { lock.withLock { log.append(entry) } }

        /// The station's verdict on a command: an error for `unplug 9`, none otherwise.
        func submit(_ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]) {
            add("submit \(command)")
            let refused = "\(command)".contains("9")
            for event in acknowledge(refused ? [.error("connector 9 does not exist")] : []) { report(event) }
        }
        func report(_ event: StationEvent) {
            switch event {
            case .error(let text): add("error \(text)")
            case .notice(let text): add("notice \(text)")
            case .result(let result):
                add("result \(result.id.map { "@\($0) " } ?? "")\(result.line) \(result.command) \(result.error ?? "ok")")
            default: add("event")
            }
        }
        var results: [String] { entries.filter { $0.hasPrefix("result ") } }
        func powerCut() { add("powercut") }
        func waitUntilDelivered(milliseconds: Int64) -> Bool {
            add("wait delivered")
            return true
        }
        func waitUntilOnline(milliseconds: Int64) -> Bool {
            add("wait online \(milliseconds)")
            return true
        }
    }

    static func script(_ text: String) throws -> CommandScript {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try CommandScript.load(path)
    }

    @Test func progress_andErrors_nameTheFileAndLine() throws {
        let script = try Self.script("# demo\nplug 1\nplgu 1\n\nwait 1ms\nunplug 1\n")
        let recorder = Recorder()
        var progress: [String] = []
        let completed = script.run(CommandLineExecutor(target: recorder), progress: { progress.append($0) })
        #expect(completed == .next)
        #expect(
            progress == [
                "script: line 2 of 6: plug 1", "script: line 5 of 6: wait 1ms", "script: line 6 of 6: unplug 1",
                "script \(script.name) done, 1 line refused",
            ])
        let errors = recorder.entries.filter { $0.hasPrefix("error ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error \(script.path):3: plgu 1: ") == true, "\(recorder.entries)")
        #expect(recorder.entries.filter { $0.hasPrefix("submit") }.count == 2)
    }

    @Test func quit_endsTheScript_andNothingAfterItRuns() throws {
        let script = try Self.script("plug 1\nquit\nunplug 1")
        let recorder = Recorder()
        #expect(script.run(CommandLineExecutor(target: recorder)) == .quit)
        #expect(recorder.entries.filter { $0.hasPrefix("submit") }.count == 1)
        #expect(recorder.results == ["result 1 plug 1 ok", "result 2 quit ok"])
    }

    @Test func aCancelledScript_stopsBeforeItsNextLine() throws {
        let script = try Self.script("plug 1\nunplug 1\n")
        let recorder = Recorder()
        var lines = 0
        _ = script.run(
            CommandLineExecutor(target: recorder),
            isCancelled: {
                lines += 1
                return lines > 1
            })
        #expect(recorder.entries.filter { $0.hasPrefix("submit") }.count == 1)
    }

    @Test("issue 13: one result per command line, with the id the line gave, in both forms")
    func everyLine_getsOneResult_withItsId() throws {
        let script = try Self.script(
            #"@7 plug 1"# + "\n# a comment\n" + #"{"id":"8","command":"unplug","args":["1"]}"# + "\n"
                + #"{"id":9,"command":"unplug","args":[9]}"# + "\nplgu 1\n@10\n" + #"{"command":7}"# + "\n"
                + #"{"id":"11","command":"plug","arg":["1"]}"# + "\n")
        let recorder = Recorder()
        let executor = CommandLineExecutor(target: recorder)
        #expect(script.run(executor) == .next)
        #expect(
            recorder.results == [
                "result @7 1 plug 1 ok", "result @8 3 unplug 1 ok", "result @9 4 unplug 9 connector 9 does not exist",
                "result 5 plgu 1 unknown command 'plgu'; did you mean 'plug'? (type 'help' for the list)", "result @10 6  an id without a command",
                #"result 7 {"command":7} a JSON command needs "command", a string"#,
                #"result @11 8 {"id":"11","command":"plug","arg":["1"]} unknown member "arg": a JSON command has "id", "command" and "args""#,
            ])
        #expect(executor.exitStatus == 3, "a command failed")
        // The station's refusal names the line it answers (issue 13 §1).
        #expect(recorder.entries.contains("error \(script.path):4: unplug 9: connector 9 does not exist"))
    }

    @Test("issue 13: --strict ends the run at the first failed command, with exit status 3")
    func strict_stopsAtTheFirstFailure() throws {
        let script = try Self.script("plug 1\nunplug 9\nunplug 1\n")
        let recorder = Recorder()
        #expect(script.run(CommandLineExecutor(target: recorder, strict: true)) == .failed(status: 3))
        #expect(recorder.entries.filter { $0.hasPrefix("submit") }.count == 2, "nothing after the failure")
    }

    @Test("issue 13: a wait online that times out fails; under --strict with exit status 4")
    func waitOnline_timingOut_fails() throws {
        final class Offline: CommandTarget, @unchecked Sendable {
            let recorder = Recorder()
            func submit(
                _ command: StationCommand, acknowledge: @escaping @Sendable ([StationEvent]) -> [StationEvent]
            ) {
                recorder.submit(command, acknowledge: acknowledge)
            }
            func report(_ event: StationEvent) { recorder.report(event) }
            func powerCut() {}
            func waitUntilOnline(milliseconds: Int64) -> Bool { false }
            func waitUntilDelivered(milliseconds: Int64) -> Bool { true }
        }
        let target = Offline()
        let executor = CommandLineExecutor(target: target, strict: true)
        let step = executor.perform("@w wait online 1s", at: .init(source: "stdin", number: 1))
        #expect(step == .failed(status: 4))
        #expect(target.recorder.results == ["result @w 1 wait online 1s not online after 1.0 s"])
    }

    @Test func anUnreadableScript_isRefused() {
        #expect(throws: CommandScript.LoadError.self) { try CommandScript.load("/nonexistent/script.txt") }
    }
}
