/// ChangeConfiguration (OCPP 1.6 §5.3; messages §6.9 and §6.10).

/// The ChangeConfiguration.req payload.
public struct ChangeConfigurationRequest: OCPPRequest {
    public var key: CiString50
    public var value: CiString500

    public init(key: CiString50, value: CiString500) {
        self.key = key
        self.value = value
    }
}

extension ChangeConfigurationRequest {
    public typealias Response = ChangeConfigurationResponse
    public static let action = Action.changeConfiguration
}

/// The ChangeConfiguration.conf payload.
public struct ChangeConfigurationResponse: OCPPResponse {
    public var status: ConfigurationStatus

    public init(status: ConfigurationStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.22: the answer to ChangeConfiguration.
public enum ConfigurationStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
    case rebootRequired = "RebootRequired"
    case notSupported = "NotSupported"
}
