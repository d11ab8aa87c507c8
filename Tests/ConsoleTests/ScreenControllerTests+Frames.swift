import ChargePoint
import Foundation
import Testing

@testable import Console
@testable import ConsoleScreen

/// A frame copied or saved, the whole log saved, and `Q` (issue 12): the screen asks,
/// the console writes (`ScreenExports`), the engine never touches a file.
extension ScreenControllerTests {
    mutating func command(_ line: String) -> [ScreenEffect] {
        _ = press(.character(":"))
        _ = type(line)
        return press(.enter)
    }

    /// The frame shown, as it crossed the wire: a secret stays masked.
    @Test mutating func c_copiesTheFrameShown_s_savesIt() throws {
        let masked = #"[2,"k1","ChangeConfiguration",{"key":"AuthorizationKey","value":"********"}]"#
        controller.ingest([.frame(.parsed(.incoming, masked, at: station.now))], at: station.now)
        _ = press(.enter)
        let sequence = controller.log.appended
        #expect(controller.overlay == .frame(sequence: sequence, scroll: 0))
        #expect(press(.character("c")) == [.copyToClipboard(masked)])
        #expect(controller.overlay != nil)
        #expect(
            press(.character("s")) == [
                .saveFrame(masked, fileName: "frame-\(sequence)-ChangeConfiguration-call.json")
            ])
        #expect(controller.overlay != nil)
    }

    @Test mutating func aFrameSpreadOverLines_isCopiedOnOne() {
        let text = "[2,\"r1\",\"Reset\",\n  {\"type\": \"Soft\"}\n]"
        controller.ingest([.frame(.parsed(.incoming, text, at: station.now))], at: station.now)
        _ = press(.enter)
        #expect(press(.character("c")) == [.copyToClipboard(#"[2,"r1","Reset",{"type":"Soft"}]"#)])
    }

    @Test mutating func saveLog_isACommandOfTheScreen() {
        #expect(command("save-log") == [.saveLog(path: nil)])
        #expect(command("save-log /tmp/frames.jsonl") == [.saveLog(path: "/tmp/frames.jsonl")])
    }

    /// Headless the frames are on standard output: save-log is refused (its result says
    /// why; under --strict the run fails), nothing is written.
    @Test func saveLog_outsideTheScreen_isRefused() {
        let recorder = CommandScriptTests.Recorder()
        let place = CommandLineExecutor.Place(source: "stdin", number: 1)
        #expect(CommandLineExecutor(target: recorder).perform("save-log /tmp/never.jsonl", at: place) == .next)
        let why = "save-log saves the screen's log; here the frames are the frame events"
        #expect(recorder.entries == ["error stdin:1: \(why)", "result 1 save-log /tmp/never.jsonl \(why)"])
        let strict = CommandLineExecutor(target: recorder, strict: true)
        #expect(strict.perform("save-log", at: place) == .failed(status: 3))
    }

    /// A `--script` on the screen hands its `save-log` lines to the screen.
    @Test func saveLog_inAScreenScript_goesToTheScreen() {
        let station = CommandScriptTests.Recorder()
        let saved = CommandScriptTests.Recorder()
        let target = ConsoleTarget(station: station, onSaveLog: { saved.report(.notice($0 ?? "default")) })
        let executor = CommandLineExecutor(target: target)
        let place = CommandLineExecutor.Place(source: "run.txt", number: 1)
        #expect(executor.perform("save-log", at: place) == .next)
        #expect(executor.perform("save-log run.jsonl", at: place) == .next)
        #expect(executor.perform("plug 1", at: place) == .next)
        #expect(saved.entries == ["notice default", "notice run.jsonl"])
        #expect(
            station.entries == [
                "result 1 save-log ok", "result 1 save-log run.jsonl ok", "submit plug(connector: 1)",
                "result 1 plug 1 ok",
            ])
    }

    @Test func exports_writeTheFrameAndTheLog_andSayWhere() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let exports = ScreenExports(dataDirectory: directory.path)
        var log = MessageLog(capacity: 2)
        let time = ScriptedStation.start
        log.append(.parsed(.outgoing, #"[2,"h0","Heartbeat",{}]"#, at: time))
        log.append(.parsed(.outgoing, #"[2,"h1","Heartbeat",{}]"#, at: time))
        log.append(.parsed(.incoming, #"[3,"h1",{"currentTime":"2026-11-24T10:00:00.000Z"}]"#, at: time))

        let file = directory.appendingPathComponent("frames.jsonl").path
        #expect(
            exports.saveLog(log, path: file)
                == .notice("2 frames saved to \(file) (the 1 oldest are gone: the screen keeps the last 2)"))
        #expect(
            try String(contentsOfFile: file, encoding: .utf8) == """
                {"ts":"2026-11-24T10:00:00.000Z","type":"frame","dir":"out","raw":"[2,\\"h1\\",\\"Heartbeat\\",{}]"}
                {"ts":"2026-11-24T10:00:00.000Z","type":"frame","dir":"in","raw":"[3,\\"h1\\",{\\"currentTime\\":\\"2026-11-24T10:00:00.000Z\\"}]"}

                """)
        #expect(
            exports.saveLog(log, path: nil, at: time)
                == .notice(
                    "2 frames saved to \(directory.path)/log-20261124T100000Z.jsonl (the 1 oldest are gone: "
                        + "the screen keeps the last 2)"))

        #expect(exports.saveFrame("[2]", fileName: "f.json") == .notice("frame saved to \(directory.path)/f.json"))
        #expect(try String(contentsOfFile: directory.path + "/f.json", encoding: .utf8) == "[2]\n")

        let nowhere = ScreenExports(dataDirectory: directory.path + "/missing")
        guard case .error(let text) = nowhere.saveFrame("[2]", fileName: "f.json") else {
            Issue.record("a frame saved where no directory is")
            return
        }
        #expect(text == "cannot save the frame to \(directory.path)/missing/f.json: No such file or directory")
    }

    // MARK: Q

    @Test mutating func Q_withNoSession_quitsAtOnce() {
        #expect(press(.character("Q")) == [.quit])
        #expect(controller.feedback.last?.text == "no session to stop: quitting")
    }

    @Test mutating func Q_stopsEverySession_thenQuitsOnceTheStopIsAnswered() {
        for connector in [1, 2] {
            station.command(.plug(connector: connector))
            station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: connector))
        }
        #expect(station.snapshot.connectors.allSatisfy { $0.session != nil })
        #expect(press(.character("Q")) == [.submit(.stop(connector: 1)), .submit(.stop(connector: 2))])
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [])
        station.command(.stop(connector: 1))
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [])
        station.command(.stop(connector: 2))
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [.quit])
        #expect(controller.feedback.last?.text == "sessions stopped, StopTransaction answered: quitting")
        #expect(controller.stoppingToQuit == nil)
    }

    @Test mutating func Q_offline_quitsOnceTheStopIsQueued() {
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.command(.offline)
        #expect(press(.character("Q")) == [.submit(.stop(connector: 1))])
        station.command(.stop(connector: 1))
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [.quit])
        #expect(
            controller.feedback.last?.text
                == "sessions stopped, offline: 1 transaction message queued, sent at the next start: quitting")
    }

    @Test mutating func Q_givesUp_whenASessionDoesNotStop() {
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        _ = press(.character("Q"))
        station.advance(seconds: 5)
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [])
        station.advance(seconds: 6)
        #expect(controller.checkStopAndQuit(station.snapshot, at: station.now) == [])
        #expect(controller.stoppingToQuit == nil)
        #expect(
            controller.feedback.last?.text == "the session on connector 1 did not stop: not quitting (q quits anyway)")
    }
}
