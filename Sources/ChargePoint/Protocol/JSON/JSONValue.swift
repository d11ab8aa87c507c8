/// A JSON document as OCPP-J carries it.
///
/// Why not `JSONSerialization` or `JSONDecoder`: OCPP-J needs to tell an integer from a
/// decimal exactly as the JSON schemas do (draft-04 counts `1.0` as a number, not an
/// integer), to keep the order of object members so that frames read the same in the
/// log as on the wire, and to turn every malformed payload into the precise CALLERROR
/// code (OCPP-J 1.6 §4.2.3) rather than a generic decoding failure.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name used in error messages ("string", "integer", …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The value of an integer literal, when it is one and fits in `Int`.
    public var intValue: Int? {
        if case .number(let number) = self { return number.intValue }
        return nil
    }

    /// Member lookup for objects; `nil` for anything else.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

/// A JSON number kept as its literal text, so that `10`, `10.0` and `1e1` stay distinct
/// (draft-04 "integer" accepts only the first) and nothing is lost by a round trip.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal exactly as written (already checked against the JSON grammar).
    public let literal: String

    /// Trusts the caller that `literal` follows the JSON number grammar; the parser and
    /// the initialisers below are the only producers.
    init(validatedLiteral: String) {
        literal = validatedLiteral
    }

    public init(_ value: Int) {
        literal = String(value)
    }

    /// `nil` for NaN and the infinities, which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        // Swift prints the shortest text that reads back to the same Double, and always
        // in a form JSON accepts ("7.5", "1e-07", "1e+16").
        literal = "\(value)"
    }

    /// True when the literal has neither a fraction nor an exponent (draft-04 "integer").
    public var isInteger: Bool {
        !literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// The value when the literal is an integer that fits in `Int`.
    public var intValue: Int? {
        isInteger ? Int(literal) : nil
    }

    public var doubleValue: Double {
        Double(literal) ?? .nan
    }

    public var description: String { literal }
}

/// A JSON object that keeps its members in the order they were written or added.
public struct JSONObject: Sendable, Hashable, Sequence {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        members = pairs.map { Member(key: $0.key, value: $0.value) }
    }

    /// Objects in OCPP payloads have at most a dozen members: a linear scan beats hashing.
    public subscript(key: String) -> JSONValue? {
        get { members.first(where: { $0.key == key })?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public func makeIterator() -> IndexingIterator<[Member]> {
        members.makeIterator()
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = JSONNumber(value).map(JSONValue.number) ?? .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
}
