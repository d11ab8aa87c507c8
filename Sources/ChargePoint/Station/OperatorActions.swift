/// The operator's hands on the station (DESIGN.md "Operator commands"): the hardware
/// actions (cable, card, button, EV, faults) and the local commands. A command that
/// cannot apply gets one `.error` event and changes nothing.
extension StationCore {
    mutating func perform(_ command: StationCommand) {
        if refusedWhileRebooting(command), let until = resets.rebootingUntil {
            reportError("the station is rebooting: back in \(max(1, (now.milliseconds(until: until) + 999) / 1000)) s")
            return
        }
        switch command {
        case .plug(let connector): plug(connector)
        case .unplug(let connector): unplug(connector)
        case .swipe(let idTag, let connector): swipe(idTag, connector: connector)
        case .stop(let connector): pressStop(connector)
        case .evSuspend(let connector): setEVSuspended(connector, true)
        case .evResume(let connector): setEVSuspended(connector, false)
        case .evPower(let connector, let kilowatts): setEVPower(connector, kilowatts)
        case .fault(let connector, let code, let info): raiseFault(connector, code, info: info)
        case .clear(let connector): clearFault(connector)
        case .lockJam(let connector): setLockJammed(connector, true)
        case .lockFree(let connector): setLockJammed(connector, false)
        case .offline: goOffline()
        case .online: goOnline()
        case .reset(let type): resetRequested(type)
        case .configGet(let keys): emit(.configuration(config.entries(named: keys)))
        case .configSet(let key, let value): operatorSetConfiguration(key, value)
        case .dataTransfer(let vendorId, let messageId, let data):
            sendDataTransfer(vendorId: vendorId, messageId: messageId, data: data)
        case .probe(let probe): send(probe)
        case .stopAllTransactions:
            closingForQuit = true
            let running = transactions.running.map(\.connector)
            for id in running { stopTransaction(connector: id, reason: .local, idTag: nil) }
            if running.isEmpty { notice("no transaction to stop") }
        case .status: reportSnapshot()
        case .certificates: emit(.certificates(certificateReport))
        case .clearSecurityLog: clearSecurityLog()
        case .tamper: securityEvent(.tamperDetectionActivated, "the tamper sensor tripped")
        case .toggle(let toggle, let connector): perform(self.toggled(toggle, connector: connector))
        case .toggleOffline: perform(link.heldOffline ? .online : .offline)
        }
    }

    /// The command a toggle stands for, from the connector's state now.
    private func toggled(_ toggle: StationCommand.Toggle, connector id: Int) -> StationCommand {
        let record = index(of: id).map { connectors[$0].record }
        switch toggle {
        case .plug: return record?.evConnected == true ? .unplug(connector: id) : .plug(connector: id)
        case .evSuspended:
            return record?.ev?.suspended == true ? .evResume(connector: id) : .evSuspend(connector: id)
        case .lockJam: return record?.lockBroken == true ? .lockFree(connector: id) : .lockJam(connector: id)
        }
    }

    /// `status`: the snapshot, with the registers it shows saved in the same batch, so
    /// that no later power cut reports less than a `status` showed (docs/persistence.md).
    private mutating func reportSnapshot() {
        for index in connectors.indices where connectors[index].powerW > 0 {
            connectors[index].advanceMeter(to: now)
            persistConnector(index)
        }
        emit(.snapshot(snapshot))
    }

    /// The index of connector `id`, or an error event naming the valid range.
    private mutating func checkedConnector(_ id: Int) -> Int? {
        if let index = index(of: id) { return index }
        reportError(
            "connector \(id) does not exist; this station has connector\(connectors.count == 1 ? " 1" : "s 1–\(connectors.count)")"
        )
        return nil
    }

