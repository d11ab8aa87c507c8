/// Making, sending and settling CALLs: the core's side of the `Outbox`, which decides
/// the order; here they are encoded, framed, timed and handed back to whoever made them.
extension StationCore {
    /// Puts a request in line for sending (not transaction-related).
    mutating func enqueueCall<R: OCPPRequest>(_ request: R, purpose: CallPurpose, allowedWhilePending: Bool = false) {
        do {
            let payload = try PayloadEncoder.encodeText(request)
            outbox.enqueue(
                Outbox.Call(
                    action: R.action, payload: payload, purpose: purpose, allowedWhilePending: allowedWhilePending))
        } catch {
            reportError("internal: cannot encode \(R.action): \(error)")
        }
    }

    /// Sends the next CALL if the link and the registration allow one and none is in
    /// flight. Called after every input.
    mutating func pump() {
        guard link.isOpen else { return }
        let transactions = self.transactions.all
        let next = outbox.next(registration: registration.state, at: now) {
            Self.waitsForTransactionMessages($0, transactions: transactions)
        }
        switch next {
        case .nothing: break
        case .bootNotification: sendBootNotification()
        case .call(let call): send(call)
        case .transactionMessage(let head): sendQueued(head)
        case .retryTransactionMessage(let notBefore): schedule(.transactionRetry, at: notBefore)
        }
    }

    /// A StatusNotification waits while the StartTransaction or StopTransaction of a
    /// transaction on its connector is undelivered: the central system learns of the
    /// transaction's start or end before the status it led to (OCPP 1.6 §4.9, §3.7), also
    /// when the status was made later but the transaction message is an offline or
    /// pre-reboot backlog that other messages may overtake. So after a power cut the
    /// CSMS sees StopTransaction(PowerLoss) before Finishing, and after an offline spell
    /// StopTransaction before Available, never a free connector with an open transaction.
    static func waitsForTransactionMessages(_ call: Outbox.Call, transactions: [TransactionRecord]) -> Bool {
        guard case .status(let connector, _) = call.purpose, connector > 0 else { return false }
        // Start undelivered: no transactionId yet. Stop undelivered: the record stays
        // until the StopTransaction is settled.
        return transactions.contains { $0.connector == connector && ($0.transactionId == nil || $0.stop != nil) }
    }

    /// `messageId`: the id it went with before, for a transaction message sent again
    /// after a lost link (`Outbox.resendIds`); else a new one.
    mutating func send(_ call: Outbox.Call, messageId given: String? = nil) {
        let messageId = given ?? ids.next()
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
        outbox.sent(call, messageId: messageId, at: now)
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
        guard let inFlight = outbox.settle(messageId: messageId) else {
            reportError("a response for message id '\(messageId ?? "")' arrived, but no such request is waiting")
            return
        }
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
        case .operatorCall:
            operatorCallAnswered(action, outcome)
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
