/// The station's side of OCPP-J synchronicity (OCPP-J 1.6 §4.1.1): one CALL in flight
/// at a time, each answered or timed out before the next is sent.
///
/// Two lines feed it. Transaction-related messages (StartTransaction, StopTransaction,
/// their MeterValues) wait in the durable `queue`, strictly in order (OCPP 1.6 §3.7);
/// everything else waits here in `waiting`. Online, the two lines merge in the order
/// the messages were made, so a central system sees StartTransaction before the
/// StatusNotification (Charging) it caused, as the OCTT sequences expect. A backlog
/// built up offline (or before a restart) is different: "new messages that are not
/// transaction-related MAY be delivered immediately without waiting for the queue to be
/// emptied", so a driver's card is never kept waiting behind hours of offline samples.
struct Outbox: Sendable {
    struct Call: Sendable {
        var action: Action
        /// The payload as JSON text: encoded once, when the call is made.
        var payload: String
        var purpose: CallPurpose
        /// Sent even while the registration is Pending: only what a TriggerMessage
        /// asked for (OCPP 1.6 §4.2).
        var allowedWhilePending = false
        /// When it was made, in `Outbox.made` order.
        var order: Int64 = 0
    }

    struct InFlight: Sendable {
        var messageId: String
        var call: Call
        var sentAt: Timestamp
    }

    var inFlight: InFlight?
    var waiting: [Call] = []
    /// Messages made so far (waiting calls and queued transaction messages alike).
    var made: Int64 = 0
    /// The `made` order of transaction messages queued while online, by queue sequence.
    /// Offline and restored backlog has none: waiting calls may overtake it.
    var queuedOnline: [Int64: Int64] = [:]

    /// The next message's place in the order of making.
    mutating func nextOrder() -> Int64 {
        made += 1
        return made
    }

    func isWaiting(_ action: Action) -> Bool {
        waiting.contains { $0.action == action } || inFlight?.call.action == action
    }
}

/// What to do with the answer to a CALL.
enum CallPurpose: Sendable, Equatable {
    case boot
    case heartbeat
    case status(connector: Int, report: StatusReport)
    case authorize(idTag: IdToken, intent: AuthorizeIntent)
    /// An operator's DataTransfer: the answer is shown to them.
    case dataTransfer
    case transactionMessage(sequence: Int64)
    /// MeterValues outside a transaction (clock-aligned on an idle connector, triggered).
    case meterValues
    /// A notification whose answer carries nothing to act on.
    case notification
}

/// How a CALL ended.
enum CallOutcome: Sendable {
    case result(JSONValue)
    case error(Frame.CallError)
    /// No answer within MessageTimeout.
    case timeout
    /// The link went down first.
    case linkLost

    var isFailure: Bool {
        if case .result = self { return false }
        return true
    }
}

extension StationCore {
    /// Puts a request in line for sending (not transaction-related).
    mutating func enqueueCall<R: OCPPRequest>(_ request: R, purpose: CallPurpose, allowedWhilePending: Bool = false) {
        do {
            let payload = try PayloadEncoder.encodeText(request)
            outbox.waiting.append(
                Outbox.Call(
                    action: R.action, payload: payload, purpose: purpose, allowedWhilePending: allowedWhilePending,
                    order: outbox.nextOrder()))
        } catch {
            reportError("internal: cannot encode \(R.action): \(error)")
        }
    }

    /// Sends the next CALL if the link and the registration allow one and none is in
    /// flight. Called after every input.
    mutating func pump() {
        guard link.state == .connected, !link.closing, outbox.inFlight == nil else { return }
        switch registration {
        case .unregistered:
            sendBootNotification()
        case .booting, .rejected:
            return
        case .pending:
            if let index = outbox.waiting.firstIndex(where: \.allowedWhilePending) {
                send(outbox.waiting.remove(at: index))
            }
        case .accepted:
            let head = queue.first
            let headDue = head.map { $0.notBefore.map { $0 <= now } ?? true } ?? false
            let next = outbox.waiting.firstIndex { !waitsForTransactionMessages($0) }
            if let head, headDue, let order = outbox.queuedOnline[head.sequence],
                order < next.map({ outbox.waiting[$0].order }) ?? .max
            {
                sendQueued(head)
            } else if let next {
                send(outbox.waiting.remove(at: next))
            } else if let head {
                if headDue {
                    sendQueued(head)
                } else if let notBefore = head.notBefore {
                    schedule(.transactionRetry, at: notBefore)
                }
            }
        }
    }