    private mutating func plug(_ id: Int) {
        guard let index = checkedConnector(id) else { return }
        guard !connectors[index].record.evConnected else {
            reportError("connector \(id) already has an EV plugged in")
            return
        }
        connectors[index].plugIn(defaults: profile.ev)
        notice("connector \(id): EV plugged in")
        if transactions.active(on: id) != nil {
            updatePower(index)  // the EV side reconnected during a transaction
        } else if connectors[index].preparing?.idTag != nil {
            startTransaction(index)  // identification first (OCPP 1.6 §4.9 A2, B3)
        } else if isUsable(index) {
            connectors[index].leaveFinishing()
            connectors[index].beginPreparing(at: now)
            armConnectionTimeout(index)
        }
        persistConnector(index)
        refreshStatus(id)
    }

    private mutating func unplug(_ id: Int) {
        guard let index = checkedConnector(id) else { return }
        guard connectors[index].record.evConnected else {
            reportError("no EV is plugged in at connector \(id)")
            return
        }
        connectors[index].unplugEV()
        notice("connector \(id): cable unplugged at the EV")
        if transactions.active(on: id) != nil {
            // OCPP 1.6 §4.10, §9.1.23: stop, or keep the transaction with the EV away.
            if config.bool(.stopTransactionOnEVSideDisconnect) ?? true {
                stopTransaction(connector: id, reason: .evDisconnected, idTag: nil)
            } else {
                updatePower(index)
                notice(
                    "connector \(id): the transaction goes on without the EV (StopTransactionOnEVSideDisconnect false)")
            }
        } else {
            connectors[index].endPreparing()
            cancel(.connectionTimeout(connector: id))
            leaveIfUnlocked(index)
        }
        persistConnector(index)
        refreshStatus(id)
    }

    private mutating func swipe(_ text: String, connector requested: Int?) {
        guard let idTag = IdToken(text), !text.isEmpty else {
            reportError("an idTag is 1 to 20 characters (OCPP 1.6 §7.28); '\(text)' is not")
            return
        }
        let id: Int
        if let requested {
            guard checkedConnector(requested) != nil else { return }
            id = requested
        } else if connectors.count == 1 {
            id = connectors[0].id
        } else if let transaction = transactions.running.first(where: { $0.idTag.equalsIgnoringCase(idTag) }) {
            id = transaction.connector
        } else {
            let waiting = connectors.filter {
                $0.record.evConnected && $0.preparing != nil && $0.preparing?.idTag == nil
            }
            guard waiting.count == 1 else {
                reportError(
                    "this station has \(connectors.count) connectors: say which one, 'swipe \(text) <connector>'")
                return
            }
            id = waiting[0].id
        }
        present(idTag, at: id)
    }

    /// A card at the reader of connector `id` (OCPP 1.6 §3.4, §4.1, §4.9).
    mutating func present(_ idTag: IdToken, at id: Int) {
        guard let index = index(of: id) else { return }
        notice("card \(idTag) presented at connector \(id)")
        if let transaction = transactions.active(on: id) {
            if transaction.idTag.equalsIgnoringCase(idTag) {
                // The same card stops it, without an Authorize.req (§3.4).
                stopTransaction(connector: id, reason: .local, idTag: idTag)
            } else {
                authorize(idTag, for: .stop(connector: id))
            }
            return
        }
        if let holder = connectors[index].lockedFor {
            let sameGroup =
                holder.parent != nil && knownParentIdTag(idTag).map { holder.parent!.equalsIgnoringCase($0) } == true
            if holder.idTag.equalsIgnoringCase(idTag) || sameGroup {
                connectors[index].unlock()
                leaveIfUnlocked(index)
                persistConnector(index)
                notice("connector \(id) unlocked for \(idTag)")
                return
            }
        }
        if let preparing = connectors[index].preparing, let accepted = preparing.idTag {
            if accepted.equalsIgnoringCase(idTag) {
                // A second presentation ends the intended use (B1).
                connectors[index].endPreparing()
                if connectors[index].record.evConnected { connectors[index].beginPreparing(at: now) }
                if connectors[index].preparing == nil { cancel(.connectionTimeout(connector: id)) }
                notice("connector \(id): session cancelled by a second presentation of \(idTag)")
                refreshStatus(id)
            } else {
                notice("connector \(id) is already prepared for \(accepted)")
            }
            return
        }
        guard isUsable(index) else {
            notice("connector \(id) is \(currentStatus(of: id).status.rawValue): it cannot charge now")
            return
        }
        if let reservation = reservation(blocking: id, idTag: idTag, parent: nil), reservation.parentIdTag == nil {
            notice("connector \(id) is reserved for another idTag (reservation \(reservation.id))")
            return
        }
        authorize(idTag, for: .start(connector: id))
    }

