/// Decodes OCPP payload types from `JSONValue`, reporting every mismatch as the
/// CALLERROR code the station must answer with (see `PayloadViolation`).
///
/// The message types are plain `Codable` structs; their synthesized `init(from:)`
/// drives this decoder. Beyond what `JSONDecoder` offers it:
/// - treats `null` as a wrong type, not as an absent member (draft-04 semantics);
/// - accepts only integer literals for `Int` (`1.0` is a TypeConstraintViolation);
/// - rejects members the type does not declare (`additionalProperties: false` in every
///   OCPP 1.6 schema) with FormationViolation, once the whole payload has been read.
public enum PayloadDecoder {
    /// Decodes a whole payload: the root must be an object (every OCPP 1.6 payload is).
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(PayloadViolation) -> T {
        guard case .object(let root) = value else {
            throw PayloadViolation(.formationViolation, "the payload must be an object, found \(value.typeName)")
        }
        let state = DecodingState()
        let decoded: T = try decodeValue(type, from: value, codingPath: [], state: state)
        // A payload type without members may never open a container; its root must
        // then be empty, or it carries members the message does not define.
        if !state.openedRoot, let unknown = root.keys.first {
            throw PayloadViolation(.formationViolation, path: unknown, "member not defined for this message")
        }
        try state.checkUnknownMembers()
        return decoded
    }

    static func decodeValue<T: Decodable>(
        _ type: T.Type, from value: JSONValue, codingPath: [any CodingKey], state: DecodingState
    ) throws(PayloadViolation) -> T {
        do {
            return try T(from: ValueDecoder(value: value, codingPath: codingPath, state: state))
        } catch let violation as PayloadViolation {
            throw violation
        } catch let constraint as ValueConstraintError {
            throw PayloadViolation(constraint.code, path: PayloadViolation.path(codingPath), constraint.reason)
        } catch let error as DecodingError {
            throw PayloadViolation(decodingError: error, codingPath: codingPath)
        } catch {
            throw PayloadViolation(.formationViolation, path: PayloadViolation.path(codingPath), "\(error)")
        }
    }
}

extension PayloadViolation {
    /// Maps errors thrown by standard-library conformances (e.g. `RawRepresentable`).
    init(decodingError: DecodingError, codingPath: [any CodingKey]) {
        switch decodingError {
        case .typeMismatch(_, let context):
            self.init(.typeConstraintViolation, path: Self.path(context.codingPath), context.debugDescription)
        case .valueNotFound(_, let context):
            self.init(.typeConstraintViolation, path: Self.path(context.codingPath), context.debugDescription)
        case .keyNotFound(let key, let context):
            self.init(
                .occurenceConstraintViolation, path: Self.path(context.codingPath + [key]), "required member missing")
        case .dataCorrupted(let context):
            self.init(.propertyConstraintViolation, path: Self.path(context.codingPath), context.debugDescription)
        @unknown default:
            self.init(.formationViolation, path: Self.path(codingPath), "\(decodingError)")
        }
    }
}

/// Shared by every container of one decode: records which members each object had
/// read, so that unknown members can be reported after the fact.
final class DecodingState {
    final class ObjectUsage {
        let object: JSONObject
        let codingPath: [any CodingKey]
        var readKeys: Set<String> = []

        init(object: JSONObject, codingPath: [any CodingKey]) {
            self.object = object
            self.codingPath = codingPath
        }
    }

    private var objects: [ObjectUsage] = []
    private(set) var openedRoot = false

    func track(_ object: JSONObject, at codingPath: [any CodingKey]) -> ObjectUsage {
        if codingPath.isEmpty { openedRoot = true }
        let usage = ObjectUsage(object: object, codingPath: codingPath)
        objects.append(usage)
        return usage
    }

    func checkUnknownMembers() throws(PayloadViolation) {
        for usage in objects {
            if let unknown = usage.object.keys.first(where: { !usage.readKeys.contains($0) }) {
                throw PayloadViolation(
                    .formationViolation, path: PayloadViolation.path(usage.codingPath + [PayloadKey(unknown)]),
                    "member not defined for this message")
            }
        }
    }
}

/// A coding key for object members and array positions in error paths.
struct PayloadKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(index: Int) {
        stringValue = "\(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

private struct ValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let state: DecodingState
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw PayloadViolation(
                codingPath.isEmpty ? .formationViolation : .typeConstraintViolation,
                path: PayloadViolation.path(codingPath), "expected an object, found \(value.typeName)")
        }
        let usage = state.track(object, at: codingPath)
        return KeyedDecodingContainer(
            ObjectContainer<Key>(object: object, usage: usage, codingPath: codingPath, state: state))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw PayloadViolation(
                .typeConstraintViolation, path: PayloadViolation.path(codingPath),
                "expected an array, found \(value.typeName)")
        }
        return ArrayContainer(elements: elements, codingPath: codingPath, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ScalarContainer(value: value, codingPath: codingPath, state: state)
    }
}

/// Conversions shared by the three container kinds.
private enum Scalar {
    static func typeMismatch(_ expected: String, _ value: JSONValue, _ codingPath: [any CodingKey]) -> PayloadViolation
    {
        PayloadViolation(
            .typeConstraintViolation, path: PayloadViolation.path(codingPath),
            "expected \(expected), found \(value.typeName)")
    }

