import ChargePoint
import Testing

@testable import ConsoleScreen

/// Issue 15 §4: the fleet view — a line per station, sorted by identity, the summary of
/// the `fleet` event on top — drawn into the in-memory surface at 80x24 and wider, and
/// its keys: moving, paging, the `/` filter, Enter and `i` opening a station, the `:`
/// line's `on <station|all> <command>`.
@Suite("Fleet view")
struct FleetViewTests {
    static let now = Timestamp(millisecondsSince1970: 1_764_496_800_000)  // 2025-11-30T10:00:00Z

    /// Twenty stations of two connectors, given in no order: most connected and booted,
    /// one charging, one plugged in, one down, one faulted, one still connecting, one
    /// whose boot is pending.
    static func fleet(_ count: Int = 20) -> FleetRows {
        let identities = (1...count).reversed().map { "CP-" + String(String($0 + 10000).dropFirst()) }
        var rows = FleetRows(identities: identities, connectors: 2)
        func station(_ number: Int) -> Int {
            identities.firstIndex(of: "CP-" + String(String(number + 10000).dropFirst()))!
        }
        let available: [StationEvent] = [
            .connection(.connected, reason: nil), .registration(.accepted, interval: 60),
            .connector(id: 1, status: .available, errorCode: .noError, info: nil),
            .connector(id: 2, status: .available, errorCode: .noError, info: nil),
        ]
        for index in identities.indices where ![5, 12].contains(count - index) {
            rows.record(available, station: index, at: now)
        }
        rows.record(
            [
                .connector(id: 1, status: .preparing, errorCode: .noError, info: nil),
                .meter(connector: 1, energyWh: 10_000, powerW: 0),
                .transaction(TransactionEvent(kind: .started, connector: 1, transactionId: 7, idTag: "04A1B2C3D4E5F6")),
                .connector(id: 1, status: .charging, errorCode: .noError, info: nil),
                .meter(connector: 1, energyWh: 13_210, powerW: 22_000),
            ], station: station(3), at: now)
        rows.record(
            [
                .connection(.connecting, reason: nil),
                .connection(.disconnected, reason: "connection refused (127.0.0.1:9)"),
                .connector(id: 1, status: .available, errorCode: .noError, info: nil),
            ], station: station(5), at: now)
        rows.setQueued(2, station: station(5))
        rows.record(
            [.connector(id: 2, status: .faulted, errorCode: .groundFailure, info: nil)], station: station(7), at: now)
        rows.record(
            [.connector(id: 2, status: .preparing, errorCode: .noError, info: nil)], station: station(10), at: now)
        rows.record([.registration(.pending, interval: 30)], station: station(14), at: now)
        return rows
    }

    static func counts(_ rows: FleetRows) -> FleetCounts {
        var counts = rows.counts
        counts.callsPerSecond = 4.2
        (counts.latencyP50, counts.latencyP99) = (4, 18)
        return counts
    }

    static func render(_ controller: inout FleetController, _ rows: FleetRows, rows height: Int, columns: Int)
        -> Surface
    {
        var surface = Surface(rows: height, columns: columns)
        controller.render(rows, counts: counts(rows), at: now, into: &surface)
        return surface
    }

    var rows = FleetViewTests.fleet()
    var controller = FleetController(url: "ws://127.0.0.1:9000/ocpp")

    mutating func press(_ keys: Key...) -> [FleetEffect] {
        keys.flatMap { controller.handle($0, rows: rows, at: Self.now) }
    }

    mutating func type(_ text: String) -> [FleetEffect] {
        text.flatMap { controller.handle(.character($0), rows: rows, at: Self.now) }
    }

    @Test(arguments: [(24, 80), (30, 120)])
    mutating func fleetView(_ height: Int, _ columns: Int) throws {
        _ = press(.down, .down)
        let surface = Self.render(&controller, rows, rows: height, columns: columns)
        try Golden.check(surface.text, "fleet-\(columns)x\(height)")
    }

    /// Thousands of stations: paged to the end, the last lines are drawn (and only they).
    @Test mutating func fiveThousandStations_pageToTheEnd() throws {
        rows = Self.fleet(5000)
        _ = press(.end)
        let surface = Self.render(&controller, rows, rows: 24, columns: 80)
        try Golden.check(surface.text, "fleet-5000-end-80x24")
        _ = press(.pageUp)
        #expect(controller.selected == rows.sorted[5000 - 1 - 15])
    }

