/// ExtendedTriggerMessage (OCPP 1.6 security whitepaper edition 3, use case A02/A03; messages §5.5 and §5.6).

/// The ExtendedTriggerMessage.req payload.
public struct ExtendedTriggerMessageRequest: OCPPRequest {
    public var requestedMessage: ExtendedMessageTrigger
    public var connectorId: Int?

    public init(requestedMessage: ExtendedMessageTrigger, connectorId: Int? = nil) {
        self.requestedMessage = requestedMessage
        self.connectorId = connectorId
    }
}

extension ExtendedTriggerMessageRequest {
    public typealias Response = ExtendedTriggerMessageResponse
    public static let action = Action.extendedTriggerMessage
}

/// The ExtendedTriggerMessage.conf payload.
public struct ExtendedTriggerMessageResponse: OCPPResponse {
    public var status: TriggerMessageStatus

    public init(status: TriggerMessageStatus) {
        self.status = status
    }
}

/// Security whitepaper §6.16 (MessageTriggerEnumType): the messages ExtendedTriggerMessage can request.
public enum ExtendedMessageTrigger: String, OCPPEnumeration {
    case bootNotification = "BootNotification"
    case logStatusNotification = "LogStatusNotification"
    case firmwareStatusNotification = "FirmwareStatusNotification"
    case heartbeat = "Heartbeat"
    case meterValues = "MeterValues"
    case signChargePointCertificate = "SignChargePointCertificate"
    case statusNotification = "StatusNotification"
}