    static func bool(_ value: JSONValue, _ codingPath: [any CodingKey]) throws(PayloadViolation) -> Bool {
        guard case .bool(let flag) = value else { throw typeMismatch("a boolean", value, codingPath) }
        return flag
    }

    static func string(_ value: JSONValue, _ codingPath: [any CodingKey]) throws(PayloadViolation) -> String {
        guard case .string(let string) = value else { throw typeMismatch("a string", value, codingPath) }
        return string
    }

    static func integer<T: FixedWidthInteger>(_ value: JSONValue, _ codingPath: [any CodingKey])
        throws(PayloadViolation)
        -> T
    {
        guard case .number(let number) = value, number.isInteger else {
            throw typeMismatch("an integer", value, codingPath)
        }
        guard let integer = T(number.literal) else {
            throw PayloadViolation(
                .propertyConstraintViolation, path: PayloadViolation.path(codingPath),
                "\(number.literal) is out of range")
        }
        return integer
    }

    static func floating<T: LosslessStringConvertible>(_ value: JSONValue, _ codingPath: [any CodingKey])
        throws(PayloadViolation) -> T
    {
        guard case .number(let number) = value, let floating = T(number.literal) else {
            throw typeMismatch("a number", value, codingPath)
        }
        return floating
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let usage: DecodingState.ObjectUsage
    let codingPath: [any CodingKey]
    let state: DecodingState

    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool {
        usage.readKeys.insert(key.stringValue)
        return object[key.stringValue] != nil
    }

    private func member(_ key: Key) throws(PayloadViolation) -> JSONValue {
        usage.readKeys.insert(key.stringValue)
        guard let value = object[key.stringValue] else {
            throw PayloadViolation(
                .occurenceConstraintViolation, path: PayloadViolation.path(codingPath + [key]),
                "required member missing")
        }
        return value
    }

    private func optionalMember(_ key: Key) -> JSONValue? {
        usage.readKeys.insert(key.stringValue)
        return object[key.stringValue]
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try Scalar.bool(member(key), codingPath + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try Scalar.string(member(key), codingPath + [key])
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try Scalar.floating(member(key), codingPath + [key])
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try Scalar.floating(member(key), codingPath + [key])
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try Scalar.integer(member(key), codingPath + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try Scalar.integer(member(key), codingPath + [key])
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try PayloadDecoder.decodeValue(type, from: member(key), codingPath: codingPath + [key], state: state)
    }

    // Optional members: absent means nil, but an explicit `null` is a type violation,
    // because no OCPP 1.6 schema allows null anywhere.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try optionalMember(key).map { value throws(PayloadViolation) in try Scalar.bool(value, codingPath + [key]) }
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try optionalMember(key).map { value throws(PayloadViolation) in try Scalar.string(value, codingPath + [key]) }
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try optionalMember(key).map { value throws(PayloadViolation) in try Scalar.floating(value, codingPath + [key]) }
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try optionalMember(key).map { value throws(PayloadViolation) in try Scalar.integer(value, codingPath + [key]) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = optionalMember(key) else { return nil }
        return try PayloadDecoder.decodeValue(type, from: value, codingPath: codingPath + [key], state: state)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try ValueDecoder(value: member(key), codingPath: codingPath + [key], state: state).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: member(key), codingPath: codingPath + [key], state: state).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: .object(object), codingPath: codingPath, state: state)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try ValueDecoder(value: member(key), codingPath: codingPath + [key], state: state)
    }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let state: DecodingState
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], state: DecodingState) {
        self.elements = elements
        self.codingPath = codingPath
        self.state = state
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws(PayloadViolation) -> (JSONValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw PayloadViolation(
                .occurenceConstraintViolation, path: PayloadViolation.path(codingPath), "too few elements")
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], codingPath + [PayloadKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { let (v, p) = try next(); return try Scalar.bool(v, p) }
    mutating func decode(_ type: String.Type) throws -> String {
        let (v, p) = try next(); return try Scalar.string(v, p)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (v, p) = try next(); return try Scalar.floating(v, p)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (v, p) = try next(); return try Scalar.floating(v, p)
    }
    mutating func decode(_ type: Int.Type) throws -> Int { let (v, p) = try next(); return try Scalar.integer(v, p) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { let (v, p) = try next(); return try Scalar.integer(v, p) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt { let (v, p) = try next(); return try Scalar.integer(v, p) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let (v, p) = try next(); return try Scalar.integer(v, p)
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next()
        return try PayloadDecoder.decodeValue(type, from: value, codingPath: path, state: state)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (value, path) = try next()
        return try ValueDecoder(value: value, codingPath: path, state: state).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try ValueDecoder(value: value, codingPath: path, state: state).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return ValueDecoder(value: value, codingPath: path, state: state)
    }
}

private struct ScalarContainer: SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let state: DecodingState

    func decodeNil() -> Bool { value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try Scalar.bool(value, codingPath) }
    func decode(_ type: String.Type) throws -> String { try Scalar.string(value, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try Scalar.floating(value, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try Scalar.floating(value, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try Scalar.integer(value, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Scalar.integer(value, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Scalar.integer(value, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Scalar.integer(value, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Scalar.integer(value, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try Scalar.integer(value, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Scalar.integer(value, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Scalar.integer(value, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Scalar.integer(value, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Scalar.integer(value, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try PayloadDecoder.decodeValue(type, from: value, codingPath: codingPath, state: state)
    }
}
