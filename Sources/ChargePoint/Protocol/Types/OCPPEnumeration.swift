/// A string enumeration of OCPP 1.6 (chapter 7) or of the security extension.
///
/// Decoding a value outside the list throws PropertyConstraintViolation naming the
/// allowed values, as OCPP 1.6 errata §3.x requires for enumerations ("If an invalid
/// value is used for an enumeration … the Charge Point SHALL respond with CALLERROR:
/// PropertyConstraintViolation"). Values are case-sensitive, as in the schemas.
public protocol OCPPEnumeration: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable,
    CustomStringConvertible
{}

extension OCPPEnumeration {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValueConstraintError("'\(text)' is not one of \(allowed)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
