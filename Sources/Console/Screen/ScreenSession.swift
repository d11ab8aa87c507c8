import ChargePoint
import ChargePointRuntime
import ConsoleScreen
import DemoCentralSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The full-screen console: one loop on the main thread that waits in poll() for a
/// key, a signal or station events (never spinning), then updates the screen model,
/// hands operator commands to the runner, and redraws. The clock and the running
/// sessions tick the screen once a second.
final class ScreenSession {
    let terminal: CursesTerminal
    let inbox: EventInbox
    var controller: ScreenController
    /// The station shown (in a fleet, the one open; nil in the fleet view).
    var runner: StationRunner!
    /// `--script`, run once the screen is up (`ScreenScript`).
    private let script: CommandScript?

    /// `inbox` is where the runner, created before the screen, delivers its events.
    /// `--kiosk`: what ends the show waits for a confirmation key.
    private var kiosk: KioskGuard?
    /// Where a saved frame or log goes (`s` in a frame, `:save-log`).
    var exports: ScreenExports
    /// `T`: a trace of the frames while it runs.
    var trace: TraceToggle
    /// `--fleet N` (issue 15 §4): the fleet view and the station open in it.
    var fleet: FleetScreen?
    /// `--demo`: the embedded central system that `:csms …` drives.
    private let demo: DemoServer?

    init(
        terminal: CursesTerminal, info: StationInfo, inbox: EventInbox, dataDirectory: String,
        script: CommandScript? = nil, kiosk: KioskGuard? = nil, demo: DemoServer? = nil
    ) {
        (self.terminal, self.inbox, self.script, self.kiosk, self.demo) = (terminal, inbox, script, kiosk, demo)
        exports = ScreenExports(dataDirectory: dataDirectory)
        trace = TraceToggle(dataDirectory: dataDirectory, chargePointId: info.stationId)
        controller = ScreenController(info: info, glyphs: terminal.glyphs)
    }

    /// A fleet's screen (`--fleet N`): the fleet view first.
    convenience init(terminal: CursesTerminal, inbox: EventInbox, fleet: FleetScreen) {
        self.init(
            terminal: terminal, info: StationInfo(url: fleet.controller.url, stationId: ""), inbox: inbox,
            dataDirectory: fleet.directories.first ?? ".")
        self.fleet = fleet
    }

    /// Whether the fleet view is shown.
    var showsFleet: Bool { fleet != nil && fleet?.opened == nil }

    /// Runs until quit or a termination signal; the exit status. `runner`: the station
    /// (nil for a fleet, whose stations open from the fleet view).
    func run(_ station: StationRunner?) -> Int32 {
        runner = station
        defer { trace.close() }  // a trace still recording keeps every frame it queued
        var dirty = true
        var lastTick = Int64(0)
        var lastDraw = Int64(0)
        var keyPressed = false
        let scriptRun = script.map {
            ScreenScript($0, runner: runner!, onQuit: inbox.quitSink, onSaveLog: inbox.saveLogSink, server: demo)
        }
        scriptRun?.start()
        while true {
            let now = Timestamp.monotonicNow()
            let (events, saveLogs) = inbox.take()
            if let fleet, fleet.takeChanges(at: now), showsFleet { dirty = true }
            var ingested = 0
            for request in saveLogs {
                // A `save-log` line of the `--script`: the log as it stood when it ran.
                controller.ingest(Array(events[ingested..<request.after]), at: now)
                ingested = request.after
                controller.ingest([exports.saveLog(controller.log, path: request.path)], at: now)
            }
            // In the fleet view no station's events come: those of one just left go.
            if ingested < events.count, !showsFleet { controller.ingest(Array(events[ingested...]), at: now) }
            trace.record(events)
            if !events.isEmpty || !saveLogs.isEmpty { dirty = true }
            if terminal.termination != 0 || inbox.quitRequested { break }
            if let reason = inbox.failure {
                terminal.stop()
                StandardError.write("ocpp-console: \(reason)")
                return 1
            }
            let keys = terminal.readKeys()
            var quit = false
            for key in keys {
                if let fleet, showsFleet {
                    quit = carryOut(fleet.handle(key, at: now), at: now) || quit
                    (dirty, keyPressed) = (true, true)
                    continue
                }
                let view = runner.view
                let snapshot = view.snapshot.projected(to: now)
                let effects = guarded(
                    key, snapshot: snapshot, at: now,
                    { controller.handle(key, snapshot: snapshot, configuration: view.configuration, at: now) })
                quit = carryOut(effects, at: now) || quit
                dirty = true
                keyPressed = true
            }
            if let fleet, fleet.stoppedToQuit(at: now) { break }
            if controller.stoppingToQuit != nil, !showsFleet, kiosk?.heldStopAndQuit != true {
                // `Q`: quits once the StopTransactions are answered or queued.
                let snapshot = runner.view.snapshot.projected(to: now)
                let effects = kioskFiltered(
                    controller.checkStopAndQuit(snapshot, at: now), snapshot: snapshot, at: now, stoppingToQuit: true)
                quit = carryOut(effects, at: now) || quit
            }
            if quit { break }
            let second = now.millisecondsSince1970 / 1000
            if second != lastTick {
                lastTick = second
                dirty = true
            }
            // A key is answered at once; a flood of frames redraws at most every
            // `Self.frameInterval` ms, so the log can take thousands a second.
            let millis = now.millisecondsSince1970
            if dirty, keyPressed || millis - lastDraw >= Self.frameInterval {
                draw(at: now)
                dirty = false
                keyPressed = false
                lastDraw = millis
            }
            var deadline = dirty ? lastDraw + Self.frameInterval : (second + 1) * 1000
            // A held Esc is given once its window passed, not at the next second.
            if terminal.holdsEscape { deadline = min(deadline, millis + 50) }
            wait(until: deadline, events: !dirty)
        }
        scriptRun?.stop()
        showClosing()
        if let fleet { fleet.shutdown() } else { runner.shutdown() }
        terminal.stop()
        return 0
    }

