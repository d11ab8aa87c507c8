import ChargePoint

/// The records of a trace (the implementation-independent OCPP trace format, version
/// 1.0, `docs/ocpp-trace-1.0.schema.json`): one JSON object per frame. A CALLRESULT or
/// CALLERROR names the action and the connector of the CALL it answers, which its own
/// payload does not say; so the recorder remembers, for each CALL still unanswered that
/// names a connector, which one.
struct TraceRecorder {
    let chargePointId: String
    /// The connector of each CALL not answered yet (by its direction and message id);
    /// the oldest are forgotten past `remembered`, so calls never answered cost nothing.
    private var connectors: [(key: String, connector: JSONNumber)] = []
    private static let remembered = 64

    init(chargePointId: String) {
        self.chargePointId = chargePointId
    }

    /// The frame's record at `time`; nil for a frame that is not OCPP-J.
    mutating func line(_ frame: FrameEvent, at time: Timestamp) -> String? {
        guard case .success(let parsed) = Frame.parse(frame.text) else { return nil }
        let connector: JSONNumber?
        if case .call(let call) = parsed {
            connector = Self.connectorId(call.payload)
            if let connector {
                connectors.append((Self.key(frame.direction, parsed.messageId), connector))
                if connectors.count > Self.remembered { connectors.removeFirst() }
            }
        } else {
            // An answer goes the other way from its CALL.
            let callDirection: FrameDirection = frame.direction == .outgoing ? .incoming : .outgoing
            let key = Self.key(callDirection, parsed.messageId)
            connector = connectors.firstIndex { $0.key == key }.map { connectors.remove(at: $0).connector }
        }
        return Self.line(frame, parsed, chargePointId: chargePointId, time: time, connectorId: connector)
    }

    private static func key(_ direction: FrameDirection, _ messageId: String) -> String {
        direction.rawValue + " " + messageId
    }

    private static func connectorId(_ payload: JSONValue) -> JSONNumber? {
        if case .object(let object) = payload, case .number(let connector)? = object["connectorId"] {
            connector
        } else {
            nil
        }
    }

    /// The record: `schemaVersion`, `timestamp`, `ocppVersion`, `transport`,
    /// `chargePointId`, `connectorId` (when the CALL names one), `direction` (`cp-to-csms`,
    /// `csms-to-cp`), `messageType` (CALL, CALLRESULT, CALLERROR), `messageId`, `action`
    /// (a result's and an error's from their CALL), `payload`, `error` (`code`,
    /// `description`, `details` of a CALLERROR).
    private static func line(
        _ frame: FrameEvent, _ parsed: Frame, chargePointId: String, time: Timestamp, connectorId: JSONNumber?
    ) -> String {
        var record = JSONObject()
        record["schemaVersion"] = "1.0"
        record["timestamp"] = .string(time.rfc3339)
        record["ocppVersion"] = "1.6"
        record["transport"] = "websocket"
        record["chargePointId"] = .string(chargePointId)
        record["direction"] = frame.direction == .outgoing ? "cp-to-csms" : "csms-to-cp"
        let payload: JSONValue
        switch parsed {
        case .call(let call):
            record["messageType"] = "CALL"
            payload = call.payload
        case .callResult(let result):
            record["messageType"] = "CALLRESULT"
            payload = result.payload
        case .callError(let error):
            record["messageType"] = "CALLERROR"
            payload = .object(error.details)
            record["error"] = .object(
                JSONObject([
                    "code": .string(error.code.rawValue), "description": .string(error.description),
                    "details": .object(error.details),
                ]))
        }
        if let connectorId { record["connectorId"] = .number(connectorId) }
        record["messageId"] = .string(parsed.messageId)
        record["action"] = frame.action.map(JSONValue.string) ?? .null
        record["payload"] = payload
        if record["error"] == nil { record["error"] = .null }
        return JSONSerializer.serialize(.object(record))
    }
}