    private mutating func pressStop(_ id: Int) {
        guard let index = checkedConnector(id) else { return }
        if transactions.active(on: id) != nil {
            stopTransaction(connector: id, reason: .local, idTag: nil)
        } else if connectors[index].preparing != nil {
            connectors[index].endPreparing()
            cancel(.connectionTimeout(connector: id))
            if connectors[index].record.evConnected { connectors[index].finish() }
            notice("connector \(id): session cancelled")
            persistConnector(index)
            refreshStatus(id)
        } else {
            reportError("nothing to stop at connector \(id)")
        }
    }

    private mutating func setEVSuspended(_ id: Int, _ suspended: Bool) {
        guard let index = checkedConnector(id) else { return }
        guard connectors[index].record.evConnected, connectors[index].record.ev != nil else {
            reportError("no EV is plugged in at connector \(id)")
            return
        }
        connectors[index].advanceMeter(to: now)
        connectors[index].setEVSuspended(suspended)
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        notice("connector \(id): the EV \(suspended ? "stops" : "resumes") drawing power")
    }

    private mutating func setEVPower(_ id: Int, _ kilowatts: Double) {
        guard let index = checkedConnector(id) else { return }
        guard kilowatts > 0, kilowatts <= 1000 else {
            reportError("an EV draws more than 0 and at most 1000 kW")
            return
        }
        guard connectors[index].record.ev != nil, connectors[index].record.evConnected else {
            // A tester sets the car up first, then plugs it in.
            connectors[index].setNextEVMaxPower(kilowatts * 1000)
            persistConnector(index)
            let held =
                kilowatts * 1000 > ratingW(index)
                ? "; the connector's rating holds the draw to \(Self.format(ratingW(index) / 1000, digits: 1)) kW" : ""
            notice(
                "connector \(id): the next EV plugged in draws at most \(Self.format(kilowatts, digits: 1)) kW\(held)")
            return
        }
        connectors[index].advanceMeter(to: now)
        connectors[index].setEVMaxPower(kilowatts * 1000)
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        emitMeter(index)
        // The EV keeps the maximum it was given; the connector never delivers above its
        // rating (ConnectorRating.swift), so say what the draw is held to.
        let rating = ratingW(index)
        if kilowatts * 1000 > rating {
            // The fact first (issue 12 §6): the feedback line may have room for no more.
            let hardware = connectors[index].hardware
            let amperes = Self.format(hardware.maxCurrent, digits: 0)
            let maximum = Self.format(hardware.maxPowerW / 1000, digits: 1)
            notice(
                "connector \(id): EV max \(Self.format(kilowatts, digits: 1)) kW capped to "
                    + "\(Self.format(rating / 1000, digits: 1)) kW by the connector's rating (\(amperes) A, \(maximum) kW)"
            )
        } else {
            notice("connector \(id): the EV draws at most \(Self.format(kilowatts, digits: 1)) kW")
        }
    }