    /// Does what the controller asked; true when it asked to quit.
    private func carryOut(_ effects: [ScreenEffect], at now: Timestamp) -> Bool {
        var quit = false
        for effect in effects {
            switch effect {
            case .submit(let command): runner.submit(command)
            case .centralSystem(let command): sendFromCentralSystem(command)
            case .powerCut: runner.powerCut()
            case .quit: quit = true
            case .repaintAll:
                terminal.updateSize()
                terminal.repaintAll()
            case .copyToClipboard(let text):
                terminal.copyToClipboard(text)
                let size = "\(text.utf8.count) bytes"
                controller.ingest(
                    [.notice("frame copied to the clipboard (OSC 52, \(size); the terminal must allow it)")], at: now)
            case .saveFrame(let text, let fileName):
                controller.ingest([exports.saveFrame(text, fileName: fileName)], at: now)
            case .saveLog(let path):
                controller.ingest([exports.saveLog(controller.log, path: path)], at: now)
            case .toggleTrace:
                controller.ingest([trace.toggle()], at: now)
            case .backToFleet:
                closeStation()
            }
        }
        return quit
    }

    /// `:csms …` (issue 14): the embedded central system sends the CALL; its answer (or
    /// why there is none) comes to the feedback line when the station gave it.
    private func sendFromCentralSystem(_ command: CentralSystemCommand) {
        guard let demo, let runner else {
            controller.ingest([.error(ConsoleTarget.withoutDemo)], at: .monotonicNow())
            return
        }
        demo.send(command) { [runner] answer in
            runner.report(answer.error == nil ? .notice("csms: \(answer.summary)") : .error("csms: \(answer.summary)"))
        }
    }

    /// The effects of `key`: the controller's, except that in a kiosk the dangerous
    /// ones wait for a confirmation key, which the controller never sees.
    private func guarded(
        _ key: Key, snapshot: StationSnapshot, at now: Timestamp, _ handle: () -> [ScreenEffect]
    ) -> [ScreenEffect] {
        if var kiosk, let answer = kiosk.answer(key) {
            self.kiosk = kiosk
            controller.ingest([.notice(answer.notice)], at: now)
            if answer.cancelledStopAndQuit { controller.cancelStopAndQuit() }
            if !answer.effects.isEmpty, kiosk.stopAndQuitConfirmed { controller.restartStopAndQuit(at: now) }
            return answer.effects
        }
        if kiosk != nil, let refusal = KioskGuard.signalKeyRefusal(key) {
            controller.ingest([.notice(refusal)], at: now)
            return []
        }
        return kioskFiltered(handle(), snapshot: snapshot, at: now)
    }

