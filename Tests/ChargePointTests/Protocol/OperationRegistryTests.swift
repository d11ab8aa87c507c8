import Testing

@testable import ChargePoint

/// The one table of actions (OperationRegistry): complete, consistent with the
/// message types, and the only place incoming CALLs are dispatched from.
@Suite("Operation registry")
struct OperationRegistryTests {
    @Test func everyAction_hasOneEntry_whoseRequestTypeIsItsOwn() {
        #expect(OperationRegistry.entries.count == Action.allCases.count)
        for action in Action.allCases {
            let entry = OperationRegistry.entry(action)
            #expect(entry.requestType.action == action, "\(action)")
        }
    }

    /// What the charge point sends has no handler; what the central system sends has one
    /// unless the station does not implement it yet (answered NotImplemented).
    @Test func handlers_matchTheInitiator() {
        let notImplemented: Set<Action> = [
            .signedUpdateFirmware
        ]
        for action in Action.allCases {
            let entry = OperationRegistry.entry(action)
            switch entry.initiator {
            case .chargePoint: #expect(entry.handler == nil, "\(action)")
            case .centralSystem, .either:
                #expect((entry.handler == nil) == notImplemented.contains(action), "\(action)")
            }
        }
    }

    @Test func notImplementedActions_areAnsweredNotImplemented_OCPPJ16_4_2_3() throws {
        var station = try StationHarness.booted(profile: TestProfiles.everything)
        let answer = station.csmsCall(
            SignedUpdateFirmwareRequest(
                requestId: 1,
                firmware: Firmware(
                    location: "https://example.com/fw.bin", retrieveDateTime: StationHarness.start,
                    signingCertificate: "CERT x", signature: "c2ln")))
        guard case .callError(let error) = answer else {
            Issue.record("SignedUpdateFirmware answered \(String(describing: answer))")
            return
        }
        #expect(error.code == .notImplemented)
    }

}