    /// Between two readings the session's energy grows at the power last read, as the
    /// single view projects it.
    @Test func sessionEnergy_isProjectedAtThePowerLastRead() {
        let row = rows.rows[rows.station(named: "CP-0003")!]
        #expect(row.sessionWh(at: Self.now) == 3_210)
        let minuteLater = Timestamp(millisecondsSince1970: Self.now.millisecondsSince1970 + 60_000)
        #expect(abs((row.sessionWh(at: minuteLater) ?? 0) - (3_210 + 22_000.0 / 60)) < 0.001)
        #expect(rows.rows[rows.station(named: "CP-0001")!].sessionWh(at: Self.now) == nil)
    }

    /// OCPP 1.6 §4.9: power flows only while Charging. A line keeps no power once the
    /// connector leaves Charging or the transaction stops, and the session's energy stays
    /// where the projection had taken it (it never falls back to the last reading).
    @Test func power_endsWithCharging_energyKeepsItsProjection() throws {
        var fleet = rows
        let station = try #require(fleet.station(named: "CP-0003"))
        let minuteLater = Timestamp(millisecondsSince1970: Self.now.millisecondsSince1970 + 60_000)
        fleet.record(
            [.connector(id: 1, status: .suspendedEV, errorCode: .noError, info: nil)], station: station, at: minuteLater)
        let suspended = fleet.rows[station]
        #expect(suspended.powerW == 0)
        let hourLater = Timestamp(millisecondsSince1970: Self.now.millisecondsSince1970 + 3_600_000)
        #expect(abs((suspended.sessionWh(at: hourLater) ?? 0) - (3_210 + 22_000.0 / 60)) < 0.001)
        fleet.record(
            [
                .connector(id: 1, status: .charging, errorCode: .noError, info: nil),
                .meter(connector: 1, energyWh: 14_000, powerW: 11_000),
                .transaction(TransactionEvent(kind: .stopped, connector: 1, transactionId: 7, idTag: "04A1B2C3D4E5F6")),
            ], station: station, at: hourLater)
        #expect(fleet.rows[station].powerW == 0)
        #expect(fleet.rows[station].sessionWh(at: hourLater) == nil)
    }

    /// Issue 15 review: a session the station resumed from its store (no `started`
    /// event) shows its energy so far on the line from the start.
    @Test func aResumedSession_showsItsEnergy() throws {
        var station = try ScriptedStation()
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.advance(seconds: 600)
        let snapshot = station.snapshot
        let session = try #require(snapshot.connectors.first { $0.id == 1 }?.session)
        #expect(session.energyWh > 0)
        var row = FleetRow(identity: "R-1", connectors: 2)
        row.resume(snapshot, at: Self.now)
        #expect(abs((row.sessionWh(at: Self.now) ?? 0) - session.energyWh) < 0.001)
        #expect(row.connectors[1].sessionWh(at: Self.now) == nil)
    }

    /// Issue 15 §3: a station held back by `--ramp` is `waiting`, not `connecting`, on its
    /// line and for `/`.
    @Test mutating func waitingForTheRamp_isALinkStateOfItsOwn() throws {
        let station = try #require(rows.station(named: "CP-0012"))
        rows.record(
            [.connection(.waiting, reason: "waiting for its turn to connect (50 new connections a second)")],
            station: station, at: Self.now)
        #expect(rows.rows[station].linkWord == "waiting")
        #expect(rows.matching("waiting") == [station])
        let surface = Self.render(&controller, rows, rows: 24, columns: 80)
        #expect(surface.text.contains("CP-0012       waiting (ramp)"))
    }

    @Test mutating func filter_byStatus_keepsTheMatchingLines() throws {
        _ = press(.character("/"))
        _ = type("charg")
        _ = press(.enter)
        #expect(controller.filter == "charg")
        #expect(rows.matching("charg").map { rows.rows[$0].identity } == ["CP-0003"])
        #expect(rows.matching("down").map { rows.rows[$0].identity } == ["CP-0005"])
        #expect(rows.matching("groundfailure").map { rows.rows[$0].identity } == ["CP-0007"])
        let surface = Self.render(&controller, rows, rows: 24, columns: 80)
        try Golden.check(surface.text, "fleet-filter-80x24")
        _ = press(.escape)
        #expect(controller.filter == "")
    }

    /// The lines a filter keeps are sought again when a status changes (not for a meter
    /// reading): a station that starts charging joins `/charg` at the next frame.
    @Test mutating func filter_followsStatusChanges() {
        _ = press(.character("/"))
        _ = type("charg")
        _ = press(.enter)
        #expect(controller.matching(rows).count == 1)
        rows.record(
            [.meter(connector: 1, energyWh: 5, powerW: 100)], station: rows.station(named: "CP-0001")!, at: Self.now)
        #expect(controller.matching(rows).count == 1)
        rows.record(
            [.connector(id: 2, status: .charging, errorCode: .noError, info: nil)],
            station: rows.station(named: "CP-0001")!, at: Self.now)
        #expect(controller.matching(rows).map { rows.rows[$0].identity } == ["CP-0001", "CP-0003"])
    }

