import ChargePoint
import ChargePointRuntime

/// The small central system that `--demo` starts (DESIGN.md "--demo"), honest enough to
/// learn OCPP from (issue 14): it accepts every boot, authorizes the demo cards as
/// `Assets/cards.toml` says (then the local list it sent; anything else is Invalid),
/// numbers transactions, keeps transactions, meter values, the local list and
/// reservations in memory (`DemoRecords`), checks every payload the station sends
/// against the official schemas — a violation is answered with a CALLERROR and shown to
/// the operator as an error — and sends any central-system CALL the operator asks for
/// (`csms …`, `CentralSystemCommand`), matching each answer to it.
///
/// Like the station core it does no I/O: it takes text and time and returns
/// `DemoOutput`s, and `DemoServer` carries them over libwebsockets.
public struct DemoCentralSystem: Sendable {
    public let cards: [DemoCard]
    public var heartbeatInterval = 300
    public internal(set) var records = DemoRecords()
    /// The firmware images it serves and the uploads it took (`DemoFiles`).
    public internal(set) var files = DemoFiles()
    /// The CALLs sent and not answered yet, by message id.
    var pending: [String: PendingCall] = [:]
    var nextCallId = 1
    /// How long the station has to answer a CALL (ms) before the operator hears "no answer".
    public static let answerTimeout: Int64 = 30_000

    struct PendingCall: Sendable {
        var station: String
        var request: any OCPPRequest
        var sentAt: Timestamp
    }

    /// `fileServer`: where its HTTP file server listens, `http://127.0.0.1:<port>`;
    /// `firstTransactionId`: the id of the first transaction it numbers (`DemoServer`
    /// gives `firstTransactionId(at:)`, so that ids keep increasing across restarts).
    public init(cards: [DemoCard], fileServer: String = "", firstTransactionId: Int = 1) {
        self.cards = cards
        files.base = fileServer
        records = DemoRecords(firstTransactionId: firstTransactionId)
    }

    /// Where transaction ids start for a demo started at `wallClock`, with nothing stored
    /// (issue 14 §4, "increasing transaction ids"): the seconds since 2025-01-01T00:00:00Z.
    /// A console started later numbers above every id an earlier one handed out, unless
    /// that one started more than one transaction a second on average; a resumed
    /// session's id stays its own. The ids fit OCPP's integer (32 bits) until 2093.
    public static func firstTransactionId(at wallClock: Timestamp) -> Int {
        let epoch2025: Int64 = 1_735_689_600_000
        return Int(max(1, (wallClock.millisecondsSince1970 - epoch2025) / 1000))
    }

    /// The IdTagInfo of `idTag`: its demo card's, else its entry in the local list
    /// `station` accepted, else Invalid (OCPP 1.6 §7.28).
    func idTagInfo(_ idTag: String, station: String) -> IdTagInfo {
        if let card = cards.first(where: { CaseInsensitive.equal($0.idTag.value, idTag) }) { return card.idTagInfo }
        return records.localLists[station]?.entries[CaseInsensitive.fold(idTag)] ?? IdTagInfo(status: .invalid)
    }

    /// One frame from `station`: the answer to its CALL, or the end of one of ours.
    public mutating func receive(_ text: String, from station: String, at now: Timestamp) -> [DemoOutput] {
        switch Frame.parse(text) {
        case .failure(.reply(let error)):
            return [
                .error("\(station) sent a malformed frame: \(error.description)"), .send(Frame.callError(error).text),
            ]
        case .failure(.drop(let reason)):
            return [.error("\(station) sent a frame that is no OCPP-J message: \(reason)")]
        case .success(.callResult(let result)):
            return resultArrived(result, from: station)
        case .success(.callError(let error)):
            guard let call = pending.removeValue(forKey: error.messageId) else { return [] }
            let action = type(of: call.request).action
            return [
                .answered(
                    messageId: error.messageId, .callError(action, code: error.code, description: error.description))
            ]
        case .success(.call(let call)):
            switch call.decodeRequest() {
            case .failure(let error):
                // OCPP-J 1.6 §4.2.3: answered with the violation's code, and shown (issue 14 §4).
                return [
                    .error(
                        "\(station): \(call.action) breaks its schema: \(error.code.rawValue): \(error.description)"),
                    .send(Frame.callError(error).text),
                ]
            case .success(let request):
                return answer(call.messageId, request, station: station, at: now)
            }
        }
    }

