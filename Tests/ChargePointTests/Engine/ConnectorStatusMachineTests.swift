import ChargePoint
import Testing

/// The connector status machine of OCPP 1.6 §4.9, walked pair by pair: every status,
/// every event, the status that must follow. The table below is the specification's,
/// read row by row (codes A2…I8 in the comments); a "=" keeps the status, either
/// because the event does not apply there or because the station refuses it.
@Suite("Connector status machine (OCPP 1.6 §4.9)")
struct ConnectorStatusMachineTests {
    enum Event: String, CaseIterable, CustomTestStringConvertible {
        case plug, unplug, swipe, stopButton, evSuspend, evResume, fault, clearFault, inoperative, operative
        case reserve, cancelReservation, remoteStart, remoteStop, connectionTimeout, limitZero, limitLift
        var testDescription: String { rawValue }
    }

    typealias S = ChargePointStatus
    /// nil: unchanged.
    static let table: [S: [Event: S]] = [
        .available: [
            .plug: .preparing /* A2 */, .swipe: .preparing /* A2 */, .fault: .faulted /* A9 */,
            .inoperative: .unavailable /* A8 */, .reserve: .reserved /* A7 */, .remoteStart: .preparing /* A2 */,
        ],
        .preparing: [
            .unplug: .available /* B1 */, .swipe: .charging /* B3 */, .stopButton: .finishing /* B6 */,
            .fault: .faulted /* B9 */, .inoperative: .unavailable /* B8 (ours) */, .remoteStart: .charging, /* B3 */
            .connectionTimeout: .finishing /* B6 */,
        ],
        .charging: [
            .unplug: .available /* C1 via F1 */, .swipe: .finishing /* C6 */, .stopButton: .finishing /* C6 */,
            .evSuspend: .suspendedEV /* C4 */, .fault: .faulted /* C9 */, .remoteStop: .finishing /* C6 */,
            .limitZero: .suspendedEVSE /* C5 */,
        ],
        .suspendedEV: [
            .unplug: .available /* D1 via F1 */, .swipe: .finishing /* D6 */, .stopButton: .finishing /* D6 */,
            .evResume: .charging /* D3 */, .fault: .faulted /* D9 */, .remoteStop: .finishing /* D6 */,
            .limitZero: .suspendedEVSE /* D5 */,
        ],
        .suspendedEVSE: [
            .unplug: .available /* E1 via F1 */, .swipe: .finishing /* E6 */, .stopButton: .finishing /* E6 */,
            .fault: .faulted /* E9 */, .remoteStop: .finishing /* E6 */, .limitLift: .charging /* E3 */,
        ],
        .finishing: [
            .unplug: .available /* F1 */, .swipe: .charging /* F2, B3 */, .fault: .faulted /* F9 */,
            .remoteStart: .charging /* F2, B3 */,
        ],
        .reserved: [
            .plug: .preparing /* G2 */, .swipe: .preparing /* G2 */, .fault: .faulted /* G9 */,
            .inoperative: .unavailable /* G8 */, .cancelReservation: .available /* G1 */,
            .remoteStart: .preparing /* G2 */,
        ],
        .unavailable: [.fault: .faulted /* H9 */, .operative: .available /* H1 */],
        .faulted: [.clearFault: .available /* I1 */],
    ]

    static let pairs: [(S, Event)] = S.allCases.flatMap { status in Event.allCases.map { (status, $0) } }

