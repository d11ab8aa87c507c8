import ChargePoint
import ChargePointRuntime

/// Station events as JSON Lines (DESIGN.md "Headless events"): one object per line,
/// `ts` (RFC 3339, milliseconds, UTC) and `type` first. Frames are shown exactly as on
/// the wire, secrets masked by the engine.
enum EventEncoder {
    /// One event line; in a fleet (issue 15) `station` names the station it is of, as the
    /// third member `chargePointId` (`{"ts":…,"type":…,"chargePointId":"CP-0003",…}`: the
    /// name the `--trace` format gives it; `station` is a snapshot's member already).
    static func line(_ event: StationEvent, at time: Timestamp = .now(), station: String? = nil) -> String {
        if case .frame(let frame) = event {
            // The event of every message, on the link thread: written directly, in the
            // member order the general path gives (ts, type, [chargePointId,] dir, raw).
            let named = station.map { #","chargePointId":"# + JSONSerializer.serialize(.string($0)) } ?? ""
            return #"{"ts":""# + time.rfc3339 + #"","type":"frame""# + named + #","dir":""#
                + frame.direction.rawValue + #"","raw":"# + JSONSerializer.serialize(.string(frame.text)) + "}"
        }
        var object = eventObject(event, at: time)
        if let station {
            var members = object.members
            members.insert(JSONObject.Member(key: "chargePointId", value: .string(station)), at: 2)
            object = JSONObject(members)
        }
        return JSONSerializer.serialize(.object(object))
    }

    /// The `fleet` summary event (issue 15): the fleet's counts and, over the last
    /// window, calls a second and the reply latency percentiles (ms, null without one).
    static func fleetLine(_ summary: FleetSummary, at time: Timestamp = .now()) -> String {
        var object = JSONObject()
        object["ts"] = .string(time.rfc3339)
        object["type"] = "fleet"
        object["stations"] = .number(JSONNumber(summary.stations))
        object["connected"] = .number(JSONNumber(summary.connected))
        object["booted"] = .number(JSONNumber(summary.booted))
        object["charging"] = .number(JSONNumber(summary.charging))
        object["queuedMessages"] = .number(JSONNumber(summary.queuedMessages))
        object["callsPerSecond"] = .number(JSONNumber(summary.callsPerSecond) ?? JSONNumber(0))
        let latency = { (value: Int64?) in value.map { JSONValue.number(JSONNumber(Int($0))) } ?? .null }
        object["latencyMs"] = .object(
            JSONObject([JSONObject.Member(key: "p50", value: latency(summary.latencyP50)),
                        JSONObject.Member(key: "p99", value: latency(summary.latencyP99))]))
        return JSONSerializer.serialize(.object(object))
    }

    /// The event's members, `ts` and `type` first.
    static func eventObject(_ event: StationEvent, at time: Timestamp = .now()) -> JSONObject {
        var object = JSONObject()
        object["ts"] = .string(time.rfc3339)
        switch event {
        case .frame(let frame):
            object["type"] = "frame"
            object["dir"] = .string(frame.direction.rawValue)
            object["raw"] = .string(frame.text)
        case .connection(let state, let reason):
            object["type"] = "connection"
            object["state"] = .string(state.rawValue)
            if let reason { object["reason"] = .string(reason) }
        case .connector(let id, let status, let errorCode, let info):
            object["type"] = "connector"
            object["connector"] = .number(JSONNumber(id))
            object["status"] = .string(status.rawValue)
            object["errorCode"] = .string(errorCode.rawValue)
            if let info { object["info"] = .string(info) }
        case .transaction(let transaction):
            object["type"] = "transaction"
            object["connector"] = .number(JSONNumber(transaction.connector))
            object["event"] = .string(transaction.kind.rawValue)
            object["transactionId"] = transaction.transactionId.map { .number(JSONNumber($0)) } ?? .null
            object["idTag"] = .string(transaction.idTag)
            if let reason = transaction.reason { object["reason"] = .string(reason.rawValue) }
        case .meter(let connector, let energy, let power, let readings):
            object["type"] = "meter"
            object["connector"] = .number(JSONNumber(connector))
            object["energyWh"] = number(energy)
            object["powerW"] = number(power)
            // Every sampled measurand, as a MeterValues' sampledValue would carry it.
            object["sampledValue"] = .array(readings.compactMap { try? PayloadEncoder.encode($0) })
        case .registration(let status, let interval):
            object["type"] = "registration"
            object["status"] = status.map { .string($0.rawValue) } ?? .null
            if let interval { object["interval"] = .number(JSONNumber(interval)) }
        case .notice, .callAnswered:
            object["type"] = "notice"
            object["message"] = .string(event.noticeText ?? "")
        case .error(let text):
            object["type"] = "error"
            object["message"] = .string(text)
        case .configuration(let entries):
            object["type"] = "configuration"
            object["keys"] = .array(entries.map(configurationEntry))
        case .certificates(let report):
            object["type"] = "certificates"
            for member in certificatesObject(report) { object[member.key] = member.value }
        case .snapshot(let snapshot):
            object["type"] = "snapshot"
            for member in snapshotObject(snapshot) { object[member.key] = member.value }
        case .security(let entry):
            object["type"] = "security"
            object["event"] = .string(entry.kind.rawValue)
            object["critical"] = .bool(entry.kind.isCritical)
            if let info = entry.info { object["info"] = .string(info) }
        case .result(let result):
            object["type"] = "result"
            object["id"] = result.id.map(JSONValue.string) ?? .null
            object["line"] = .number(JSONNumber(result.line))
            object["source"] = .string(result.source)
            object["command"] = .string(result.command)
            object["ok"] = .bool(result.ok)
            object["error"] = result.error.map(JSONValue.string) ?? .null
            object["data"] = result.payload ?? result.answer.map(answerData) ?? .null
        case .transfer(let transfer):
            object["type"] = .string(transfer.purpose.rawValue)
            for member in transferObject(transfer) { object[member.key] = member.value }
        }
        return object
    }

    /// A `result`'s `data`: the answering event without its own `ts` and `type`; for a
    /// call the operator sent, `{"action":…,"payload":…}` (the CALLRESULT's payload).
    static func answerData(_ answer: StationEvent) -> JSONValue {
        if case .callAnswered(let action, let payload) = answer {
            var data = JSONObject()
            data["action"] = .string(action.rawValue)
            data["payload"] = payload
            return .object(data)
        }
        var data = eventObject(answer)
        data["ts"] = nil
        data["type"] = nil
        return .object(data)
    }

    /// `{"ts":…,"type":"dropped","count":N}`: `count` events were lost because standard
    /// output was not read fast enough (`HeadlessOutput`); `ts` is when the first was made.
    static func droppedLine(count: Int, at time: Timestamp) -> String {
        var object = JSONObject()
        object["ts"] = .string(time.rfc3339)
        object["type"] = "dropped"
        object["count"] = .number(JSONNumber(count))
        return JSONSerializer.serialize(.object(object))
    }

    /// The members of a `firmware` or `diagnostics` event (README "Headless events").
    static func transferObject(_ transfer: TransferState) -> JSONObject {
        var object = JSONObject()
        object["status"] = .string(transfer.status)
        object["file"] = .string(transfer.fileName)
        object["bytes"] = .number(JSONNumber(Int(transfer.bytes)))
        if let total = transfer.total { object["total"] = .number(JSONNumber(Int(total))) }
        object["attempt"] = .number(JSONNumber(transfer.attempt))
        object["attempts"] = .number(JSONNumber(transfer.attempts))
        if let detail = transfer.detail { object["detail"] = .string(detail) }
        if let requestId = transfer.requestId { object["requestId"] = .number(JSONNumber(requestId)) }
        return object
    }

    static func number(_ value: Double) -> JSONValue {
        .number(JSONNumber((value * 10).rounded() / 10) ?? JSONNumber(0))
    }

    static func configurationEntry(_ entry: ConfigurationEntry) -> JSONValue {
        var object = JSONObject()
        object["key"] = .string(entry.key)
        if entry.isKnown {
            object["value"] =
                entry.access == .writeOnly ? .string(SecretMasking.mask) : entry.value.map(JSONValue.string) ?? .null
            object["readonly"] = .bool(entry.access == .readOnly)
            object["profile"] = entry.profile.map { .string($0.rawValue) } ?? .null
        } else {
            object["unknown"] = true
        }
        return .object(object)
    }

    /// The members of a `certificates` event, the answer to `certs` (README "Headless
    /// events"): `certificates`, the roots in the store (whitepaper M05), and
    /// `chargePointCertificate`, the one in use (A02) or null. Never a PEM or a key.
    static func certificatesObject(_ report: CertificateReport) -> JSONObject {
        func time(_ timestamp: Timestamp?) -> JSONValue { timestamp.map { .string($0.rfc3339) } ?? .null }
        var object = JSONObject()
        object["certificates"] = .array(
            report.roots.map { root in
                var entry = JSONObject()
                entry["use"] = .string(root.use.rawValue)
                entry["subject"] = .string(root.subject)
                entry["issuer"] = .string(root.issuer)
                entry["notBefore"] = time(root.notBefore)
                entry["notAfter"] = time(root.notAfter)
                entry["sha256"] = .string(root.fingerprint)
                entry["fallback"] = .bool(root.fallback)
                return .object(entry)
            })
        object["chargePointCertificate"] =
            report.ownCertificate.map { own in
                var entry = JSONObject()
                entry["subject"] = .string(own.subject)
                entry["notBefore"] = time(own.notBefore)
                entry["notAfter"] = time(own.notAfter)
                entry["provisioned"] = .bool(own.provisioned)
                return .object(entry)
            } ?? .null
        return object
    }

    static func snapshotObject(_ snapshot: StationSnapshot) -> JSONObject {
        var object = JSONObject()
        object["time"] = .string(snapshot.time.rfc3339)
        object["profile"] = .string(snapshot.profileName)
        object["connection"] = .string(snapshot.connection.rawValue)
        object["offline"] = .bool(snapshot.heldOffline)
        object["securityProfile"] = .number(JSONNumber(snapshot.securityProfile))
        if let server = snapshot.server {
            object["server"] = .object(
                JSONObject(["subject": .string(server.subject), "issuer": .string(server.issuer)]))
        }
        object["rebooting"] = .bool(snapshot.rebootingIn != nil)
        object["registration"] = snapshot.registration.map { .string($0.rawValue) } ?? .null
        object["heartbeatInterval"] = snapshot.heartbeatInterval.map { .number(JSONNumber($0)) } ?? .null
        object["queuedMessages"] = .number(JSONNumber(snapshot.queuedTransactionMessages))
        object["firmwareVersion"] = snapshot.firmwareVersion.map(JSONValue.string) ?? .null
        if let transfer = snapshot.firmwareTransfer { object["firmware"] = .object(transferObject(transfer)) }
        if let transfer = snapshot.diagnosticsTransfer { object["diagnostics"] = .object(transferObject(transfer)) }
        if let transfer = snapshot.logTransfer { object["log"] = .object(transferObject(transfer)) }
        object["station"] = .object(
            JSONObject([
                "status": .string(snapshot.station.status.rawValue),
                "errorCode": .string(snapshot.station.errorCode.rawValue),
            ]))
        object["connectors"] = .array(
            snapshot.connectors.map { connector in
                var entry = JSONObject()
                entry["connector"] = .number(JSONNumber(connector.id))
                entry["status"] = .string(connector.status.rawValue)
                entry["errorCode"] = .string(connector.errorCode.rawValue)
                entry["evConnected"] = .bool(connector.evConnected)
                entry["locked"] = .bool(connector.locked)
                entry["meterWh"] = number(connector.meterWh)
                entry["powerW"] = number(connector.powerW)
                if let limit = connector.limitW { entry["limitW"] = number(limit) }
                if let soc = connector.socPercent { entry["soc"] = number(soc) }
                if let session = connector.session {
                    entry["transactionId"] = session.transactionId.map { .number(JSONNumber($0)) } ?? .null
                    entry["idTag"] = .string(session.idTag)
                    entry["energyWh"] = number(session.energyWh)
                }
                return .object(entry)
            })
        return object
    }
}
