/// The payload a CALL or CALLRESULT carries: a tree when it was read from the wire, the
/// JSON text `PayloadEncoder` wrote when the station made it, so that sending it is a
/// copy rather than a second encoding. Either way it reads as the same `JSONValue`.
enum FramePayload: Sendable, Equatable {
    case value(JSONValue)
    case text(String)

    var value: JSONValue {
        switch self {
        case .value(let value): value
        // The encoder's own output: it always parses.
        case .text(let text): (try? JSONParser.parse(text)) ?? .object(JSONObject())
        }
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .value(let value): writer.value(value)
        case .text(let text): writer.json(text)
        }
    }

    /// The same JSON, however it is held.
    static func == (lhs: FramePayload, rhs: FramePayload) -> Bool {
        if case .text(let left) = lhs, case .text(let right) = rhs, left == right { return true }
        return lhs.value == rhs.value
    }
}
