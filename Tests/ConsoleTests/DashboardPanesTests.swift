import ChargePoint
import Foundation
import Testing

@testable import ConsoleScreen

/// The header and the connectors as a field technician reads them (issue 12): why the
/// link is down and the `--insecure` warning at every size, a boot not accepted yet, the
/// smart-charging limit with the profile that sets it, a fault's info, and the box that
/// never draws over its frame.
@Suite("Dashboard panes")
struct DashboardPanesTests {
    static let sizes = [(24, 80), (40, 120), (60, 200), (15, 60)]
    static let refused =
        "the central system refused the credentials (HTTP 401; check --password or AuthorizationKey)"
        + " (ws://127.0.0.1:9000/ocpp/OCD-000001)"
    static let txDefault =
        #"[2,"cs-1","SetChargingProfile",{"connectorId":1,"csChargingProfiles":{"chargingProfileId":3,"stackLevel":0,"#
        + #""chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":"#
        + #"{"startSchedule":"2026-11-24T10:00:00.000Z","chargingRateUnit":"W","#
        + #""chargingSchedulePeriod":[{"startPeriod":0,"limit":6900}]}}}]"#

    /// The screen of `station`, its events shown to a controller with `info`.
    static func screen(
        _ station: ScriptedStation, rows: Int, columns: Int, insecure: Bool = false, demo: Bool = true
    ) -> String {
        var controller = ScreenController(
            info: StationInfo(
                url: "ws://127.0.0.1:9000/ocpp/OCD-000001", stationId: "OCD-000001", insecure: insecure,
                cards: ScriptedStation.cards, demo: demo))
        for (time, event) in station.events { controller.ingest([event], at: time) }
        var surface = Surface(rows: rows, columns: columns)
        controller.render(station.snapshot, configuration: [], at: station.now, into: &surface)
        return surface.text
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Alice charging on connector 1 under a TxDefaultProfile of 6.9 kW.
    static func limited() throws -> ScriptedStation {
        var station = try ScriptedStation()
        station.receive(txDefault)
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.advance(seconds: 65)
        return station
    }

    @Test(arguments: sizes)
    func aRefusedLogin_showsItsReason_andTheInsecureWarning(_ rows: Int, _ columns: Int) throws {
        var station = try ScreenRenderingTests.charging().0
        station.linkDown(Self.refused)
        let text = Self.screen(station, rows: rows, columns: columns, insecure: true)
        try Golden.check(text, "link-refused-\(columns)x\(rows)")
        let lines = Self.lines(text)
        #expect(lines[1].contains("disconnected, retry in"), "\(text)")
        #expect(lines[3].contains("the central system refused the credentials (HTTP 401"), "\(text)")
        if columns >= 80 {
            #expect(lines[1].contains("security profile 0"), "\(text)")
            #expect(lines[2].contains("certificate NOT checked (--insecure)"), "\(text)")
        }
        if columns < Self.refused.count + 3 { #expect(lines[3].trimmingCharacters(in: .whitespaces).hasSuffix("…")) }
    }

    @Test func theCentralSystemClosingTheSocket_putsItsCodeAndReasonInTheLog() throws {
        var station = try ScriptedStation()
        station.linkDown("closed by the central system (1008: policy violation)")
        let text = Self.screen(station, rows: 24, columns: 80)
        #expect(text.contains("LINK   link down"), "\(text)")
        #expect(text.contains("closed by the central system (1008: policy violation)"), "\(text)")
    }

    /// Enter on the log's LINK line shows the reason whole, wrapped.
    @Test func theLinkLine_opensWithTheWholeReason() throws {
        var station = try ScriptedStation()
        station.linkDown(Self.refused)
        var controller = ScreenController(info: StationInfo(url: "ws://h/ocpp", stationId: "CP"))
        for (time, event) in station.events { controller.ingest([event], at: time) }
        for _ in 0..<3 { _ = controller.handle(.up, snapshot: station.snapshot, configuration: [], at: station.now) }
        while let cursor = controller.logCursor, controller.log.entry(cursor)?.kind != .linkDown {
            _ = controller.handle(.down, snapshot: station.snapshot, configuration: [], at: station.now)
        }
        _ = controller.handle(.enter, snapshot: station.snapshot, configuration: [], at: station.now)
        var surface = Surface(rows: 24, columns: 80)
        controller.render(station.snapshot, configuration: [], at: station.now, into: &surface)
        let text = surface.text
        #expect(text.contains("the link went down"), "\(text)")
        #expect(text.contains("check --password") && text.contains("(ws://127.0.0.1:9000/ocpp/OCD-000001)"), "\(text)")
    }

    @Test func aPendingBoot_isNotCalledOffline_andShowsTheRetry() throws {
        let station = try ScriptedStation(boot: "Pending", interval: 30)
        let text = Self.screen(station, rows: 24, columns: 80)
        try Golden.check(text, "boot-pending-80x24")
        let lines = Self.lines(text)
        #expect(
            lines[3].contains("the central system has not accepted the boot yet (Pending, retry in 30 s)"), "\(text)")
        #expect(!text.contains("heartbeat every 300 s"), "\(text)")
        #expect(!lines[0..<22].contains { $0.contains("offline") }, "\(text)")
    }

    @Test func aCardSwipedDuringAPendingBoot_isNotSaidToBeOffline() throws {
        var station = try ScriptedStation(boot: "Pending", interval: 30)
        station.command(.swipe(idTag: "UNKNOWN-CARD", connector: 1))
        let said = station.allEvents.compactMap { event -> String? in
            switch event {
            case .notice(let text), .error(let text): text
            default: nil
            }
        }
        #expect(said.contains { $0.contains("boot Pending, and UNKNOWN-CARD is not known locally") }, "\(said)")
        #expect(!said.contains { $0.contains("offline") }, "\(said)")
    }

    @Test func anAcceptedBoot_showsTheIntervalTheCentralSystemGave() throws {
        let station = try ScriptedStation(interval: 45)
        #expect(Self.screen(station, rows: 24, columns: 80).contains("heartbeat every 45 s"))
    }

    @Test(arguments: sizes)
    func theSmartChargingLimit_andItsProfile_stayOnTheConnectorRow(_ rows: Int, _ columns: Int) throws {
        let station = try Self.limited()
        #expect(
            station.snapshot.connectors[0].limitSource == ChargingLimitSource(profileId: 3, purpose: .txDefaultProfile))
        let text = Self.screen(station, rows: rows, columns: columns)
        try Golden.check(text, "limit-\(columns)x\(rows)")
        #expect(text.contains("limit 6.9 kW #3 TxDefault"), "\(text)")
        #expect(text.contains("Alice"), "\(text)")
    }

