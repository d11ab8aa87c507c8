/// Charging sessions: from an accepted idTag and a plugged cable to a transaction, and
/// from a stop to the cable's release (OCPP 1.6 §3.6, §4.8, §4.10, §9.1.6).
extension StationCore {
    /// Whether connector `index` can take a new session at all.
    func isUsable(_ index: Int) -> Bool {
        let record = connectors[index].record
        if let fault = record.fault, fault.faulted { return false }
        // A downloaded firmware waiting to install holds idle connectors (errata 3.49).
        return record.operative && station.record.operative && !(firmware?.holdsConnectors ?? false)
            && transactions.active(on: connectors[index].id) == nil
    }

    /// An idTag was accepted for `intent`.
    mutating func authorized(_ idTag: IdToken, info: IdTagInfo, for intent: AuthorizeIntent) {
        switch intent {
        case .start(let id), .remoteStart(let id):
            guard let index = index(of: id) else { return }
            guard isUsable(index) else {
                notice("\(idTag) accepted, but connector \(id) cannot charge now")
                authorizationRefused(idTag, for: intent)
                return
            }
            if let reservation = reservation(blocking: id, idTag: idTag, parent: info.parentIdTag) {
                notice("connector \(id) is reserved for another idTag (reservation \(reservation.id))")
                authorizationRefused(idTag, for: intent)
                return
            }
            connectors[index].prepare(idTag: idTag, parent: info.parentIdTag, at: now)
            notice("\(idTag) accepted on connector \(id)")
            if connectors[index].record.evConnected {
                startTransaction(index)
            } else {
                armConnectionTimeout(index)
                refreshStatus(id)
            }
        case .stop(let id):
            guard let transaction = transactions.active(on: id) else { return }
            if let parent = info.parentIdTag, let group = transaction.parentIdTag, parent.equalsIgnoringCase(group) {
                stopTransaction(connector: id, reason: .local, idTag: idTag)
            } else {
                notice("\(idTag) may not stop the transaction on connector \(id): not of the same group")
            }
        }
    }

    mutating func authorizationRefused(_ idTag: IdToken, for intent: AuthorizeIntent) {
        switch intent {
        case .start(let id):
            refreshStatus(id)
        case .remoteStart(let id):
            // The remote start made the connector Preparing while it asked: undone,
            // unless a cable waits there.
            guard let index = index(of: id), connectors[index].preparing?.idTag == nil else { return }
            if !connectors[index].isOccupied {
                connectors[index].endPreparing()
                cancel(.connectionTimeout(connector: id))
            }
            refreshStatus(id)
        case .stop:
            break
        }
    }

    mutating func armConnectionTimeout(_ index: Int) {
        let id = connectors[index].id
        guard let timeout = config.int(.connectionTimeOut), timeout > 0, let preparing = connectors[index].preparing
        else { return }
        schedule(.connectionTimeout(connector: id), at: preparing.since.adding(seconds: timeout))
    }

    /// ConnectionTimeOut ran out while Preparing (OCPP 1.6 §9.1.6, errata 3.20, 3.77).
    mutating func connectionTimedOut(connector id: Int) {
        guard let index = index(of: id), connectors[index].preparing != nil, transactions.active(on: id) == nil else {
            return
        }
        connectors[index].endPreparing()
        if connectors[index].isOccupied {
            // B6: plugged in but no card in time; Finishing, so that the next card does not
            // start on a cable somebody else left.
            connectors[index].finish()
            notice("connector \(id): no card presented within ConnectionTimeOut")
        } else {
            notice("connector \(id): the cable was not plugged in within ConnectionTimeOut")
        }
        persistConnector(index)
        refreshStatus(id)
    }

