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

    /// `fileServer`: where its HTTP file server listens, `http://127.0.0.1:<port>`.
    public init(cards: [DemoCard], fileServer: String = "") {
        self.cards = cards
        files.base = fileServer
    }

    /// The IdTagInfo of `idTag`: its demo card's, else its entry in the local list
    /// `station` accepted, else Invalid (OCPP 1.6 §7.28).
    func idTagInfo(_ idTag: String, station: String) -> IdTagInfo {
        if let card = cards.first(where: { CaseInsensitive.equal($0.idTag.value, idTag) }) { return card.idTagInfo }
        let listed = records.localLists[station]?.entries.first { CaseInsensitive.equal($0.key, idTag) }
        return listed?.value ?? IdTagInfo(status: .invalid)
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
        default:
            break
        }
    }
}

extension DemoCentralSystem {
    /// Whether a CALL waits for the station's answer.
    public var hasCallsInFlight: Bool { !pending.isEmpty }
}