    /// `lock jam` / `lock free`: the mechanism of a socket's cable lock fails or works
    /// again. Jammed, a session that starts there faults the connector with
    /// ConnectorLockFailure and starts no energy transfer (OCTT TC_024) and
    /// UnlockConnector answers UnlockFailed (TC_030); freed, that fault clears.
    private mutating func setLockJammed(_ id: Int, _ jammed: Bool) {
        guard let index = checkedConnector(id) else { return }
        guard connectors[index].hardware.hasLock else {
            reportError("connector \(id) has no cable lock (a fixed cable)")
            return
        }
        guard connectors[index].record.lockBroken != jammed else {
            reportError("the cable lock of connector \(id) is \(jammed ? "already jammed" : "not jammed")")
            return
        }
        if jammed {
            connectors[index].lockJammed()
        } else {
            connectors[index].lockFreed()
            // An unlock that failed while jammed (after a session) happens now, unless
            // the rules keep the cable locked for its user (lockedFor).
            if connectors[index].record.locked, transactions.active(on: id) == nil, connectors[index].lockedFor == nil {
                connectors[index].unlock()
                leaveIfUnlocked(index)
            }
        }
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        notice(
            jammed
                ? "connector \(id): the cable lock is jammed: it will neither lock nor unlock"
                : "connector \(id): the cable lock works again")
    }

    private mutating func raiseFault(_ id: Int, _ code: ChargePointErrorCode, info: String?) {
        guard code != .noError else {
            reportError("NoError is not a fault; use 'clear \(id)'")
            return
        }
        let detail = info.map { " (\($0))" } ?? ""
        if id == 0 {
            persist(.connector(station.raiseFault(code, info: info)))
            refreshStatus(0)
            notice("station: \(code.rawValue)\(detail) raised on connector 0; 'clear 0' clears it")
            return
        }
        guard let index = checkedConnector(id) else { return }
        if code == .connectorLockFailure {
            guard connectors[index].hardware.hasLock else {
                reportError("connector \(id) has no cable lock to fail")
                return
            }
            connectors[index].lockJammed()
        } else {
            connectors[index].raiseFault(code, info: info)
            if code.faultsConnector {
                endReservations(onConnector: id, reason: "the connector is faulted")
            }
        }
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        let effect =
            code == .connectorLockFailure
            ? "the cable lock is jammed" : code.faultsConnector ? "Faulted, no charging" : "a warning, it keeps working"
        notice("connector \(id): \(code.rawValue)\(detail) raised: \(effect) until 'clear \(id)'")
    }

    private mutating func clearFault(_ id: Int) {
        if id == 0 {
            let code = station.record.fault?.code
            guard let cleared = station.clearFault() else {
                reportError("the station has no fault to clear")
                return
            }
            persist(.connector(cleared))
            refreshStatus(0)
            notice("station: \(code?.rawValue ?? "fault") cleared")
            return
        }
        guard let index = checkedConnector(id) else { return }
        guard connectors[index].record.fault != nil || connectors[index].record.lockBroken else {
            reportError("connector \(id) has no fault to clear")
            return
        }
        let code = connectors[index].record.fault?.code ?? .connectorLockFailure
        connectors[index].clearFaults()
        updatePower(index)
        persistConnector(index)
        refreshStatus(id)
        notice("connector \(id): \(code.rawValue) cleared")
    }

    private mutating func operatorSetConfiguration(_ name: String, _ value: String) {
        let (status, reason) = changeConfiguration(name, to: value)
        let key = Self.displayName(ofKey: name)
        // Accepted, the value as stored (list items in their canonical spelling).
        let stored =
            status == .accepted || status == .rebootRequired
            ? StandardKey(name: name).flatMap { config.value($0) } ?? value : value
        let shown = SecretMasking.displayValue(stored, forKey: key)
        switch status {
        case .accepted: notice("\(key) = \(shown)")
        case .rebootRequired: notice("\(key) = \(shown) (takes effect after a reboot)")
        case .rejected, .notSupported: reportError("\(key) = \(shown) refused: \(reason ?? status.rawValue)")
        }
    }
}
