import Foundation
import Testing

@testable import ChargePoint
import ChargePointRuntime

/// Nothing lost, nothing acknowledged sent twice: the station is cut off at a random
/// instant of a session, many times over, and restarted on the same SQLite database
/// (OCPP 1.6 §3.7, §4.2.1; OCTT TC_032).
@Suite("Persistence across power cuts")
struct PersistenceTests {
    static func temporaryDatabase() -> String {
        NSTemporaryDirectory() + "ocpp-console-test-\(UUID().uuidString)/station.sqlite"
    }

    @Test func sqliteStore_roundTripsEveryKindOfRecord() throws {
        var station = try StationHarness.booted(
            profile: TestProfiles.everything,
            configuration: [
                "MeterValueSampleInterval": "60", "StopTxnSampledData": "Energy.Active.Import.Register",
            ])
        let path = Self.temporaryDatabase()
        let store = try SQLiteStore(path: path)
        try store.apply(station.store.asChanges)
        station.sqlite = store
        _ = station.csmsCall(
            SendLocalListRequest(
                listVersion: 2,
                localAuthorizationList: [AuthorizationData(idTag: "L1", idTagInfo: IdTagInfo(status: .accepted))],
                updateType: .full))
        _ = station.csmsCall(
            ReserveNowRequest(
                connectorId: 2, expiryDate: StationHarness.start.adding(seconds: 900), idTag: "R", reservationId: 4))
        let profile = OptionalProfileTests.profile(id: 8, purpose: .txDefaultProfile, periods: [(0, 5000)])
        _ = station.csmsCall(SetChargingProfileRequest(connectorId: 0, csChargingProfiles: profile))
        _ = station.csmsCall(ChangeConfigurationRequest(key: "HeartbeatInterval", value: "123"))
        station.plugAndSwipe(idTag: "TAG1", connector: 1)
        station.dropLink()
        station.advance(seconds: 200)
        var loaded = try SQLiteStore(path: path).load()
        var expected = station.core.durableState
        loaded.lastActivity = nil
        expected.lastActivity = nil
        loaded.connectors.sort { $0.id < $1.id }
        expected.connectors = expected.connectors.filter { record in loaded.connectors.contains { $0.id == record.id } }
        #expect(loaded == expected)
        #expect(loaded.messageQueue.count == 3)
    }

    /// One session, described as steps; any of them may be the last before a power cut.
    enum Step {
        case command(StationCommand)
        case wait(Double)
        case dropLink
        case restoreNetwork
    }

    static let session: [Step] = [
        .command(.plug(connector: 1)), .wait(5), .command(.swipe(idTag: "TAG1", connector: 1)), .wait(70),
        .command(.plug(connector: 2)), .command(.swipe(idTag: "TAG2", connector: 2)), .wait(40), .dropLink, .wait(90),
        .command(.evSuspend(connector: 1)), .wait(30), .command(.evResume(connector: 1)), .wait(35),
        .command(.swipe(idTag: "TAG2", connector: 2)), .wait(20), .restoreNetwork, .wait(61),
        .command(.unplug(connector: 2)), .wait(10), .command(.swipe(idTag: "TAG1", connector: 1)), .wait(5),
        .command(.unplug(connector: 1)), .wait(30),
    ]

    static func run(_ step: Step, on station: inout StationHarness) {
        switch step {
        case .command(let command): station.command(command)
        case .wait(let seconds): station.advance(seconds: seconds)
        case .dropLink: station.dropLink()
        case .restoreNetwork: station.restoreNetwork()
        }
    }

    @Test(arguments: 0..<6)
    func randomPowerCuts_loseNothing_andDuplicateNothingAcknowledged(_ batch: Int) throws {
        var random = SplitMix(seed: 0x5EED_0000 + UInt64(batch))
        for _ in 0..<25 {
            var station = try StationHarness(
                profile: TestProfiles.twoConnectors,
                configuration: [
                    "MeterValueSampleInterval": "30", "MeterValuesSampledData": Self.registers,
                    "StopTxnSampledData": Self.registers,
                ])
            station.sqlite = try SQLiteStore(path: Self.temporaryDatabase())
            station.powerOn()
            let cuts = Set(
                (0..<(1 + Int(random.next() % 3))).map { _ in Int(random.next() % UInt64(Self.session.count)) })
            for (index, step) in Self.session.enumerated() {
                Self.run(step, on: &station)
                if cuts.contains(index) {
                    let offline = !station.networkAvailable
                    let cut = RegisterWitness(station)
                    try station.powerCut(restartAfter: Double(random.next() % 50) + 1)
                    cut.checkPowerLossStops(station, context: "cut after step \(index) of \(cuts.sorted())")
                    if offline { station.dropLink() }
                }
            }
            station.restoreNetwork()
            station.advance(seconds: 3600)
            try Self.checkDelivery(station, cuts: cuts)
        }
    }

