import ChargePoint
import ChargePointRuntime
import ConsoleScreen

/// `--fleet N` on the screen (issue 15 §4): the stations made as headless makes them,
/// their events to the fleet view's board (`FleetBoard`), then the screen's loop with
/// the fleet view first.
struct FleetScreenLauncher {
    let launcher: FleetLauncher
    let setup: StationSetup
    let identities: [String]
    let hub: LinkHub
    /// `--fleet-behaviour`: what each station does on its own.
    let behaviour: FleetBehaviour?

    func run() throws(FleetLauncher.Refusal) -> Int32 {
        // Refused on a pipe before any station is made.
        if let why = CursesTerminal.notATerminal { throw .init(line: why.line, status: why.status) }
        let inbox = EventInbox()
        let board = FleetBoard(identities: identities, connectors: setup.profile.connectors.count, inbox: inbox)
        if let notice = setup.seedNotice { board.publish([.notice(notice)]) }
        // Before the screen opens: the opening's progress on standard error.
        let members = try launcher.prepare(
            identities, setup: setup, behaviour: behaviour, events: { index in { events in board.publish(events, station: index) } },
            failure: { board.publish([.error($0)]) }, progress: { StandardError.write("ocpp-console: \($0)") })
        let runners = members.map(\.runner)
        board.runners = runners
        board.resumeSessions()
        let terminal: CursesTerminal
        switch CursesTerminal.open(launcher.options) {
        case .success(let opened): terminal = opened
        case .failure(let why): throw .init(line: why.line, status: why.status)
        }
        do {
            try launcher.start(members, on: hub)
        } catch {
            terminal.stop()
            throw error
        }
        board.beginWindow()
        hub.repeating(everyMilliseconds: 1000) { board.refresh() }
        let fleet = FleetScreen(
            board: board, runners: runners, directories: members.map(\.directory), cards: setup.cards,
            controller: FleetController(url: launcher.options.url ?? "", glyphs: terminal.glyphs),
            shutdown: {
                FleetLauncher.shutdown(runners)
                hub.stop()
            })
        let status = ScreenSession(terminal: terminal, inbox: inbox, fleet: fleet).run(nil)
        return withExtendedLifetime(members) { status }
    }
}
