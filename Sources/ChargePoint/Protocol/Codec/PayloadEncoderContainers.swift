/// The `Encoder` and its three containers for `PayloadEncoder`: each is a level of the
/// `EncodingStream` and writes through it at once.
///
/// They hold the stream `unowned(unsafe)`: it outlives them (it is created and released
/// around one encoding, which they are only used within), and counting references to
/// it at every member cost a tenth of the time.

struct ValueWriter: Encoder {
    unowned(unsafe) let stream: EncodingStream
    let depth: Int
    var codingPath: [any CodingKey] { stream.codingPath(depth) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.openObject(depth)
        return KeyedEncodingContainer(ObjectWriter<Key>(stream: stream, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.openArray(depth)
        return ArrayWriter(stream: stream, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ScalarWriter(stream: stream, depth: depth)
    }
}

struct ObjectWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    unowned(unsafe) let stream: EncodingStream
    let depth: Int
    var codingPath: [any CodingKey] { stream.codingPath(depth) }
    private var writer: UnsafeMutablePointer<JSONWriter> { stream.writer }

    private func member(_ key: Key) { stream.member(key.stringValue, of: depth) }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        writer.pointee.null()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        member(key)
        writer.pointee.bool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key)
        writer.pointee.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        member(key)
        try stream.double(value, path: codingPath + [key])
    }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        member(key)
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        member(key)
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        member(key)
        writer.pointee.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        member(key)
        try stream.nested(value, at: stream.push(member: key, below: depth))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        superEncoder(forKey: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        superEncoder(forKey: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    /// A level for a member written later by the caller; closed when this object goes on
    /// or ends.
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        member(key)
        return ValueWriter(stream: stream, depth: stream.push(member: key, below: depth))
    }
}

struct ArrayWriter: UnkeyedEncodingContainer {
    unowned(unsafe) let stream: EncodingStream
    let depth: Int
    var codingPath: [any CodingKey] { stream.codingPath(depth) }
    var count: Int { stream.count(depth) }
    private var writer: UnsafeMutablePointer<JSONWriter> { stream.writer }

    /// Starts the next element; returns its index.
    private func element() -> Int { stream.element(of: depth) }

    mutating func encodeNil() throws {
        _ = element()
        writer.pointee.null()
    }
    mutating func encode(_ value: Bool) throws {
        _ = element()
        writer.pointee.bool(value)
    }
    mutating func encode(_ value: String) throws {
        _ = element()
        writer.pointee.string(value)
    }
    mutating func encode(_ value: Double) throws {
        let index = element()
        try stream.double(value, path: codingPath + [PayloadKey(index: index)])
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws {
        _ = element()
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int64) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt) throws {
        _ = element()
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: UInt8) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt64) throws {
        _ = element()
        writer.pointee.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try stream.nested(value, at: stream.push(element: element(), below: depth))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        superEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        superEncoder().unkeyedContainer()
    }

    /// A level for an element written later by the caller; closed when this array goes
    /// on or ends.
    mutating func superEncoder() -> any Encoder {
        ValueWriter(stream: stream, depth: stream.push(element: element(), below: depth))
    }
}

struct ScalarWriter: SingleValueEncodingContainer {
    unowned(unsafe) let stream: EncodingStream
    let depth: Int
    var codingPath: [any CodingKey] { stream.codingPath(depth) }
    private var writer: UnsafeMutablePointer<JSONWriter> { stream.writer }

    mutating func encodeNil() throws {
        stream.scalar(depth)
        writer.pointee.null()
    }
    mutating func encode(_ value: Bool) throws {
        stream.scalar(depth)
        writer.pointee.bool(value)
    }
    mutating func encode(_ value: String) throws {
        stream.scalar(depth)
        writer.pointee.string(value)
    }
    mutating func encode(_ value: Double) throws {
        stream.scalar(depth)
        try stream.double(value, path: codingPath)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws {
        stream.scalar(depth)
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
    mutating func encode(_ value: Int64) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt) throws {
        stream.scalar(depth)
        writer.pointee.integer(value)
    }
    mutating func encode(_ value: UInt8) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(Int(value)) }
    mutating func encode(_ value: UInt64) throws {
        stream.scalar(depth)
        writer.pointee.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        // The same level: the value's own encoding decides what it is.
        try value.encode(to: ValueWriter(stream: stream, depth: depth))
    }
}
