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

        func submit(_ command: StationCommand) { add("submit \(command)") }
        func report(_ event: StationEvent) {
            switch event {
            case .error(let text): add("error \(text)")
            case .notice(let text): add("notice \(text)")
            default: add("event")
            }
        }
        func powerCut() { add("powercut") }
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
        #expect(completed)
        #expect(
            progress == [
                "script: line 2 of 6: plug 1", "script: line 5 of 6: wait 1ms", "script: line 6 of 6: unplug 1",
                "script \(script.name) done, 1 line refused",
            ])
        let errors = recorder.entries.filter { $0.hasPrefix("error ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error \(script.path):3: plgu 1: ") == true)
        #expect(recorder.entries.filter { $0.hasPrefix("submit") }.count == 2)
    }

    @Test func quit_endsTheScript_andNothingAfterItRuns() throws {
        let script = try Self.script("plug 1\nquit\nunplug 1")
        let recorder = Recorder()
        #expect(!script.run(CommandLineExecutor(target: recorder)))
        #expect(recorder.entries.count == 1)
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
        #expect(recorder.entries.count == 1)
    }

    @Test func anUnreadableScript_isRefused() {
        #expect(throws: CommandScript.LoadError.self) { try CommandScript.load("/nonexistent/script.txt") }
    }
}
