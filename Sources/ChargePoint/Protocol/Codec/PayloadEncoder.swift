/// Encodes OCPP payload types to `JSONValue`, members in declaration order.
///
/// The counterpart of `PayloadDecoder`: optional members that are `nil` are left out
/// (OCPP 1.6 schemas never allow `null`), non-finite numbers are refused, and a type
/// that encodes nothing at all becomes `{}` (Heartbeat.req, ClearCache.req, …).
public enum PayloadEncoder {
    public static func encode<T: Encodable>(_ value: T) throws(PayloadViolation) -> JSONValue {
        let root = EncodingNode()
        do {
            try value.encode(to: NodeEncoder(node: root, codingPath: []))
        } catch let violation as PayloadViolation {
            throw violation
        } catch {
            throw PayloadViolation(.internalError, "cannot encode \(T.self): \(error)")
        }
        return root.value ?? .object(JSONObject())
    }
}

/// A value under construction. Containers write into nodes by reference, because the
/// `Encoder` API hands out containers that outlive the call that created them.
private final class EncodingNode {
    enum Content {
        case empty
        case scalar(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content = .empty

    var value: JSONValue? {
        switch content {
        case .empty: nil
        case .scalar(let value): value
        case .object(let members):
            .object(
                JSONObject(members.map { JSONObject.Member(key: $0.0, value: $0.1.value ?? .object(JSONObject())) }))
        case .array(let elements): .array(elements.map { $0.value ?? .object(JSONObject()) })
        }
    }

    func member(_ key: String) -> EncodingNode {
        if case .object(var members) = content {
            if let existing = members.first(where: { $0.0 == key }) { return existing.1 }
            let node = EncodingNode()
            members.append((key, node))
            content = .object(members)
            return node
        }
        let node = EncodingNode()
        content = .object([(key, node)])
        return node
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func appendElement() -> EncodingNode {
        let node = EncodingNode()
        if case .array(var elements) = content {
            elements.append(node)
            content = .array(elements)
        } else {
            content = .array([node])
        }
        return node
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }
}

private enum ScalarEncoding {
    static func number(_ value: Double, _ codingPath: [any CodingKey]) throws(PayloadViolation) -> JSONValue {
        guard let number = JSONNumber(value) else {
            throw PayloadViolation(
                .internalError, path: PayloadViolation.path(codingPath), "\(value) is not a JSON number")
        }
        return .number(number)
    }

    static func integer<T: BinaryInteger>(_ value: T) -> JSONValue {
        .number(JSONNumber(validatedLiteral: String(value)))
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(ObjectEncoder<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return ArrayEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ScalarEncoder(node: node, codingPath: codingPath)
    }
}

private struct ObjectEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, _ key: Key) { node.member(key.stringValue).content = .scalar(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try ScalarEncoding.number(value, codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try ScalarEncoding.number(Double(value), codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct ArrayEncoder: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    private func append(_ value: JSONValue) { node.appendElement().content = .scalar(value) }
    private var nextPath: [any CodingKey] { codingPath + [PayloadKey(index: count)] }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try ScalarEncoding.number(value, nextPath)) }
    mutating func encode(_ value: Float) throws { append(try ScalarEncoding.number(Double(value), nextPath)) }
    mutating func encode(_ value: Int) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int8) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int16) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int32) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int64) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt16) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt32) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try value.encode(to: NodeEncoder(node: node.appendElement(), codingPath: path))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let path = nextPath
        return NodeEncoder(node: node.appendElement(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return NodeEncoder(node: node.appendElement(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return NodeEncoder(node: node.appendElement(), codingPath: path)
    }
}

private struct ScalarEncoder: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue) { node.content = .scalar(value) }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try ScalarEncoding.number(value, codingPath)) }
    mutating func encode(_ value: Float) throws { set(try ScalarEncoding.number(Double(value), codingPath)) }
    mutating func encode(_ value: Int) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int8) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int16) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int32) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: Int64) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt16) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt32) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt64) throws { set(ScalarEncoding.integer(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}
