/// Delivery of transaction-related messages (OCPP 1.6 §3.7, §3.7.1, errata 3.18).
///
/// StartTransaction, StopTransaction and transaction MeterValues go into a durable
/// queue and leave it strictly in order, one at a time, whether the station is online,
/// offline or restarted in between. A CALLERROR (the central system's "failure to
/// process") or a timeout counts as a failed attempt: the message is sent again after
/// TransactionMessageRetryInterval × attempts so far, and dropped after
/// TransactionMessageAttempts. A message is only removed once answered, and the removal
/// is persisted before anything else happens, so nothing acknowledged is sent twice.
extension StationCore {
    /// Queues a request; `transactionId` is the id written in its payload, if any.
    mutating func enqueueTransactionMessage<R: OCPPRequest>(_ request: R, transaction: Int64, transactionId: Int? = nil)
    {
        do {
            let payload = try PayloadEncoder.encodeText(request)
            let (sequence, countersChange) = counters.takeQueueSequence()
            let message = QueuedMessage(
                sequence: sequence, action: R.action, transaction: transaction, payload: payload,
                payloadTransactionId: transactionId, attempts: 0, notBefore: nil)
            outbox.enqueue(transactionMessage: message, online: isOnline)
            persist(.queued(message))
            persist(countersChange)
            transactionQueueChanged()
        } catch {
            reportError("internal: cannot encode \(R.action): \(error)")
        }
    }

    /// Sends the queue's head, with the transactionId as known now: as stored when it
    /// was already known when queued (the common case), otherwise filled in.
    mutating func sendQueued(_ message: QueuedMessage) {
        var payload = message.payload
        let known = transactions.record(number: message.transaction)?.transactionId ?? -1
        let carriesTransactionId = message.action == .stopTransaction || message.action == .meterValues
        if carriesTransactionId, message.payloadTransactionId != known {
            guard case .object(var object) = try? JSONParser.parse(message.payload) else {
                reportError("internal: queued \(message.action) is unreadable; dropped")
                dequeue(message.sequence)
                return
            }
            object["transactionId"] = .number(JSONNumber(known))
            payload = JSONSerializer.serialize(.object(object))
        }
        send(
            Outbox.Call(
                action: message.action, payload: payload, purpose: .transactionMessage(sequence: message.sequence)),
            messageId: outbox.resendIds[message.sequence])
    }

    mutating func transactionMessageAnswered(sequence: Int64, action: Action, _ outcome: CallOutcome) {
        guard let message = outbox.transactionMessage(sequence: sequence) else { return }
        switch outcome {
        case .linkLost:
            return  // not an attempt: sent again once the link is back
        case .result(let payload):
            if processTransactionResponse(message, payload) {
                dequeue(sequence)
                return
            }
        case .error, .timeout:
            break
        }
        let allowed = config.int(.transactionMessageAttempts) ?? 3
        let delivery = outbox.failedDelivery(
            sequence: sequence, allowedAttempts: allowed,
            retryIntervalSeconds: config.int(.transactionMessageRetryInterval) ?? 60, at: now)
        switch delivery {
        case .exhausted(let failed):
            reportError("\(action) failed \(failed.attempts) times; dropped as OCPP 1.6 §3.7.1 allows")
            abandon(message)
            dequeue(sequence)
        case .retry(let failed, let wait):
            persist(.queued(failed))
            notice("\(action) will be sent again in \(wait) s (attempt \(failed.attempts + 1) of \(allowed))")
        case nil:
            break
        }
    }

    /// Applies a CALLRESULT; false when its payload does not fit (a failure to process).
    private mutating func processTransactionResponse(_ message: QueuedMessage, _ payload: JSONValue) -> Bool {
        switch message.action {
        case .startTransaction:
            guard let response = decodeResponse(StartTransactionResponse.self, payload) else { return false }
            startTransactionAnswered(transaction: message.transaction, response)
        case .stopTransaction:
            guard let response = decodeResponse(StopTransactionResponse.self, payload) else { return false }
            stopTransactionAnswered(transaction: message.transaction, response)
        case .securityEventNotification:
            guard decodeResponse(SecurityEventNotificationResponse.self, payload) != nil else { return false }
        default:
            guard decodeResponse(MeterValuesResponse.self, payload) != nil else { return false }
        }
        return true
    }

    /// The central system never took the message: what follows must still go out.
    private mutating func abandon(_ message: QueuedMessage) {
        let change: StoreChange? =
            switch message.action {
            case .startTransaction: transactions.startAbandoned(number: message.transaction)
            case .stopTransaction: transactions.forget(number: message.transaction)
            default: nil
            }
        if let change { persist(change) }
    }

    mutating func dequeue(_ sequence: Int64) {
        outbox.dequeue(sequence)
        persist(.dequeued(sequence: sequence))
        cancel(.transactionRetry)
        transactionQueueChanged()
        if resets.isPending { completeResetIfDelivered() }
    }
}
