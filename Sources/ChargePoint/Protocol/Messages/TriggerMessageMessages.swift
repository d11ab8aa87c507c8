/// TriggerMessage (OCPP 1.6 §5.17; messages §6.51 and §6.52).

/// The TriggerMessage.req payload.
public struct TriggerMessageRequest: OCPPRequest {
    public var requestedMessage: MessageTrigger
    public var connectorId: Int?

    public init(requestedMessage: MessageTrigger, connectorId: Int? = nil) {
        self.requestedMessage = requestedMessage
        self.connectorId = connectorId
    }
}

extension TriggerMessageRequest {
    public typealias Response = TriggerMessageResponse
    public static let action = Action.triggerMessage
}

/// The TriggerMessage.conf payload.
public struct TriggerMessageResponse: OCPPResponse {
    public var status: TriggerMessageStatus

    public init(status: TriggerMessageStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.32: the messages TriggerMessage can request.
public enum MessageTrigger: String, OCPPEnumeration {
    case bootNotification = "BootNotification"
    case diagnosticsStatusNotification = "DiagnosticsStatusNotification"
    case firmwareStatusNotification = "FirmwareStatusNotification"
    case heartbeat = "Heartbeat"
    case meterValues = "MeterValues"
    case statusNotification = "StatusNotification"
}