    /// Starts a transaction on connector `index`: Preparing with an accepted idTag and
    /// the EV connected (OCPP 1.6 §4.8).
    mutating func startTransaction(_ index: Int) {
        let id = connectors[index].id
        guard let preparing = connectors[index].preparing, let idTag = preparing.idTag, isUsable(index) else { return }
        guard !closingForQuit else {
            notice("connector \(id): no new transaction: the station is quitting (quit --stop)")
            return
        }
        if connectors[index].record.finishing {
            // F2: a new session from Finishing passes through Preparing.
            connectors[index].leaveFinishing()
            refreshStatus(id)
        }
        if connectors[index].hardware.hasLock {
            guard !connectors[index].record.lockBroken else {
                // OCTT TC_024: a lock that fails when locking faults the connector
                // (ConnectorLockFailure, Faulted) and no transaction starts.
                connectors[index].lockFailed()
                cancel(.connectionTimeout(connector: id))
                notice("connector \(id): the cable lock failed; the transaction is not started")
                persistConnector(index)
                refreshStatus(id)
                return
            }
            connectors[index].lock()
        }
        let reservationId = consumeReservation(connector: id, idTag: idTag, parent: preparing.parentIdTag)
        connectors[index].advanceMeter(to: now)
        let (number, countersChange) = counters.takeTransactionNumber()
        persist(countersChange)
        let meterStart = registerWh(index)
        transactions.begin(
            TransactionRecord(
                number: number, connector: id, idTag: idTag, parentIdTag: preparing.parentIdTag,
                meterStartWh: meterStart, startedAt: wallClock, reservationId: reservationId, transactionId: nil,
                stop: nil, transactionData: [], deauthorized: false))
        connectors[index].endPreparing()
        cancel(.connectionTimeout(connector: id))
        connectors[index].transactionBegan(at: now)
        collectBoundaryValues(index, context: .transactionBegin)
        if let change = transactions.persisting(number: number) { persist(change) }
        enqueueTransactionMessage(
            StartTransactionRequest(
                connectorId: id, idTag: idTag, meterStart: meterStart, reservationId: reservationId,
                timestamp: wallClock),
            transaction: number)
        if let profile = preparing.remoteProfile {
            installTransactionProfile(profile, connector: id, transaction: number)
        }
        applyChargingLimits()  // relative profiles start with the transaction
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        scheduleSampling(index)
        emit(.transaction(TransactionEvent(kind: .started, connector: id, transactionId: nil, idTag: idTag.value)))
        notice("connector \(id): transaction started for \(idTag)")
    }

    /// Errata 3.14 (§3.16.6): the first and last readings of every measurand configured
    /// for transactionData.
    private mutating func collectBoundaryValues(_ index: Int, context: ReadingContext, at time: Timestamp? = nil) {
        guard let transaction = transactions.active(on: connectors[index].id) else { return }
        var measurands = config.measurands(.stopTxnSampledData)
        for measurand in config.measurands(.stopTxnAlignedData) where !measurands.contains(measurand) {
            measurands.append(measurand)
        }
        guard let value = meterValue(index, measurands, context: context, at: time) else { return }
        transactions.appendBoundaryValue(value, number: transaction.number)
    }

