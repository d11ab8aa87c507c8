import ChargePoint
import ChargePointRuntime
import ConsoleScreen

/// `--fleet N` on the screen (issue 15 §4): the fleet view's effects, and a station
/// opened in the single-station view and left again.
extension ScreenSession {
    /// Does what the fleet view asked; true when it asked to quit.
    func carryOut(_ effects: [FleetEffect], at now: Timestamp) -> Bool {
        guard let fleet else { return false }
        var quit = false
        for effect in effects {
            switch effect {
            case .open(let station): openStation(station, of: fleet)
            case .submit(let command, let station): fleet.submit(command, to: station)
            case .powerCut(let station): fleet.powerCut(station)
            case .quit: quit = true
            case .stopAllAndQuit: fleet.stopAllTransactions(at: now)
            case .repaintAll:
                terminal.updateSize()
                terminal.repaintAll()
            }
        }
        return quit
    }

    /// Shows station number `station` as one console shows its own: a new screen for it
    /// (its log starts with the frames the station keeps), its data directory for saved
    /// frames, logs and traces.
    private func openStation(_ station: Int, of fleet: FleetScreen) {
        _ = inbox.take()  // what the last station said before it was left
        runner = fleet.runners[station]
        controller = ScreenController(info: fleet.info(station), glyphs: terminal.glyphs)
        let identity = runner.configuration.stationId
        controller.ingest([.notice("\(identity): F or Esc goes back to the fleet view")], at: .monotonicNow())
        trace.close()
        let directory = fleet.directories[station]
        trace = TraceToggle(dataDirectory: directory, chargePointId: identity)
        exports = ScreenExports(dataDirectory: directory)
        fleet.open(station)
        terminal.repaintAll()
    }

    /// `F` (or Esc): back to the fleet view; the station's screen is dropped, so that the
    /// console keeps one station's log at most.
    func closeStation() {
        guard let fleet else { return }
        trace.close()
        fleet.close()
        runner = nil
        controller = ScreenController(
            info: StationInfo(url: fleet.controller.url, stationId: ""), glyphs: terminal.glyphs)
        terminal.repaintAll()
    }
}