    /// Every register the test profile meters (the import register grows, the export
    /// register stays; neither may go backwards).
    static let registers = "Energy.Active.Import.Register,Energy.Active.Export.Register"

    static func checkDelivery(_ station: StationHarness, cuts: Set<Int>) throws {
        let starts = station.csms.calls(.startTransaction)
        let stops = station.csms.calls(.stopTransaction)
        let context = "cuts after steps \(cuts.sorted())"
        // Every transaction started once and stopped once; nothing left undelivered.
        #expect(starts.count == stops.count, "\(context)")
        #expect(station.snapshot.queuedTransactionMessages == 0, "\(context)")
        #expect(Set(starts.map(\.text)).count == starts.count, "a StartTransaction was sent twice: \(context)")
        #expect(Set(stops.map(\.text)).count == stops.count, "a StopTransaction was sent twice: \(context)")
        let stopIds = stops.compactMap { $0.payload["transactionId"]?.intValue }
        #expect(Set(stopIds).count == stopIds.count, "\(context)")
        #expect(stopIds.allSatisfy { $0 > 0 }, "\(context)")
        // Meter values: never repeated, in order per transaction, never decreasing.
        var last: [Int: (String, Int)] = [:]
        for call in station.csms.calls(.meterValues) {
            guard let id = call.payload["transactionId"]?.intValue,
                let value = call.payload["meterValue"]?.arrayValue?.first,
                let time = value["timestamp"]?.stringValue,
                let energy = value["sampledValue"]?.arrayValue?.first?["value"]?.stringValue.flatMap(Int.init)
            else { continue }
            if let previous = last[id] {
                #expect(previous.0 < time, "meter values of transaction \(id) out of order: \(context)")
                #expect(previous.1 <= energy, "energy decreased in transaction \(id): \(context)")
            }
            last[id] = (time, energy)
        }
        for stop in stops {
            let start = starts.first { $0.payload["idTag"] == stop.payload["idTag"] }
            if let meterStart = start?.payload["meterStart"]?.intValue,
                let meterStop = stop.payload["meterStop"]?.intValue
            {
                #expect(meterStop >= meterStart, "\(context)")
            }
        }
        RegisterWitness.checkRegistersNeverGoBack(station, context: context)
        // The store and the core agree.
        if let sqlite = station.sqlite {
            var loaded = try sqlite.load()
            var expected = station.core.durableState
            loaded.lastActivity = nil
            expected.lastActivity = nil
            loaded.connectors.sort { $0.id < $1.id }
            expected.connectors = expected.connectors.filter { record in
                loaded.connectors.contains { $0.id == record.id }
            }
            #expect(loaded == expected, "\(context)")
        }
        station.expectNoInternalErrors()
    }
}

extension DurableState {
    /// The changes that build this state from nothing.
    var asChanges: [StoreChange] {
        var changes: [StoreChange] = configuration.map { .configuration(key: $0.key, value: $0.value) }
        changes += authorizationCache.map { .cacheEntry($0) }
        changes.append(.localList(localList))
        changes += transactions.map { .transaction($0) }
        changes += messageQueue.map { .queued($0) }
        changes += connectors.map { .connector($0) }
        changes += reservations.map { .reservation($0) }
        changes += chargingProfiles.map { .chargingProfile($0) }
        changes.append(.counters(counters))
        changes += securityLog.map { .securityLogEntry($0) }
        if let firmwareUpdate { changes.append(.firmwareUpdate(firmwareUpdate)) }
        if let diagnosticsUpload { changes.append(.diagnosticsUpload(diagnosticsUpload)) }
        return changes
    }
}