    @Test func aStationShare_namesTheChargePointMaxProfile() throws {
        var station = try ScriptedStation()
        station.receive(ConnectorShareRenderingTests.stationMax)
        station.command(.plug(connector: 1))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 1))
        station.advance(seconds: 5)
        let text = Self.screen(station, rows: 24, columns: 80)
        #expect(text.contains("Alice 10.0 kW share 10.0/10.0 kW #1 CPMax"), "\(text)")
    }

    @Test(arguments: [(24, 80), (15, 60)])
    func aStationFault_withItsInfo_staysInsideTheConnectorsBox(_ rows: Int, _ columns: Int) throws {
        var station = try ScriptedStation()
        station.command(.fault(connector: 0, code: .otherError, info: "supply phase L2 lost"))
        station.command(.fault(connector: 2, code: .groundFailure, info: "RCD tripped"))
        let text = Self.screen(station, rows: rows, columns: columns)
        try Golden.check(text, "station-fault-\(columns)x\(rows)")
        let lines = Self.lines(text)
        let layout = ScreenLayout(rows: rows, columns: columns, connectors: 2, readings: 4, stationLine: true)
        let bottom = lines[layout.connectors.bottom - 1]
        #expect(bottom.hasPrefix("└"), "\(text)")
        #expect(text.contains("OtherError  supply phase"), "\(text)")
        if rows >= 24 { #expect(text.contains("Faulted GroundFailure RCD"), "\(text)") }
        if rows >= 24 {
            // The meter pane of the selected connector has them whole.
            #expect(text.contains("station: OtherError: supply") && text.contains("phase L2 lost"), "\(text)")
        }
    }

    @Test func whileHeldOffline_theHintSaysOnline() throws {
        var station = try ScriptedStation()
        let online = Self.lines(Self.screen(station, rows: 24, columns: 80))[23]
        #expect(online.contains("o offline"), "\(online)")
        station.command(.offline)
        let offline = Self.lines(Self.screen(station, rows: 24, columns: 80))[23]
        #expect(offline.contains("o online") && !offline.contains("o offline"), "\(offline)")
    }

    @Test func labelsAreCutWithAnEllipsis_andTheSmallTerminalNoticeLeavesNoFragments() throws {
        var station = try ScriptedStation()
        let small = Self.lines(Self.screen(station, rows: 15, columns: 60))
        #expect(small[0] == " terminal 60x15: 80x24 or more shows everything", "\(small[0])")
        station.linkDown(Self.refused)
        // Every width: a line of the header ends in a whole piece or an ellipsis.
        for columns in 60...130 {
            let lines = Self.lines(Self.screen(station, rows: 24, columns: columns))
            for line in lines[1...3] {
                let shown = line.trimmingCharacters(in: .whitespaces)
                #expect(
                    shown.hasSuffix("…") || shown.hasSuffix("security profile 0") || shown.hasSuffix("queued 0")
                        || shown.hasSuffix(")"), "\(columns): \(line)")
            }
        }
    }

    @Test func aWriteOnlyKeyNeverSet_saysNotSet() throws {
        var (station, controller) = try ScreenRenderingTests.charging()
        _ = controller.perform(.configuration, snapshot: station.snapshot, configuration: [], at: station.now)
        _ = controller.handle(.character("/"), snapshot: station.snapshot, configuration: [], at: station.now)
        for character in "AuthorizationKey" {
            _ = controller.handle(.character(character), snapshot: station.snapshot, configuration: [], at: station.now)
        }
        _ = controller.handle(.enter, snapshot: station.snapshot, configuration: [], at: station.now)
        var surface = Surface(rows: 24, columns: 80)
        controller.render(
            station.snapshot, configuration: station.core.configurationEntries, at: station.now, into: &surface)
        let row = Self.lines(surface.text).first { $0.contains("AuthorizationKey ") } ?? ""
        #expect(row.contains("not set") && !row.contains("********"), "\(surface.text)")
    }

    /// `--demo-loop`: the meter pane shows the connector that charges, not idle connector 1.
    @Test func inTheDemoLoop_theMeterFollowsTheConnectorThatCharges() throws {
        var station = try ScriptedStation()
        station.command(.plug(connector: 2))
        station.command(.swipe(idTag: "04A1B2C3D4E5F6", connector: 2))
        for follows in [false, true] {
            var info = StationInfo(url: "ws://h/ocpp", stationId: "CP", demo: true)
            info.followsSessions = follows
            var controller = ScreenController(info: info)
            for (time, event) in station.events { controller.ingest([event], at: time) }
            var surface = Surface(rows: 24, columns: 80)
            controller.render(station.snapshot, configuration: [], at: station.now, into: &surface)
            #expect(surface.text.contains("Meter · connector \(follows ? 2 : 1)"), "\(surface.text)")
        }
    }

    /// The log shows when each frame crossed the wire, not when the screen took it.
    @Test func logTimes_areWhenTheFrameCrossedTheWire() throws {
        let station = try ScriptedStation()
        var controller = ScreenController(info: StationInfo(url: "ws://h/ocpp", stationId: "CP"))
        let frames = station.allEvents.filter { if case .frame = $0 { true } else { false } }
        controller.ingest(frames, at: station.now.adding(milliseconds: 7_777))
        let times = (controller.log.firstSequence...controller.log.appended).compactMap {
            controller.log.entry($0)?.time
        }
        #expect(!times.isEmpty && times.allSatisfy { $0 <= station.now }, "\(times)")
    }
}
