import ChargePoint

/// A scripted central system for scenario tests: it answers every CALL of the station
/// the way a well-behaved CSMS would, unless a test says otherwise for an action
/// (answer with a CALLERROR, stay silent, or hold the call for the test to answer).
struct TestCentralSystem {
    enum Behaviour: Equatable {
        case answer
        case callError(RPCErrorCode)
        /// Never answer: the station's request times out.
        case silent
        /// Keep the call in `held` for the test to answer with `respond`.
        case hold
    }

    struct ReceivedCall {
        let messageId: String
        let action: Action
        let payload: JSONValue
        var text: String { JSONSerializer.serialize(payload) }
    }

    var bootStatus: RegistrationStatus = .accepted
    var bootInterval = 300
    /// idTag (lowercased) → what Authorize/StartTransaction answer; others are Invalid.
    var idTags: [String: IdTagInfo] = [
        "valid": IdTagInfo(status: .accepted),
        "tag1": IdTagInfo(status: .accepted),
        "tag2": IdTagInfo(status: .accepted),
        "blocked": IdTagInfo(status: .blocked),
        "expired": IdTagInfo(status: .expired),
        "family-a": IdTagInfo(parentIdTag: "FAMILY", status: .accepted),
        "family-b": IdTagInfo(parentIdTag: "FAMILY", status: .accepted),
    ]
    var behaviour: [Action: Behaviour] = [:]
    /// Behaviour for the next n calls of an action only, then back to answering.
    var behaviourCounts: [Action: Int] = [:]
    var nextTransactionId = 1
    /// CSMS clock = station clock + skew (ms).
    var clockSkew: Int64 = 0

    private(set) var received: [ReceivedCall] = []
    var held: [ReceivedCall] = []

    func info(for idTag: String) -> IdTagInfo {
        idTags[idTag.lowercased()] ?? IdTagInfo(status: .invalid)
    }

    func calls(_ action: Action) -> [ReceivedCall] { received.filter { $0.action == action } }

    /// The answer to a CALL from the station, or nil to send nothing (now).
    mutating func handle(_ call: Frame.Call, at now: Timestamp) -> Frame? {
        guard let action = Action(rawValue: call.action) else { return nil }
        let received = ReceivedCall(messageId: call.messageId, action: action, payload: call.payload)
        self.received.append(received)
        var mode = behaviour[action] ?? .answer
        if let count = behaviourCounts[action] {
            if count > 0 {
                behaviourCounts[action] = count - 1
            } else {
                mode = .answer
            }
        }
        switch mode {
        case .silent: return nil
        case .hold:
            held.append(received)
            return nil
        case .callError(let code):
            return .callError(Frame.CallError(messageId: call.messageId, code: code, description: "test"))
        case .answer:
            return answer(received, at: now)
        }
    }

    mutating func answer(_ call: ReceivedCall, at now: Timestamp) -> Frame? {
        let time = now.adding(milliseconds: clockSkew)
        func result<R: OCPPResponse>(_ response: R) -> Frame { try! Frame.result(call.messageId, response) }
        switch call.action {
        case .bootNotification:
            return result(BootNotificationResponse(status: bootStatus, currentTime: time, interval: bootInterval))
        case .heartbeat:
            return result(HeartbeatResponse(currentTime: time))
        case .statusNotification:
            return result(StatusNotificationResponse())
        case .authorize:
            let idTag = call.payload["idTag"]?.stringValue ?? ""
            return result(AuthorizeResponse(idTagInfo: info(for: idTag)))
        case .startTransaction:
            let idTag = call.payload["idTag"]?.stringValue ?? ""
            defer { nextTransactionId += 1 }
            return result(StartTransactionResponse(idTagInfo: info(for: idTag), transactionId: nextTransactionId))
        case .stopTransaction:
            return result(StopTransactionResponse(idTagInfo: call.payload["idTag"]?.stringValue.map { info(for: $0) }))
        case .meterValues:
            return result(MeterValuesResponse())
        case .dataTransfer:
            return result(DataTransferResponse(status: .accepted, data: "pong"))
        case .diagnosticsStatusNotification:
            return result(DiagnosticsStatusNotificationResponse())
        case .firmwareStatusNotification:
            return result(FirmwareStatusNotificationResponse())
        case .securityEventNotification:
            return result(SecurityEventNotificationResponse())
        case .logStatusNotification:
            return result(LogStatusNotificationResponse())
        case .signedFirmwareStatusNotification:
            return result(SignedFirmwareStatusNotificationResponse())
        case .signCertificate:
            return result(SignCertificateResponse(status: .accepted))
        default:
            return nil
        }
    }
}