    /// Puts connector 1 (a Type 2 socket) into `status`.
    static func station(in status: S) throws -> StationHarness {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        let expiry = StationHarness.start.adding(seconds: 3600)
        switch status {
        case .available: break
        case .preparing: station.command(.plug(connector: 1))
        case .charging, .suspendedEV, .suspendedEVSE, .finishing:
            station.plugAndSwipe(idTag: "TAG1", connector: 1)
            if status == .suspendedEV { station.command(.evSuspend(connector: 1)) }
            if status == .suspendedEVSE { apply(.limitZero, to: &station) }
            if status == .finishing { station.command(.stop(connector: 1)) }
        case .reserved:
            _ = station.csmsCall(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "TAG1", reservationId: 1))
        case .unavailable:
            _ = station.csmsCall(ChangeAvailabilityRequest(connectorId: 1, type: .inoperative))
        case .faulted:
            station.command(.fault(connector: 1, code: .groundFailure, info: nil))
        }
        return station
    }

    static func apply(_ event: Event, to station: inout StationHarness) {
        let expiry = StationHarness.start.adding(seconds: 3600)
        switch event {
        case .plug: station.command(.plug(connector: 1))
        case .unplug: station.command(.unplug(connector: 1))
        case .swipe: station.command(.swipe(idTag: "TAG1", connector: 1))
        case .stopButton: station.command(.stop(connector: 1))
        case .evSuspend: station.command(.evSuspend(connector: 1))
        case .evResume: station.command(.evResume(connector: 1))
        case .fault: station.command(.fault(connector: 1, code: .groundFailure, info: nil))
        case .clearFault: station.command(.clear(connector: 1))
        case .inoperative: _ = station.csmsCall(ChangeAvailabilityRequest(connectorId: 1, type: .inoperative))
        case .operative: _ = station.csmsCall(ChangeAvailabilityRequest(connectorId: 1, type: .operative))
        case .reserve:
            _ = station.csmsCall(ReserveNowRequest(connectorId: 1, expiryDate: expiry, idTag: "TAG2", reservationId: 2))
        case .cancelReservation: _ = station.csmsCall(CancelReservationRequest(reservationId: 1))
        case .remoteStart: _ = station.csmsCall(RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1"))
        case .remoteStop: _ = station.csmsCall(RemoteStopTransactionRequest(transactionId: 1))
        case .connectionTimeout: station.advance(seconds: 61)
        case .limitZero:
            let profile = OptionalProfileTests.profile(id: 50, purpose: .txProfile, periods: [(0, 0)])
            _ = station.csmsCall(SetChargingProfileRequest(connectorId: 1, csChargingProfiles: profile))
        case .limitLift: _ = station.csmsCall(ClearChargingProfileRequest(id: 50))
        }
    }

    @Test func recipesReachTheirStatus() throws {
        for status in S.allCases {
            #expect(try Self.station(in: status).status(1) == status, "recipe for \(status)")
        }
    }

    @Test(arguments: pairs)
    func transition(_ status: S, _ event: Event) throws {
        var station = try Self.station(in: status)
        Self.apply(event, to: &station)
        let expected = Self.table[status]?[event] ?? status
        #expect(station.status(1) == expected, "\(status) + \(event)")
        station.expectNoInternalErrors()
    }

    @Test func everyReportedTransition_isInTheTable() throws {
        for status in S.allCases {
            for event in Event.allCases {
                var station = try Self.station(in: status)
                Self.apply(event, to: &station)
                let reported = station.reportedStatuses(1)
                for (from, to) in zip(reported, reported.dropFirst()) where from != to {
                    #expect(
                        ConnectorStatusMachine.transitionCode(from: from, to: to) != nil,
                        "\(status) + \(event) reported \(from) → \(to)")
                }
            }
        }
    }

    @Test func theTableMatchesTheSpecification() {
        // Spot checks of codes against §4.9 (and errata 3.20).
        #expect(ConnectorStatusMachine.transitionCode(from: .available, to: .preparing) == "A2")
        #expect(ConnectorStatusMachine.transitionCode(from: .preparing, to: .finishing) == "B6")
        #expect(ConnectorStatusMachine.transitionCode(from: .charging, to: .suspendedEVSE) == "C5")
        #expect(ConnectorStatusMachine.transitionCode(from: .faulted, to: .reserved) == "I7")
        #expect(ConnectorStatusMachine.transitionCode(from: .charging, to: .preparing) == nil)
        #expect(ConnectorStatusMachine.transitionCode(from: .finishing, to: .charging) == nil)
        #expect(ConnectorStatusMachine.transitionCode(from: .reserved, to: .charging) == nil)
        let count = ChargePointStatus.allCases.reduce(0) { total, from in
            total
                + ChargePointStatus.allCases.filter { ConnectorStatusMachine.transitionCode(from: from, to: $0) != nil }
                .count
        }
        #expect(count == 54)
    }
}
