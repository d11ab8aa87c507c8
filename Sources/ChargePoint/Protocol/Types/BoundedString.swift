/// The maximum length of a `BoundedString`, as a type so that it is checked by the
/// compiler wherever the string is used.
public protocol StringLengthBound: Sendable {
    static var maximumLength: Int { get }
}

/// A string with a maximum length: the CiString20/25/50/255/500 types of OCPP 1.6 §7.15
/// to §7.19, and the longer limits of the security extension.
///
/// Creating one from a longer string fails, so an over-long value can neither be sent
/// nor accepted: decoding reports PropertyConstraintViolation (OCPP-J 1.6 §4.2.3).
/// Length is counted in Unicode scalars, which is what JSON schema's `maxLength` counts
/// for every character OCPP identifiers use.
///
/// `==` and hashing are exact (they compare what is carried, e.g. in tests of the wire
/// format); the "Ci" rule of the specification (case-insensitive) applies wherever the
/// station compares identifiers, through `equalsIgnoringCase` and `folded`
/// (`CaseInsensitive`).
public struct BoundedString<Bound: StringLengthBound>: Sendable, Hashable, Comparable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let value: String

    public init?(_ value: String) {
        guard value.unicodeScalars.count <= Bound.maximumLength else { return nil }
        self.value = value
    }

    /// For literals written in source; a literal over the bound is a programming error.
    public init(stringLiteral value: String) {
        precondition(value.unicodeScalars.count <= Bound.maximumLength, "literal longer than \(Bound.maximumLength)")
        self.value = value
    }

    /// Keeps the first `maximumLength` characters; for text the station composes itself
    /// (vendor error info, diagnostics messages) where cutting is better than failing.
    public init(truncating value: String) {
        if value.unicodeScalars.count <= Bound.maximumLength {
            self.value = value
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: value.unicodeScalars.prefix(Bound.maximumLength))
            self.value = String(scalars)
        }
    }

    public init(from decoder: any Decoder) throws {
        let string = try decoder.singleValueContainer().decode(String.self)
        guard string.unicodeScalars.count <= Bound.maximumLength else {
            throw ValueConstraintError(
                "\(string.unicodeScalars.count) characters, longer than the \(Bound.maximumLength) allowed")
        }
        value = string
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public static var maximumLength: Int { Bound.maximumLength }

    /// The "Ci" comparison of OCPP 1.6 §7.15–§7.19: case-insensitive.
    public func equalsIgnoringCase(_ other: Self) -> Bool {
        CaseInsensitive.equal(value, other.value)
    }

    /// The key of this identifier in a dictionary of CiStrings (OCPP 1.6 §7.15–§7.19).
    public var folded: String { CaseInsensitive.fold(value) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    public var description: String { value }
}

public enum Length20: StringLengthBound { public static let maximumLength = 20 }
public enum Length25: StringLengthBound { public static let maximumLength = 25 }
public enum Length36: StringLengthBound { public static let maximumLength = 36 }
public enum Length40: StringLengthBound { public static let maximumLength = 40 }
public enum Length50: StringLengthBound { public static let maximumLength = 50 }
public enum Length128: StringLengthBound { public static let maximumLength = 128 }
public enum Length255: StringLengthBound { public static let maximumLength = 255 }
public enum Length500: StringLengthBound { public static let maximumLength = 500 }
public enum Length512: StringLengthBound { public static let maximumLength = 512 }
public enum Length800: StringLengthBound { public static let maximumLength = 800 }
public enum Length10000: StringLengthBound { public static let maximumLength = 10000 }
public enum Length5500: StringLengthBound { public static let maximumLength = 5500 }

/// OCPP 1.6 §7.15: CiString20Type.
public typealias CiString20 = BoundedString<Length20>
/// OCPP 1.6 §7.16: CiString25Type.
public typealias CiString25 = BoundedString<Length25>
/// OCPP 1.6 §7.17: CiString50Type.
public typealias CiString50 = BoundedString<Length50>
/// OCPP 1.6 §7.18: CiString255Type.
public typealias CiString255 = BoundedString<Length255>
/// OCPP 1.6 §7.19: CiString500Type.
public typealias CiString500 = BoundedString<Length500>
/// OCPP 1.6 §7.28: an IdToken is a CiString20.
public typealias IdToken = CiString20
