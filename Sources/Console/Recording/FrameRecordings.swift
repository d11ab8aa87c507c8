import ChargePoint

/// `--frame-log FILE` and `--trace FILE` (issue 13): every frame of the run, in forms
/// other tools read, written by the log file's own thread (`FileLogHandler.Sink`):
/// - the frame log, one line per frame, `TIMESTAMP [2,"…",…]`, as OCPP log analysers
///   read it;
/// - the trace, one JSON object per frame in the implementation-independent OCPP trace
///   format, version 1.0 (`traceLine`).
/// Frames are as the engine shows them: secrets masked.
final class FrameRecordings: Sendable {
    private let frameLog: FileLogHandler.Sink?
    private let trace: FileLogHandler.Sink?
    private let chargePointId: String

    init(frameLog: String?, trace: String?, chargePointId: String) throws(StationSetup.SetupError) {
        self.frameLog = try frameLog.map { path throws(StationSetup.SetupError) in
            try FileLogHandler.Sink(path: path, role: "frame log (--frame-log)")
        }
        self.trace = try trace.map { path throws(StationSetup.SetupError) in
            try FileLogHandler.Sink(path: path, role: "trace file (--trace)")
        }
        self.chargePointId = chargePointId
    }

    /// Records the frames among `events`; how many trace records that made.
    @discardableResult
    func record(_ events: [StationEvent]) -> Int {
        guard frameLog != nil || trace != nil else { return 0 }
        var traced = 0
        for case .frame(let frame) in events {
            frameLog?.write(Self.plainLine(frame))
            if let trace, let line = Self.traceLine(frame, chargePointId: chargePointId) {
                trace.write(line)
                traced += 1
            }
        }
        return traced
    }

    /// Writes what is queued; call before the process exits.
    func close() {
        frameLog?.close()
        trace?.close()
    }

    /// `2026-11-30T08:00:00.123Z [2,"…","Heartbeat",{}]`.
    static func plainLine(_ frame: FrameEvent) -> String { "\(frame.time.rfc3339) \(frame.text)" }

    /// The frame as a trace record: `schemaVersion`, `timestamp`, `ocppVersion`,
    /// `transport`, `chargePointId`, `connectorId` (when the payload names one),
    /// `direction` (`cp-to-csms`, `csms-to-cp`), `messageType` (CALL, CALLRESULT,
    /// CALLERROR), `messageId`, `action` (a result's and an error's from their CALL),
    /// `payload`, `error` (`code`, `description`, `details` of a CALLERROR). nil for a
    /// frame that is not OCPP-J.
    static func traceLine(_ frame: FrameEvent, chargePointId: String) -> String? {
        guard case .success(let parsed) = Frame.parse(frame.text) else { return nil }
        var record = JSONObject()
        record["schemaVersion"] = "1.0"
        record["timestamp"] = .string(frame.time.rfc3339)
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
        if case .object(let object) = payload, case .number(let connector)? = object["connectorId"] {
            record["connectorId"] = .number(connector)
        }
        record["messageId"] = .string(parsed.messageId)
        record["action"] = frame.action.map(JSONValue.string) ?? .null
        record["payload"] = payload
        if record["error"] == nil { record["error"] = .null }
        return JSONSerializer.serialize(.object(record))
    }
}
