/// Writes OCPP payload types as JSON text, straight from their `Encodable`
/// conformances into a `JSONWriter`: no tree in between, one path for every payload the
/// station sends, requests and replies alike.
///
/// The counterpart of `PayloadDecoder`: members in declaration order, optional members
/// that are `nil` left out (OCPP 1.6 schemas never allow `null`), non-finite numbers
/// refused, and a value that encodes nothing at all written as `{}` (Heartbeat.req,
/// ClearCache.req, …).
public enum PayloadEncoder {
    /// The payload as JSON text.
    public static func encodeText<T: Encodable>(_ value: T) throws(PayloadViolation) -> String {
        var writer = JSONWriter()
        try write(value, to: &writer)
        return writer.text
    }

    /// The payload as a tree, for a caller that looks into it before sending: the text
    /// `encodeText` writes, read back. (Sending needs only `encodeText`; the core's
    /// BootNotification still comes this way and back to text.)
    public static func encode<T: Encodable>(_ value: T) throws(PayloadViolation) -> JSONValue {
        let text = try encodeText(value)
        do {
            return try JSONParser.parse(text)
        } catch {
            throw PayloadViolation(.internalError, "cannot read back the encoding of \(T.self): \(error)")
        }
    }

    /// Appends the payload to what `writer` holds (a frame being written around it).
    static func write<T: Encodable>(_ value: T, to writer: inout JSONWriter) throws(PayloadViolation) {
        if let payload = value as? any SelfWritingPayload {
            payload.write(to: &writer)
        } else {
            try writeThroughConformance(value, to: &writer)
        }
    }

    /// Writes what the value's `encode(to:)` says, as it says it.
    static func writeThroughConformance<T: Encodable>(_ value: T, to writer: inout JSONWriter)
        throws(PayloadViolation)
    {
        let stream = EncodingStream()
        // The stream writes into the caller's buffer, handed over and back without a copy.
        swap(&stream.writer.pointee, &writer)
        defer { swap(&stream.writer.pointee, &writer) }
        do {
            try stream.root(value)
        } catch let violation as PayloadViolation {
            throw violation
        } catch {
            throw PayloadViolation(.internalError, "cannot encode \(T.self): \(error)")
        }
    }
}
