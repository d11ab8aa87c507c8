/// RemoteStartTransaction (OCPP 1.6 §5.11; messages §6.33 and §6.34).

/// The RemoteStartTransaction.req payload.
public struct RemoteStartTransactionRequest: OCPPRequest {
    public var connectorId: Int?
    public var idTag: CiString20
    public var chargingProfile: ChargingProfile?

    public init(connectorId: Int? = nil, idTag: CiString20, chargingProfile: ChargingProfile? = nil) {
        self.connectorId = connectorId
        self.idTag = idTag
        self.chargingProfile = chargingProfile
    }
}

extension RemoteStartTransactionRequest {
    public typealias Response = RemoteStartTransactionResponse
    public static let action = Action.remoteStartTransaction
}

/// The RemoteStartTransaction.conf payload.
public struct RemoteStartTransactionResponse: OCPPResponse {
    public var status: RemoteStartStopStatus

    public init(status: RemoteStartStopStatus) {
        self.status = status
    }
}
