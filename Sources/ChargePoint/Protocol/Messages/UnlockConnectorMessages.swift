/// UnlockConnector (OCPP 1.6 §5.18; messages §6.53 and §6.54).

/// The UnlockConnector.req payload.
public struct UnlockConnectorRequest: OCPPRequest {
    public var connectorId: Int

    public init(connectorId: Int) {
        self.connectorId = connectorId
    }
}

extension UnlockConnectorRequest {
    public typealias Response = UnlockConnectorResponse
    public static let action = Action.unlockConnector
}

/// The UnlockConnector.conf payload.
public struct UnlockConnectorResponse: OCPPResponse {
    public var status: UnlockStatus

    public init(status: UnlockStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.46.
public enum UnlockStatus: String, OCPPEnumeration {
    case unlocked = "Unlocked"
    case unlockFailed = "UnlockFailed"
    case notSupported = "NotSupported"
}
