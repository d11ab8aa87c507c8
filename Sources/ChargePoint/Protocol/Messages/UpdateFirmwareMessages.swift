/// UpdateFirmware (OCPP 1.6 §5.19; messages §6.55 and §6.56).

/// The UpdateFirmware.req payload.
public struct UpdateFirmwareRequest: OCPPRequest {
    public var location: String
    public var retries: Int?
    public var retrieveDate: Timestamp
    public var retryInterval: Int?

    public init(location: String, retries: Int? = nil, retrieveDate: Timestamp, retryInterval: Int? = nil) {
        self.location = location
        self.retries = retries
        self.retrieveDate = retrieveDate
        self.retryInterval = retryInterval
    }
}

extension UpdateFirmwareRequest {
    public typealias Response = UpdateFirmwareResponse
    public static let action = Action.updateFirmware
}

/// The UpdateFirmware.conf payload.
public struct UpdateFirmwareResponse: OCPPResponse {
    public init() {
    }
}