    /// `effects`, but in a kiosk without those that wait for a confirmation key.
    /// `stoppingToQuit`: the effects come from `Q` (its wait to quit may have just ended).
    private func kioskFiltered(
        _ effects: [ScreenEffect], snapshot: StationSnapshot, at now: Timestamp, stoppingToQuit: Bool? = nil
    ) -> [ScreenEffect] {
        guard var kiosk else { return effects }
        defer { self.kiosk = kiosk }
        let filtered = kiosk.filter(
            effects, heldOffline: snapshot.heldOffline,
            stoppingToQuit: stoppingToQuit ?? (controller.stoppingToQuit != nil))
        if let question = filtered.question { controller.ingest([.notice(question)], at: now) }
        return filtered.now
    }

    private func draw(at now: Timestamp) {
        if let fleet, showsFleet {
            var surface = Surface(rows: terminal.rows, columns: terminal.columns)
            fleet.draw(into: &surface, at: now)
            terminal.show(surface)
            return
        }
        let view = runner.view
        let snapshot = view.snapshot.projected(to: now)
        controller.sample(snapshot, at: now)
        var surface = Surface(rows: terminal.rows, columns: terminal.columns)
        let configuration = controller.view == .configuration ? view.configuration : []
        controller.render(snapshot, configuration: configuration, at: now, into: &surface)
        terminal.show(surface)
    }

    private func showClosing() {
        var surface = Surface(rows: terminal.rows, columns: terminal.columns)
        let now = Timestamp.monotonicNow()
        if let fleet, showsFleet {
            fleet.notice("saving and closing the links…", at: now)
            fleet.draw(into: &surface, at: now)
            terminal.show(surface)
            return
        }
        controller.ingest([.notice("saving and closing the link…")], at: now)
        controller.render(runner.view.snapshot.projected(to: now), configuration: [], at: now, into: &surface)
        terminal.show(surface)
    }

    /// At most one frame per this many ms while only station events change the screen.
    static let frameInterval: Int64 = 20

    /// Sleeps in poll() until a key, a signal or (with `events`) station events arrive,
    /// or the station clock reaches `deadline` (ms, `Timestamp.monotonicNow`).
    private func wait(until deadline: Int64, events: Bool) {
        if events, !inbox.isEmpty { return }
        let timeout = Int32(clamping: max(1, deadline - Timestamp.monotonicNow().millisecondsSince1970))
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: terminal.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
        terminal.drainWakeups()
    }
}

/// Station events on their way from the runner's thread to the screen's.
final class EventInbox: @unchecked Sendable {
    /// Where the runner delivers events (on its own thread): queued, then the loop woken.
    var eventSink: @Sendable ([StationEvent]) -> Void {
        { [self] events in add(events) }
    }

    /// Where the runner reports that the station cannot go on (its database failed).
    var failureSink: @Sendable (String) -> Void {
        { [self] reason in fail(reason) }
    }

    private let lock = NSLock()
    private var events: [StationEvent] = []  // guarded by lock

    func add(_ new: [StationEvent]) {
        let wasEmpty = lock.withLock {
            defer { events += new }
            return events.isEmpty
        }
        if wasEmpty { CursesWake.wake() }
    }

    /// The events so far, and the `--script`'s save-log requests with the number of
    /// those events that came before each.
    func take() -> (events: [StationEvent], saveLogs: [(after: Int, path: String?)]) {
        lock.withLock {
            defer {
                events.removeAll(keepingCapacity: true)
                saveLogRequests.removeAll()
            }
            return (events, saveLogRequests)
        }
    }

    var isEmpty: Bool {
        lock.withLock { events.isEmpty && failureReason == nil && !quitting && saveLogRequests.isEmpty }
    }

    private var failureReason: String?  // guarded by lock

    func fail(_ reason: String) {
        lock.withLock { failureReason = reason }
        CursesWake.wake()
    }

    var failure: String? { lock.withLock { failureReason } }

    private var quitting = false  // guarded by lock

    /// Where a `quit` from another thread (the `--script`) ends the screen.
    var quitSink: @Sendable () -> Void {
        { [self] in
            lock.withLock { quitting = true }
            CursesWake.wake()
        }
    }

    var quitRequested: Bool { lock.withLock { quitting } }

    private var saveLogRequests: [(after: Int, path: String?)] = []  // guarded by lock

    /// Where the `--script`'s `save-log` lines go (their paths, nil for the default), in
    /// their place among the events.
    var saveLogSink: @Sendable (String?) -> Void {
        { [self] path in
            lock.withLock { saveLogRequests.append((events.count, path)) }
            CursesWake.wake()
        }
    }
}
