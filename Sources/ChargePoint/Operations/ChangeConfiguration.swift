/// ChangeConfiguration (OCPP 1.6 §5.3, §3.16.4, OCPP-J §6.2.2, security whitepaper A01,
/// §7.6): NotSupported for a key the station does not have, Rejected for a read-only
/// key or a value out of range or of the wrong form (including a measurand the meters
/// cannot measure), otherwise Accepted and in effect at once. The console's
/// configuration editor and `config set` go through the same function.
extension StationCore {
    mutating func changeConfiguration(_ request: ChangeConfigurationRequest) -> ChangeConfigurationResponse {
        let (status, reason) = changeConfiguration(request.key.value, to: request.value.value)
        let name = Self.displayName(ofKey: request.key.value)
        let shown = SecretMasking.displayValue(request.value.value, forKey: name)
        if let reason {
            notice("ChangeConfiguration \(name) = \(shown): \(status.rawValue) (\(reason))")
        } else {
            notice("ChangeConfiguration \(name) = \(shown): \(status.rawValue)")
        }
        return ChangeConfigurationResponse(status: status)
    }

    /// A key name as the operator is shown it: the canonical spelling of a known key
    /// (the name is a CiString50, OCPP 1.6 §6.9, §7.17), else the name as given.
    static func displayName(ofKey name: String) -> String {
        StandardKey(name: name)?.rawValue ?? name
    }

    /// Applies a change from the central system or the operator, to the key `name`
    /// spells in any case (OCPP 1.6 §7.17); nil reason when accepted.
    mutating func changeConfiguration(_ name: String, to value: String) -> (ConfigurationStatus, String?) {
        switch config.check(name, value: value) {
        case .notSupported:
            return (.notSupported, "the station has no key \(name)")
        case .rejected(let reason):
            return (.rejected, reason)
        case .accepted(let normalized), .rebootRequired(let normalized):
            guard let key = StandardKey(name: name) else { return (.notSupported, nil) }
            if key == .securityProfile, let problem = securityProfileChangeProblem(Int(normalized) ?? 0) {
                return (.rejected, problem)
            }
            if key == .authorizationKey, normalized.isEmpty {
                // A00.FR.205: a key is at least 16 bytes; none at all would drop the
                // link's credentials below its security profile (A05).
                return (.rejected, "AuthorizationKey cannot be emptied")
            }
            let previousProfile = securityProfile
            setConfiguration(key, normalized)
            if key == .securityProfile {
                beginSecurityProfileUpgrade(from: previousProfile, to: Int(normalized) ?? previousProfile)
            }
            applyConfigurationEffect(key)
            return (key.definition.rebootRequired ? .rebootRequired : .accepted, nil)
        }
    }

    mutating func setConfiguration(_ key: StandardKey, _ value: String) {
        persist(configuration.set(key, value))
    }

    /// Keys whose new value changes what the station is doing right now.
    private mutating func applyConfigurationEffect(_ key: StandardKey) {
        switch key {
        case .heartbeatInterval:
            rescheduleHeartbeat()
        case .meterValueSampleInterval:
            for index in connectors.indices { scheduleSampling(index) }
        case .clockAlignedDataInterval:
            scheduleClockAlignedSample()
        case .authorizationKey where securityProfile == 0:
            // A05: a key is the prerequisite of profile 1 (A05.FR.02), not a profile
            // change; it is kept, and used once SecurityProfile is raised.
            securityEvent(.reconfigurationOfSecurityParameters, "\(key.rawValue) changed")
            notice("AuthorizationKey stored: it is the password once SecurityProfile is raised to 1 or 2 (now 0)")
        case .authorizationKey, .securityProfile:
            securityEvent(.reconfigurationOfSecurityParameters, "\(key.rawValue) changed")
            // Whitepaper A01: reconnect with the new credentials (after answering).
            restartLink(reason: "new \(key == .authorizationKey ? "credentials" : "security profile")")
        default:
            // WebSocketPingInterval among them: the link takes it at its next connection.
            break
        }
    }

    /// The HTTP Basic auth password, when security profile 1 or 2 uses one.
    public var authorizationKey: String? {
        guard let value = config.value(.authorizationKey), !value.isEmpty else { return nil }
        return value
    }

    public var securityProfile: Int { config.int(.securityProfile) ?? 0 }
}
