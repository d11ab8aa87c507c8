/// Why a payload does not fit its message type, expressed as the CALLERROR code the
/// station must send back (OCPP-J 1.6 §4.2.3) and a human-readable detail.
///
/// | what is wrong                                  | code                          |
/// |------------------------------------------------|-------------------------------|
/// | the payload is not an object, unknown member   | FormationViolation            |
/// | required member missing, array below minItems  | OccurenceConstraintViolation  |
/// | wrong JSON type (incl. `null`, `1.5` for int)  | TypeConstraintViolation       |
/// | value outside enum, too long, bad date-time,   | PropertyConstraintViolation   |
/// | integer out of range, a rule of the message    |                               |
public struct PayloadViolation: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: RPCErrorCode
    /// Where in the payload, as `meterValue[0].sampledValue[1].unit`; empty for the root.
    public let path: String
    public let reason: String

    public init(_ code: RPCErrorCode, path: String = "", _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let position = key.intValue {
                text += "[\(position)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }
}

/// Thrown by value types (bounded strings, timestamps, message rules) from inside
/// `init(from:)`; the payload decoder attaches the path where it happened.
public struct ValueConstraintError: Error, Sendable {
    public let code: RPCErrorCode
    public let reason: String

    public init(_ code: RPCErrorCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A value outside what the field allows: PropertyConstraintViolation.
    public init(_ reason: String) {
        self.init(.propertyConstraintViolation, reason)
    }
}
