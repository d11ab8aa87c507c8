/// How a configuration key is defined by the specification: its profile, type,
/// accessibility and whether a station supporting that profile must have it.
public struct ConfigurationKeyDefinition: Sendable {
    public enum Access: String, Sendable, Equatable {
        case readOnly = "R"
        case readWrite = "RW"
        /// Written by the central system, never read back (AuthorizationKey).
        case writeOnly = "W"
    }

    /// The value's type and its bounds; `ConfigurationValidator` checks values
    /// against it.
    public enum ValueType: Sendable, Equatable {
        case boolean
        case integer(ClosedRange<Int>)
        /// A comma-separated list (CSL) of items of a kind, the length bounded by the
        /// value of another key when the station has it (OCPP 1.6 §5.3).
        case list(ListItem, maxLengthKey: StandardKey?)
        case string(minLength: Int, maxLength: Int)
        /// Bytes written as hexadecimal digits, two per byte (security whitepaper
        /// A00.FR.205: the AuthorizationKey, 16 to 20 bytes).
        case hexBinary(bytes: ClosedRange<Int>)
    }

    public enum ListItem: Sendable, Equatable {
        case measurand, featureProfile, phaseRotation, chargingRateUnit, fileTransferProtocol
    }

    public let key: StandardKey
    public let profile: FeatureProfile
    public let type: ValueType
    public let access: Access
    /// Required for a station supporting `profile` (OCPP 1.6 §9 "Required/optional").
    public let required: Bool
    /// The specification allows R or RW; a profile may make it read-only.
    public let accessIsImplementationChoice: Bool
    /// The change only takes effect after a reboot (ChangeConfiguration RebootRequired).
    public let rebootRequired: Bool
    /// Used when a profile does not give the required key a value.
    public let defaultValue: String
    /// One line for the configuration editor.
    public let summary: String
}
