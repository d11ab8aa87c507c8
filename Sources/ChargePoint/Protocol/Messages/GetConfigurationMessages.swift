/// GetConfiguration (OCPP 1.6 §5.8; messages §6.23 and §6.24).

/// The GetConfiguration.req payload.
public struct GetConfigurationRequest: OCPPRequest {
    public var key: [CiString50]?

    public init(key: [CiString50]? = nil) {
        self.key = key
    }
}

extension GetConfigurationRequest {
    public typealias Response = GetConfigurationResponse
    public static let action = Action.getConfiguration
}

/// The GetConfiguration.conf payload.
public struct GetConfigurationResponse: OCPPResponse {
    public var configurationKey: [KeyValue]?
    public var unknownKey: [CiString50]?

    public init(configurationKey: [KeyValue]? = nil, unknownKey: [CiString50]? = nil) {
        self.configurationKey = configurationKey
        self.unknownKey = unknownKey
    }
}

/// OCPP 1.6 §7.29: one configuration key in GetConfiguration.conf.
public struct KeyValue: Codable, Sendable, Hashable {
    public var key: CiString50
    public var readonly: Bool
    public var value: CiString500?

    public init(key: CiString50, readonly: Bool, value: CiString500? = nil) {
        self.key = key
        self.readonly = readonly
        self.value = value
    }
}