    /// Stops the transaction on connector `id` (OCPP 1.6 §4.10). `time`: when it ended
    /// on the central system's clock, if not now (a power cut found at the next start).
    mutating func stopTransaction(connector id: Int, reason: Reason, idTag: IdToken?, at time: Timestamp? = nil) {
        guard let index = index(of: id), let transaction = transactions.active(on: id) else { return }
        connectors[index].advanceMeter(to: now)
        // Never before its start, whatever the clock did meanwhile.
        let stoppedAt = max(time ?? wallClock, transaction.startedAt)
        collectBoundaryValues(index, context: .transactionEnd, at: stoppedAt)
        let limit = max(2, config.int(.stopTransactionMaxMeterValues) ?? Int.max)
        let meterStop = max(transaction.meterStartWh, registerWh(index))
        let stop = TransactionRecord.Stop(meterStopWh: meterStop, at: stoppedAt, reason: reason, idTag: idTag)
        guard let stopped = transactions.stop(number: transaction.number, limit: limit, stop) else { return }
        // Finishing from this instant: anything recomputed below (limits, power) must
        // not see a connector that is merely occupied (Preparing).
        connectors[index].finish()
        persist(.transaction(stopped))
        let data = stopped.transactionData
        enqueueTransactionMessage(
            StopTransactionRequest(
                idTag: idTag, meterStop: meterStop, timestamp: stop.at, transactionId: transaction.transactionId ?? 0,
                reason: reason, transactionData: data.isEmpty ? nil : data),
            transaction: transaction.number, transactionId: transaction.transactionId)
        cancel(.sampledMeterValues(connector: id))
        connectors[index].samplingEnded()
        removeTransactionProfiles(transaction: transaction.number)
        // Between the two: the limits are recomputed without the sampling origin but
        // still with the EVSE block and the energy cap.
        applyChargingLimits()
        connectors[index].energyLimitsEnded()
        updatePower(index)
        emit(
            .transaction(
                TransactionEvent(
                    kind: .stopped, connector: id, transactionId: transaction.transactionId,
                    idTag: transaction.idTag.value, reason: reason)))
        // Every stop, whatever made it (a button, a card, the cable, the central system,
        // a reset, the power), says so and why (issue 12 §6).
        let number = transaction.transactionId.map { "transaction \($0)" } ?? "the transaction"
        let energy = Self.format(Double(meterStop - transaction.meterStartWh) / 1000, digits: 2)
        notice("connector \(id): \(number) stopped (\(reason.rawValue)), \(energy) kWh")
        releaseAfterSession(index, transaction: transaction, reason: reason)
        persistConnector(index)
        if resets.isPending { completeResetIfDelivered() }
    }

    /// After a stop: unlock the cable unless the rules keep it locked, and show Finishing
    /// while the user still has something to do (OCPP 1.6 §4.10, errata 3.5).
    private mutating func releaseAfterSession(_ index: Int, transaction: TransactionRecord, reason: Reason) {
        let id = connectors[index].id
        let keepLocked =
            reason == .deAuthorized
            || (reason == .evDisconnected && config.bool(.unlockConnectorOnEVSideDisconnect) != true)
        if connectors[index].record.locked {
            if keepLocked {
                connectors[index].keepLocked(for: transaction.idTag, parent: transaction.parentIdTag)
            } else {
                connectors[index].unlock()
            }
        }
        connectors[index].finish()
        refreshStatus(id)
        if !connectors[index].record.evConnected {
            leaveIfUnlocked(index)
        }
    }

    /// The EV is gone; once nothing holds the cable the user takes it: Available.
    mutating func leaveIfUnlocked(_ index: Int) {
        guard !connectors[index].record.evConnected, !connectors[index].record.locked,
            transactions.active(on: connectors[index].id) == nil
        else { return }
        connectors[index].cableTaken()
        refreshStatus(connectors[index].id)
    }

    /// StartTransaction.conf with a status other than Accepted (errata 3.17, §3.5.4): stop
    /// delivering energy, after MaxEnergyOnInvalidId if configured, and stop the
    /// transaction if StopTransactionOnInvalidId.
    mutating func deauthorize(_ index: Int, transaction: TransactionRecord) {
        let maxEnergy = Double(config.int(.maxEnergyOnInvalidId) ?? 0)
        connectors[index].advanceMeter(to: now)
        let delivered = connectors[index].record.meterWh - Double(transaction.meterStartWh)
        if maxEnergy > 0, delivered < maxEnergy {
            connectors[index].capEnergy(atWh: Double(transaction.meterStartWh) + maxEnergy)
            notice("connector \(connectors[index].id): idTag not accepted; \(Int(maxEnergy)) Wh still allowed")
            updatePower(index)
        } else {
            enforceInvalidIdTag(index)
        }
    }

    mutating func enforceInvalidIdTag(_ index: Int) {
        let id = connectors[index].id
        if config.bool(.stopTransactionOnInvalidId) == true {
            stopTransaction(connector: id, reason: .deAuthorized, idTag: nil)
        } else {
            connectors[index].blockEnergy("idTag not accepted by the central system")
            updatePower(index)
            refreshStatus(id)
        }
    }
}
