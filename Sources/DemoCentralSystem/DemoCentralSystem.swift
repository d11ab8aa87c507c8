import ChargePoint
import ChargePointRuntime
/// The small central system that `--demo` starts (DESIGN.md "--demo"): it accepts every
/// boot, authorizes the demo cards as `Assets/cards.toml` says (anything else is
/// Invalid), numbers transactions, answers every station-initiated message correctly,
/// and can remote-start and remote-stop on request (the trade-show loop).
///
/// Like the station core it does no I/O: it takes text and returns text, and
/// `DemoServer` carries it over libwebsockets.
public struct DemoCentralSystem: Sendable {
    public let cards: [DemoCard]
    public var heartbeatInterval = 300
    private var nextTransactionId = 1
    private var nextCallId = 1
    /// Transactions running per station, by transactionId: connector.
    public private(set) var running: [String: [Int: Int]] = [:]

    public init(cards: [DemoCard]) {
        self.cards = cards
    }

    func card(_ idTag: String) -> IdTagInfo {
        cards.first { CaseInsensitive.equal($0.idTag.value, idTag) }?.idTagInfo ?? IdTagInfo(status: .invalid)
    }

    /// The answer to one message from `station`, if it needs one.
    public mutating func receive(_ text: String, from station: String, at now: Timestamp) -> String? {
        switch Frame.parse(text) {
        case .failure(.reply(let error)): return Frame.callError(error).text
        case .failure(.drop): return nil
        case .success(.callResult), .success(.callError): return nil
        case .success(.call(let call)):
            switch call.decodeRequest() {
            case .failure(let error): return Frame.callError(error).text
            case .success(let request): return answer(call.messageId, request, station: station, at: now)
            }
        }
    }

    private mutating func answer(_ id: String, _ request: any OCPPRequest, station: String, at now: Timestamp)
        -> String?
    {
        func result<R: OCPPResponse>(_ response: R) -> String? { try? Frame.result(id, response).text }
        switch request {
        case is BootNotificationRequest:
            return result(BootNotificationResponse(status: .accepted, currentTime: now, interval: heartbeatInterval))
        case is HeartbeatRequest:
            return result(HeartbeatResponse(currentTime: now))
        case is StatusNotificationRequest:
            return result(StatusNotificationResponse())
        case let request as AuthorizeRequest:
            return result(AuthorizeResponse(idTagInfo: card(request.idTag.value)))
        case let request as StartTransactionRequest:
            let transactionId = nextTransactionId
            nextTransactionId += 1
            let info = card(request.idTag.value)
            if info.status == .accepted { running[station, default: [:]][transactionId] = request.connectorId }
            return result(StartTransactionResponse(idTagInfo: info, transactionId: transactionId))
        case let request as StopTransactionRequest:
            running[station]?[request.transactionId] = nil
            return result(StopTransactionResponse(idTagInfo: request.idTag.map { card($0.value) }))
        case is MeterValuesRequest:
            return result(MeterValuesResponse())
        case is DataTransferRequest:
            return result(DataTransferResponse(status: .unknownVendorId))
        case is DiagnosticsStatusNotificationRequest:
            return result(DiagnosticsStatusNotificationResponse())
        case is FirmwareStatusNotificationRequest:
            return result(FirmwareStatusNotificationResponse())
        case is SecurityEventNotificationRequest:
            return result(SecurityEventNotificationResponse())
        case is LogStatusNotificationRequest:
            return result(LogStatusNotificationResponse())
        case is SignedFirmwareStatusNotificationRequest:
            return result(SignedFirmwareStatusNotificationResponse())
        case is SignCertificateRequest:
            return result(SignCertificateResponse(status: .accepted))
        default:
            let action = type(of: request).action
            return Frame.callError(
                Frame.CallError(
                    messageId: id, code: .notSupported, description: "a central system does not accept \(action).req")
            ).text
        }
    }

    // MARK: Calls of the central system (the trade-show loop)

    /// A RemoteStartTransaction for the first valid demo card.
    public mutating func remoteStart(connector: Int) -> String? {
        guard let card = cards.first(where: { $0.status == .accepted && $0.parentIdTag == nil }) else { return nil }
        return call(RemoteStartTransactionRequest(connectorId: connector, idTag: card.idTag))
    }

    /// A RemoteStopTransaction for the transaction running on `connector`, if any.
    public mutating func remoteStop(station: String, connector: Int) -> String? {
        guard let transaction = running[station]?.first(where: { $0.value == connector })?.key else { return nil }
        return call(RemoteStopTransactionRequest(transactionId: transaction))
    }

    private mutating func call<R: OCPPRequest>(_ request: R) -> String? {
        defer { nextCallId += 1 }
        return try? Frame.call("cs-\(nextCallId)", request).text
    }
}
