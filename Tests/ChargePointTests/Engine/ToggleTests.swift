import ChargePoint
import Testing

/// A key's intent ("the other state") is decided by the station from its state when the
/// command arrives (issue 9 §1): two presses in a row always undo each other.
@Suite("Toggles")
struct ToggleTests {
    @Test func eachToggle_goesToTheOtherState_andBack() throws {
        var station = try StationHarness.booted()
        station.command(.toggle(.plug, connector: 1))
        #expect(station.snapshot.connectors[0].evConnected)
        station.command(.swipe(idTag: "TAG1", connector: 1))
        station.command(.toggle(.evSuspended, connector: 1))
        #expect(station.status(1) == .suspendedEV)
        station.command(.toggle(.evSuspended, connector: 1))
        #expect(station.status(1) == .charging)
        station.command(.toggle(.lockJam, connector: 1))
        #expect(station.snapshot.connectors[0].lockBroken)
        station.command(.toggle(.lockJam, connector: 1))
        #expect(!station.snapshot.connectors[0].lockBroken)
        station.command(.toggleOffline)
        #expect(station.snapshot.heldOffline)
        station.command(.toggleOffline)
        #expect(!station.snapshot.heldOffline)
        #expect(station.snapshot.connection == .connected)
        station.command(.stop(connector: 1))
        station.command(.toggle(.plug, connector: 1))
        #expect(!station.snapshot.connectors[0].evConnected)
        #expect(station.errors.isEmpty, "\(station.errors)")
    }
}