    /// A StatusNotification waits while the StartTransaction or StopTransaction of a
    /// transaction on its connector is undelivered: the central system learns of the
    /// transaction's start or end before the status it led to (OCPP 1.6 §4.9, §3.7), also
    /// when the status was made later but the transaction message is an offline or
    /// pre-reboot backlog that other messages may overtake. So after a power cut the
    /// CSMS sees StopTransaction(PowerLoss) before Finishing, and after an offline spell
    /// StopTransaction before Available, never a free connector with an open transaction.
    func waitsForTransactionMessages(_ call: Outbox.Call) -> Bool {
        guard case .status(let connector, _) = call.purpose, connector > 0 else { return false }
        // Start undelivered: no transactionId yet. Stop undelivered: the record stays
        // until the StopTransaction is settled.
        return transactions.contains { $0.connector == connector && ($0.transactionId == nil || $0.stop != nil) }
    }

    mutating func send(_ call: Outbox.Call) {
        let messageId = ids.next()
        // The frame around an already encoded payload (message ids and action names
        // need no escaping).
        let text = "[2,\"" + messageId + "\",\"" + call.action.rawValue + "\"," + call.payload + "]"
        effects.frames.append(text)
        // Nothing the station sends carries a secret (the AuthorizationKey is never read
        // back), so outgoing frames are shown as they are.
        emit(
            .frame(
                FrameEvent(
                    direction: .outgoing, text: text, kind: .call, messageId: messageId,
                    action: call.action.rawValue, time: wallClock)))
        outbox.inFlight = Outbox.InFlight(messageId: messageId, call: call, sentAt: now)
        schedule(.callTimeout, afterSeconds: config.int(.messageTimeout) ?? 30)
        rescheduleHeartbeat()
    }

    /// Answers a CALL of the central system at once (CALLRESULT or CALLERROR); these
    /// never wait for our own call in flight (OCPP-J 1.6 §4.1.1 NOTE).
    /// `action`: the action of the CALL answered, when known.
    mutating func reply(_ frame: Frame, to action: String?) {
        let text = frame.text
        effects.frames.append(text)
        let kind: FrameEvent.Kind = if case .callError = frame { .error } else { .result }
        emit(
            .frame(
                FrameEvent(
                    direction: .outgoing, text: text, kind: kind, messageId: frame.messageId, action: action,
                    time: wallClock)))
    }

    /// The CALLRESULT or CALLERROR for our call in flight arrived, or it timed out, or
    /// the link was lost: hand the outcome to whoever sent it.
    mutating func complete(messageId: String?, _ outcome: CallOutcome) {
        guard let inFlight = outbox.inFlight, messageId == nil || inFlight.messageId == messageId else {
            reportError("a response for message id '\(messageId ?? "")' arrived, but no such request is waiting")
            return
        }
        outbox.inFlight = nil
        cancel(.callTimeout)
        let action = inFlight.call.action
        switch outcome {
        case .error(let error):
            reportError("the central system answered \(action) with \(error.code): \(error.description)")
        case .timeout:
            reportError("no answer to \(action) within \(config.int(.messageTimeout) ?? 30) s")
        case .result, .linkLost:
            break
        }
        switch inFlight.call.purpose {
        case .boot: bootNotificationAnswered(outcome)
        case .heartbeat: heartbeatAnswered(outcome)
        case .status(let connector, let report):
            statusReportDone(connector: connector, report: report, acknowledged: !outcome.isFailure)
            if case .result(let payload) = outcome { _ = decodeResponse(StatusNotificationResponse.self, payload) }
        case .authorize(let idTag, let intent): authorizeAnswered(idTag: idTag, intent: intent, outcome)
        case .dataTransfer: dataTransferAnswered(outcome)
        case .transactionMessage(let sequence): transactionMessageAnswered(sequence: sequence, action: action, outcome)
        case .meterValues:
            if case .result(let payload) = outcome { _ = decodeResponse(MeterValuesResponse.self, payload) }
        case .notification:
            break
        }
    }

    mutating func callTimedOut() {
        complete(messageId: nil, .timeout)
    }

    /// Decodes a CALLRESULT payload; a payload that does not fit is reported and
    /// treated as a failure to process by the caller.
    mutating func decodeResponse<R: OCPPResponse>(_ type: R.Type, _ payload: JSONValue) -> R? {
        do {
            return try PayloadDecoder.decode(type, from: payload)
        } catch {
            reportError("the central system's \(type) does not fit the OCPP 1.6 schema: \(error)")
            return nil
        }
    }
}
