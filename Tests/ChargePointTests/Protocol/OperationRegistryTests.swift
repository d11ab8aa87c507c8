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

    /// What the charge point sends has no handler; every action the central system sends
    /// has one (OCPP 1.6 and the whole security extension).
    @Test func handlers_matchTheInitiator() {
        for action in Action.allCases {
            let entry = OperationRegistry.entry(action)
            switch entry.initiator {
            case .chargePoint: #expect(entry.handler == nil, "\(action)")
            case .centralSystem, .either: #expect(entry.handler != nil, "\(action)")
            }
        }
    }
}