    /// The CALLs `station` left unanswered for `answerTimeout`, ended.
    public mutating func expire(at now: Timestamp) -> [DemoOutput] {
        let late = pending.filter { $0.value.sentAt.milliseconds(until: now) >= Self.answerTimeout }
        return late.keys.sorted().map { id in
            let call = pending.removeValue(forKey: id)!
            let seconds = Self.answerTimeout / 1000
            return .answered(
                messageId: id, .noAnswer(type(of: call.request).action, why: "no answer within \(seconds) s"))
        }
    }

    /// `station` disconnected: its CALLs will not be answered.
    public mutating func disconnected(_ station: String) -> [DemoOutput] {
        let lost = pending.filter { $0.value.station == station }
        return lost.keys.sorted().map { id in
            let call = pending.removeValue(forKey: id)!
            return .answered(
                messageId: id,
                .noAnswer(type(of: call.request).action, why: "the station disconnected before answering"))
        }
    }

    private mutating func resultArrived(_ result: Frame.CallResult, from station: String) -> [DemoOutput] {
        // An answer to no CALL of ours (a late one, after "no answer"): nothing to match.
        guard let call = pending.removeValue(forKey: result.messageId) else { return [] }
        let action = type(of: call.request).action
        func decode<R: OCPPResponse>(_ type: R.Type) throws(PayloadViolation) -> any OCPPResponse {
            try PayloadDecoder.decode(type, from: result.payload)
        }
        do throws(PayloadViolation) {
            let response = try decode(action.responseType)
            record(response, to: call.request, station: station)
            return [.answered(messageId: result.messageId, .result(action, result.payload))]
        } catch {
            let violation = "\(error.code.rawValue): \(error.description)"
            return [
                .error("\(station): its answer to \(action.rawValue) breaks the schema: \(violation)"),
                .answered(messageId: result.messageId, .invalid(action, result.payload, violation: violation)),
            ]
        }
    }

    /// What an accepted answer changes in the records: the local list the station now
    /// holds (§5.15), its reservations (§5.13, §5.1).
    private mutating func record(_ response: any OCPPResponse, to request: any OCPPRequest, station: String) {
        switch (request, response) {
        case (let list as SendLocalListRequest, let answer as SendLocalListResponse) where answer.status == .accepted:
            records.listAccepted(list, station: station)
        case (let reserve as ReserveNowRequest, let answer as ReserveNowResponse) where answer.status == .accepted:
            records.reservationAccepted(reserve, station: station)
        case (let cancel as CancelReservationRequest, let answer as CancelReservationResponse)
        where answer.status == .accepted:
            records.reservationCancelled(cancel.reservationId, station: station)
        case (let request, let answer as GetDiagnosticsResponse) where asksForUpload(request):
            if let name = answer.fileName?.value { files.announced.insert(name) }
        case (let request, let answer as GetLogResponse) where asksForUpload(request) && answer.status != .rejected:
            if let name = answer.filename?.value { files.announced.insert(name) }
        default:
            break
        }
    }
}

extension DemoCentralSystem {
    /// Whether a CALL waits for the station's answer.
    public var hasCallsInFlight: Bool { !pending.isEmpty }

    /// Whether a PUT to `path` is an upload the demo asked for: a file the station
    /// announced in its answer to a GetDiagnostics or GetLog naming the demo's upload
    /// location, or any file while such a CALL waits for its answer (the upload may
    /// overtake it). Anything else is refused (403).
    public func takesUpload(at path: String) -> Bool {
        guard let name = DemoFiles.uploadName(path) else { return false }
        return files.announced.contains(name) || pending.values.contains { asksForUpload($0.request) }
    }

    /// A GetDiagnostics (§5.9) or GetLog whose location is the demo's upload directory.
    private func asksForUpload(_ request: any OCPPRequest) -> Bool {
        switch request {
        case let request as GetDiagnosticsRequest: request.location.hasPrefix(files.uploadLocation)
        case let request as GetLogRequest: request.log.remoteLocation.value.hasPrefix(files.uploadLocation)
        default: false
        }
    }
}
