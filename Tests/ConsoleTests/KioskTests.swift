import ChargePoint
import ConsoleScreen
import Testing

@testable import Console

/// `--kiosk`: what ends the show waits for `y`; the demo loop puts the station back
/// when a visitor left it stuck.
@Suite("Kiosk")
struct KioskTests {
    /// Issue 12 review: a signal key answers on the feedback line, and the question fits
    /// the 80-column feedback line whole.
    @Test func signalKeys_andQuestions_areAnswered() {
        #expect(KioskGuard.signalKeyRefusal(.control("c")) == "kiosk: Ctrl-C does nothing here; staff quit with q, then y")
        #expect(KioskGuard.signalKeyRefusal(.character("c")) == nil)
        var guardian = KioskGuard()
        let question = guardian.filter([.submit(.fault(connector: 1, code: .groundFailure, info: nil))], heldOffline: false)
            .question
        #expect((question?.count ?? 99) + 10 <= 80, "\(question ?? "")")
    }

    @Test func quit_waitsForY() {
        var guardian = KioskGuard()
        let filtered = guardian.filter([.quit], heldOffline: false)
        #expect(filtered.now.isEmpty)
        #expect(filtered.question == "kiosk: y to quit, other keys cancel")
        let answer = guardian.answer(.character("y"))
        #expect(answer?.effects == [.quit])
        #expect(guardian.answer(.character("y")) == nil)
    }

    @Test func anyOtherKey_cancels_andIsNotPassedOn() {
        var guardian = KioskGuard()
        _ = guardian.filter([.powerCut], heldOffline: false)
        let answer = guardian.answer(.character("q"))
        #expect(answer?.effects == [])
        #expect(answer?.notice == "kiosk: cancelled; nothing changed")
    }

    @Test(arguments: [
        ScreenEffect.submit(.fault(connector: 1, code: .groundFailure, info: nil)), .submit(.offline),
        .submit(.toggleOffline), .submit(.reset(.soft)), .powerCut, .quit,
    ])
    func dangerous_effectsAreHeld(_ effect: ScreenEffect) {
        var guardian = KioskGuard()
        #expect(guardian.filter([effect], heldOffline: false).now.isEmpty)
    }

    @Test func ordinaryKeys_andGoingBackOnline_pass() {
        var guardian = KioskGuard()
        let effects: [ScreenEffect] = [
            .submit(.toggle(.plug, connector: 1)), .submit(.swipe(idTag: "A", connector: 1)),
        ]
        #expect(guardian.filter(effects, heldOffline: false) == (effects, nil))
        #expect(guardian.filter([.submit(.toggleOffline)], heldOffline: true).now == [.submit(.toggleOffline)])
        #expect(guardian.answer(.character("y")) == nil)
    }

    @Test func theLoop_putsAStuckStationBack() throws {
        var station = try ScriptedStation()
        station.command(.offline)
        station.command(.fault(connector: 2, code: .groundFailure, info: nil))
        station.command(.plug(connector: 1))
        var watchdog = DemoLoopWatchdog(startingAt: station.now, stallSeconds: 180)
        #expect(watchdog.check(station.snapshot, at: station.now) == nil)
        station.advance(seconds: 179)
        #expect(watchdog.check(station.snapshot, at: station.now) == nil)
        station.advance(seconds: 1)
        #expect(
            watchdog.check(station.snapshot, at: station.now) == [.online, .clear(connector: 2), .unplug(connector: 1)])
        #expect(watchdog.check(station.snapshot, at: station.now) == nil)
    }

    @Test func aRunningSession_isProgress() throws {
        var station = try ScriptedStation()
        var watchdog = DemoLoopWatchdog(startingAt: station.now, stallSeconds: 10)
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.advance(seconds: 11)
        #expect(station.snapshot.connectors[0].session != nil)
        #expect(watchdog.check(station.snapshot, at: station.now) == nil)
    }
}