    @Test mutating func enter_opensTheSelectedStation() {
        _ = press(.down, .down)
        #expect(press(.enter) == [.open(station: rows.sorted[2])])
        #expect(rows.rows[rows.sorted[2]].identity == "CP-0003")
    }

    @Test mutating func i_opensAStationByTheEndOfItsIdentity() {
        #expect(press(.character("i")) == [])
        #expect(type("0012") == [])
        let effects = press(.enter)
        #expect(effects == [.open(station: rows.station(named: "CP-0012")!)])
        _ = press(.character("i"))
        _ = type("CP-0999")
        #expect(press(.enter) == [])
        #expect(controller.feedback.last?.text.contains("no station 'CP-0999'") == true)
    }

    @Test mutating func commandLine_addressesOneStationOrAll() {
        _ = press(.character(":"))
        _ = type("on CP-0003 plug 2")
        #expect(press(.enter) == [.submit(.plug(connector: 2), station: rows.station(named: "CP-0003"))])
        _ = press(.character(":"))
        _ = type("on all offline")
        #expect(press(.enter) == [.submit(.offline, station: nil)])
        _ = press(.character(":"))
        _ = type("plug 1")
        #expect(press(.enter) == [])
        #expect(controller.feedback.last?.text.contains("on <station|all>") == true)
        _ = press(.character(":"))
        _ = type("on CP-9 plug 1")
        #expect(press(.enter) == [])
        #expect(controller.feedback.last?.text == "no station 'CP-9' in this fleet")
        _ = press(.character(":"))
        _ = type("quit")
        #expect(press(.enter) == [.quit])
    }

    /// Tab on the fleet view's `:` line: `on`, then the stations, then the command.
    @Test mutating func tab_completesTheStationThenTheCommand() {
        _ = press(.character(":"))
        for word in ["o", "CP-001"] { _ = type(word) + press(.tab) }
        #expect(controller.prompt?.choices.count == 10)  // CP-0010 … CP-0019
        for word in ["4", "pl"] { _ = type(word) + press(.tab) }
        #expect(controller.prompt?.editor.string == "on CP-0014 plug ")
        _ = type("1")
        #expect(press(.enter) == [.submit(.plug(connector: 1), station: rows.station(named: "CP-0014"))])
    }

    /// Issue 15 review: `on` misplaced, and `csms` (a fleet has no embedded central
    /// system), are refused saying why.
    @Test func misplacedOn_andCsms_sayWhy() {
        for line in ["on", "on all on CP-0001 status"] {
            guard case .refused(let why) = FleetCommandLine.read(line, rows: rows) else {
                Issue.record("\(line) was taken")
                continue
            }
            #expect(why.contains("'on' names a station of a fleet, once, first"), "\(why)")
        }
        for line in ["on CP-0001 csms trigger heartbeat", "csms trigger heartbeat"] {
            #expect(FleetCommandLine.read(line, rows: rows) == .refused(FleetAddress.centralSystemRefusal), "\(line)")
        }
    }

    /// Second review of issue 15: `:quit --stop` in the fleet view stops every session
    /// and quits once the central system has them, as headless `quit --stop` does.
    @Test func quitStop_stopsEverySessionThenQuits() {
        guard case .effects(let effects, let notice) = FleetCommandLine.read("quit --stop", rows: rows) else {
            Issue.record("quit --stop was refused")
            return
        }
        #expect(effects == [.stopAllAndQuit])
        #expect(notice?.hasPrefix("stopping every session") == true)
    }

    /// Tab in `i`'s prompt completes an identity.
    @Test mutating func tab_inTheStationPrompt_completesTheIdentity() {
        _ = press(.character("i"))
        _ = type("cp-001")
        _ = press(.tab)
        #expect(controller.prompt?.choices.count == 10)  // CP-0010 … CP-0019
        _ = type("7")
        _ = press(.tab)
        #expect(controller.prompt?.editor.string == "CP-0017 ")
        #expect(press(.enter) == [.open(station: rows.station(named: "CP-0017")!)])
    }

    @Test mutating func help_listsTheFleetKeys() {
        _ = press(.character("?"))
        #expect(controller.overlay == .help(scroll: 0))
        #expect(KeyBindings.helpLines.contains { $0.hasPrefix("Fleet") })
        // Opened from the fleet view, the help lists the fleet's keys first.
        let surface = Self.render(&controller, rows, rows: 24, columns: 80)
        #expect(surface.text(row: 2).contains("Fleet"))
        _ = press(.escape)
        #expect(controller.overlay == nil)
    }
}
