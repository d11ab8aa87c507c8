/// Writes JSON text directly, for the payloads the station sends all day long
/// (MeterValues, StatusNotification, Start/StopTransaction, Heartbeat).
///
/// The general path, `Codable` → `JSONValue` → text, costs tens of microseconds for a
/// MeterValues with a dozen sampled values, which a day of 1-second sampling multiplies
/// by 86 400. Types conforming to `DirectJSONEncodable` write themselves instead; the
/// tests check, on every payload the official schemas can generate, that both paths
/// produce the same text byte for byte.
public struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init() {
        bytes.reserveCapacity(512)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma.removeLast()
    }

    mutating func beginArray(_ key: String) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma.removeLast()
    }

    /// Writes the comma before a value that follows another in the current array or
    /// object, and notes that one was written.
    mutating func separate() {
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func key(_ name: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    mutating func raw(_ fragment: StaticString) {
        fragment.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        JSONSerializer.writeString(value, to: &bytes)
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `,"key":"value"` from a literal prefix.
    mutating func member(_ prefix: StaticString, _ value: String) {
        raw(prefix)
        string(value)
    }

    /// `[e1,e2,…]` of values that write themselves (each calls `separate`).
    mutating func array<T: DirectJSONEncodable>(_ values: some Collection<T>) {
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        for value in values { value.writeJSON(to: &self) }
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        JSONSerializer.writeString(value, to: &bytes)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field<B>(_ name: String, _ value: BoundedString<B>?) {
        field(name, value?.value)
    }

    mutating func field<E: OCPPEnumeration>(_ name: String, _ value: E?) {
        field(name, value?.rawValue)
    }

    mutating func field(_ name: String, _ value: Timestamp?) {
        field(name, value?.rfc3339)
    }

    /// An object member whose value writes itself (its opening brace must not be
    /// preceded by a comma: the key already took care of that).
    mutating func field<T: DirectJSONEncodable>(_ name: String, _ value: T?) {
        guard let value else { return }
        key(name)
        needsComma.append(false)
        value.writeJSON(to: &self)
        needsComma.removeLast()
    }

    mutating func elements<T: DirectJSONEncodable>(_ name: String, _ values: some Collection<T>) {
        beginArray(name)
        for value in values { value.writeJSON(to: &self) }
        endArray()
    }
}

/// A payload that can write its JSON text without going through `Codable`; it must
/// write exactly what `PayloadEncoder` would.
public protocol DirectJSONEncodable {
    func writeJSON(to writer: inout JSONWriter)
}

extension PayloadEncoder {
    /// The payload as JSON text, directly when the type can write itself.
    public static func encodeText<T: Encodable>(_ value: T) throws(PayloadViolation) -> String {
        if let direct = value as? any DirectJSONEncodable {
            var writer = JSONWriter()
            direct.writeJSON(to: &writer)
            return writer.text
        }
        return JSONSerializer.serialize(try encode(value))
    }
}

// MARK: The station's frequent payloads

// MeterValues is the hot path of all (a dozen sampled values, as often as every
// second): written with literal fragments, since the first member of each object is
// required and the commas are known in advance.

extension SampledValue: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.separate()
        writer.raw("{\"value\":")
        writer.string(value)
        if let context { writer.member(",\"context\":", context.rawValue) }
        if let format { writer.member(",\"format\":", format.rawValue) }
        if let measurand { writer.member(",\"measurand\":", measurand.rawValue) }
        if let phase { writer.member(",\"phase\":", phase.rawValue) }
        if let location { writer.member(",\"location\":", location.rawValue) }
        if let unit { writer.member(",\"unit\":", unit.rawValue) }
        writer.raw("}")
    }
}

extension MeterValue: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.separate()
        writer.raw("{\"timestamp\":")
        writer.string(timestamp.rfc3339)
        writer.raw(",\"sampledValue\":")
        writer.array(sampledValue)
        writer.raw("}")
    }
}

extension MeterValuesRequest: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.separate()
        writer.raw("{\"connectorId\":")
        writer.integer(connectorId)
        if let transactionId {
            writer.raw(",\"transactionId\":")
            writer.integer(transactionId)
        }
        writer.raw(",\"meterValue\":")
        writer.array(meterValue)
        writer.raw("}")
    }
}

extension StatusNotificationRequest: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("connectorId", connectorId)
        writer.field("errorCode", errorCode)
        writer.field("info", info)
        writer.field("status", status)
        writer.field("timestamp", timestamp)
        writer.field("vendorId", vendorId)
        writer.field("vendorErrorCode", vendorErrorCode)
        writer.endObject()
    }
}

extension StartTransactionRequest: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("connectorId", connectorId)
        writer.field("idTag", idTag)
        writer.field("meterStart", meterStart)
        writer.field("reservationId", reservationId)
        writer.field("timestamp", timestamp)
        writer.endObject()
    }
}

extension StopTransactionRequest: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("idTag", idTag)
        writer.field("meterStop", meterStop)
        writer.field("timestamp", timestamp)
        writer.field("transactionId", transactionId)
        writer.field("reason", reason)
        if let transactionData { writer.elements("transactionData", transactionData) }
        writer.endObject()
    }
}

extension HeartbeatRequest: DirectJSONEncodable {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.endObject()
    }
}
