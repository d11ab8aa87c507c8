/// The error codes of a CALLERROR (OCPP-J 1.6 §4.2.3).
///
/// A struct over the raw string rather than an enum, so that a CALLERROR from a central
/// system using a code outside the list (a 2.0 "FormatViolation", say) is kept as it came
/// and shown to the operator, instead of failing to decode.
///
/// Spelling: OCPP-J 1.6 errata §5.1 and §5.2 list "OccurenceConstraintViolation" and
/// "FormationViolation" as known typos that will *not* be fixed, because changing wire
/// values would break implementations. This station therefore sends exactly those
/// spellings, as every 1.6 central system (and the OCTT) expects.
public struct RPCErrorCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Requested Action is not known by receiver.
    public static let notImplemented = RPCErrorCode(rawValue: "NotImplemented")
    /// Requested Action is recognized but not supported by the receiver.
    public static let notSupported = RPCErrorCode(rawValue: "NotSupported")
    /// An internal error occurred and the receiver could not process the Action.
    public static let internalError = RPCErrorCode(rawValue: "InternalError")
    /// Payload for Action is incomplete.
    public static let protocolError = RPCErrorCode(rawValue: "ProtocolError")
    /// A security issue prevented the receiver from completing the Action.
    public static let securityError = RPCErrorCode(rawValue: "SecurityError")
    /// Payload is syntactically incorrect or does not conform to the PDU structure.
    public static let formationViolation = RPCErrorCode(rawValue: "FormationViolation")
    /// Payload is syntactically correct but at least one field has an invalid value.
    public static let propertyConstraintViolation = RPCErrorCode(rawValue: "PropertyConstraintViolation")
    /// At least one field violates occurrence constraints (missing, or too few items).
    public static let occurenceConstraintViolation = RPCErrorCode(rawValue: "OccurenceConstraintViolation")
    /// At least one field violates data type constraints (e.g. "somestring": 12).
    public static let typeConstraintViolation = RPCErrorCode(rawValue: "TypeConstraintViolation")
    /// Any other error.
    public static let genericError = RPCErrorCode(rawValue: "GenericError")

    /// Every code OCPP-J 1.6 defines, in the order of its table.
    public static let allDefined: [RPCErrorCode] = [
        .notImplemented, .notSupported, .internalError, .protocolError, .securityError, .formationViolation,
        .propertyConstraintViolation, .occurenceConstraintViolation, .typeConstraintViolation, .genericError,
    ]

    public var isDefined: Bool { Self.allDefined.contains(self) }

    public var description: String { rawValue }
}
