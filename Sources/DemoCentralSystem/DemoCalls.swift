import ChargePoint

/// The CALLs of the demo central system (OCPP 1.6 chapter 5), one for each
/// `CentralSystemCommand`, built from what the central system knows: the transaction on
/// a connector, the next list version, reservation and charging profile ids, the files
/// it serves. Each one is remembered until the station answers (`receive`), the station
/// goes away (`disconnected`) or the timeout passes (`expire`).
extension DemoCentralSystem {
    /// The CALL for `command` to `station`, or why there is none.
    public mutating func call(_ command: CentralSystemCommand, to station: String, at now: Timestamp)
        throws(CentralSystemRefusal) -> DemoCall
    {
        if case .send(let name, let text) = command { return try send(name, text, to: station, at: now) }
        return try call(try request(for: command, station: station, at: now), to: station, at: now)
    }

    /// The CALL of a typed request.
    mutating func call(_ request: any OCPPRequest, to station: String, at now: Timestamp)
        throws(CentralSystemRefusal) -> DemoCall
    {
        let id = "cs-\(nextCallId)"
        func frame<R: OCPPRequest>(_ request: R) throws(PayloadViolation) -> String { try Frame.call(id, request).text }
        let text: String
        do {
            text = try frame(request)
        } catch {
            throw CentralSystemRefusal("\(type(of: request).action.rawValue) not sent: \(error.description)")
        }
        nextCallId += 1
        pending[id] = PendingCall(station: station, request: request, sentAt: now)
        return DemoCall(messageId: id, frame: text)
    }

    /// `csms send <Action> <json>`: a CALL of the central system (or DataTransfer), its
    /// payload checked against the action's schema (the engine's decoder, which enforces
    /// the official schemas) and sent as written.
    private mutating func send(_ name: String, _ text: String, to station: String, at now: Timestamp)
        throws(CentralSystemRefusal) -> DemoCall
    {
        guard let action = Action(caseInsensitive: name) else {
            throw CentralSystemRefusal("send: \(name) is no OCPP 1.6 action")
        }
        guard action.initiator != .chargePoint else {
            throw CentralSystemRefusal("send: \(action.rawValue) is sent by the station, not the central system")
        }
        func decode<R: OCPPRequest>(_ type: R.Type, _ payload: JSONValue) throws -> any OCPPRequest {
            try PayloadDecoder.decode(type, from: payload)
        }
        let payload: JSONValue
        let request: any OCPPRequest
        do {
            payload = try JSONParser.parse(text)
            request = try decode(action.requestType, payload)
        } catch {
            throw CentralSystemRefusal("send: \(action.rawValue) not sent: \(error)")
        }
        let id = "cs-\(nextCallId)"
        nextCallId += 1
        pending[id] = PendingCall(station: station, request: request, sentAt: now)
        return DemoCall(
            messageId: id, frame: Frame.call(Frame.Call(messageId: id, action: action.rawValue, payload: payload)).text)
    }

    private mutating func request(for command: CentralSystemCommand, station: String, at now: Timestamp)
        throws(CentralSystemRefusal) -> any OCPPRequest
    {
        switch command {
        case .reset(let type):
            return ResetRequest(type: type)
        case .availability(let connector, let type):
            return ChangeAvailabilityRequest(connectorId: connector, type: type)
        case .unlock(let connector):
            return UnlockConnectorRequest(connectorId: connector)
        case .getConfiguration(let keys):
            var bounded: [CiString50] = []
            for key in keys { bounded.append(try Self.bounded(key, "key")) }
            return GetConfigurationRequest(key: keys.isEmpty ? nil : bounded)
        case .setConfiguration(let key, let value):
            return ChangeConfigurationRequest(
                key: try Self.bounded(key, "key"), value: try Self.bounded(value, "value"))
        case .clearCache:
            return ClearCacheRequest()
        case .trigger(let message, let connector):
            return TriggerMessageRequest(requestedMessage: message, connectorId: connector)
        case .remoteStart(let idTag, let connector, let limit):
            // OCPP 1.6 §5.11: a TxProfile, without transactionId; relative to the start.
            var txProfile: ChargingProfile?
            if let limit { txProfile = profile(.txProfile, limit, start: nil) }
            return RemoteStartTransactionRequest(
                connectorId: connector, idTag: try Self.bounded(idTag, "idTag"), chargingProfile: txProfile)
        case .remoteStop(let number):
            return RemoteStopTransactionRequest(transactionId: try transaction(stoppedBy: number, station: station))
        case .limit(let connector, let limit, let seconds):
            // §3.13.2: a TxProfile belongs to a running transaction; without one, the
            // connector's default for the next (TxDefaultProfile).
            let transaction = records.running(on: connector, of: station)
            let purpose: ChargingProfilePurposeType = transaction == nil ? .txDefaultProfile : .txProfile
            return SetChargingProfileRequest(
                connectorId: connector,
                csChargingProfiles: profile(purpose, limit, transaction: transaction, seconds: seconds, start: now))
        case .stationLimit(let kilowatts):
            // §3.13.1: the station's own limit, on connector 0.
            return SetChargingProfileRequest(
                connectorId: 0,
                csChargingProfiles: profile(.chargePointMaxProfile, PowerOrCurrent(kilowatts, .watts), start: now))
        case .clearLimits:
            return ClearChargingProfileRequest()
        case .composite(let connector, let seconds):
            return GetCompositeScheduleRequest(connectorId: connector, duration: seconds)
        case .reserve(let connector, let idTag, let seconds):
            defer { records.nextReservationId += 1 }
            return ReserveNowRequest(
                connectorId: connector, expiryDate: now.adding(seconds: seconds),
                idTag: try Self.bounded(idTag, "idTag"),
                parentIdTag: idTagInfo(idTag, station: station).parentIdTag, reservationId: records.nextReservationId)
        case .cancelReservation(let id):
            return CancelReservationRequest(reservationId: id)
        case .localList(let type, let entries):
            return try localList(type, entries, station: station)
        case .dataTransfer(let vendorId, let messageId, let data):
            var bounded: CiString50?
            if let messageId { bounded = try Self.bounded(messageId, "messageId") }
            return DataTransferRequest(vendorId: try Self.bounded(vendorId, "vendorId"), messageId: bounded, data: data)
        case .updateFirmware(let version):
            return UpdateFirmwareRequest(location: try files.offer(version), retrieveDate: now)
        case .getDiagnostics:
            return GetDiagnosticsRequest(location: files.uploadLocation)
        case .send:
            preconditionFailure("send is sent as written")
        }
    }

    /// What `remote-stop <number>` stops (§5.12): a number that is one of the station's
    /// connectors means that connector's running transaction only (an error when none
    /// runs there, never another connector's); any other number is a transactionId.
    private func transaction(stoppedBy number: Int, station: String) throws(CentralSystemRefusal) -> Int {
        let running = records.running(on: number, of: station)
        guard running != nil || records.connectors[station]?.contains(number) == true else { return number }
        guard let running else { throw CentralSystemRefusal("no transaction runs on connector \(number)") }
        return running
    }

    /// A profile of one period at `limit`, the next profile id, stack level `stackLevel`
    /// (a new one replaces the last of its purpose and level, §3.13.2); absolute from
    /// `start`, or relative.
    mutating func profile(
        _ purpose: ChargingProfilePurposeType, _ limit: PowerOrCurrent, transaction: Int? = nil, seconds: Int? = nil,
        start: Timestamp?, stackLevel: Int = 0
    ) -> ChargingProfile {
        defer { records.nextProfileId += 1 }
        let schedule = ChargingSchedule(
            duration: seconds, startSchedule: start, chargingRateUnit: limit.unit,
            chargingSchedulePeriod: [ChargingSchedulePeriod(startPeriod: 0, limit: limit.rate)])
        return ChargingProfile(
            chargingProfileId: records.nextProfileId, transactionId: transaction, stackLevel: stackLevel,
            chargingProfilePurpose: purpose, chargingProfileKind: start == nil ? .relative : .absolute,
            chargingSchedule: schedule)
    }

    /// SendLocalList (§5.15) with the next version: `idTag` (its demo card's status, else
    /// Accepted), `idTag:Status`, and in a differential update `-idTag` (removed).
    private func localList(_ type: UpdateType, _ words: [String], station: String)
        throws(CentralSystemRefusal) -> SendLocalListRequest
    {
        var entries: [AuthorizationData] = []
        for word in words {
            if word.hasPrefix("-") {
                guard type == .differential else {
                    throw CentralSystemRefusal("'\(word)': only a diff removes an idTag")
                }
                entries.append(AuthorizationData(idTag: try Self.bounded(String(word.dropFirst()), "idTag")))
                continue
            }
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            let idTag = parts.first ?? word
            var info = idTagInfo(idTag, station: station)
            if cards.allSatisfy({ !CaseInsensitive.equal($0.idTag.value, idTag) }) {
                info = IdTagInfo(status: .accepted)
            }
            if parts.count > 1 {
                guard
                    let status = AuthorizationStatus.allCases.first(where: {
                        CaseInsensitive.equal($0.rawValue, parts[1])
                    })
                else {
                    let statuses = AuthorizationStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CentralSystemRefusal("'\(parts[1])' is no authorization status: \(statuses)")
                }
                info.status = status
            }
            entries.append(AuthorizationData(idTag: try Self.bounded(idTag, "idTag"), idTagInfo: info))
        }
        let version = (records.localLists[station]?.version ?? 0) + 1
        return SendLocalListRequest(listVersion: version, localAuthorizationList: entries, updateType: type)
    }

    private static func bounded<Bound>(_ text: String, _ what: String) throws(CentralSystemRefusal)
        -> BoundedString<Bound>
    {
        guard let value = BoundedString<Bound>(text) else {
            // Not the text itself: it may be a secret key's value (AuthorizationKey).
            throw CentralSystemRefusal(
                "\(what) is \(text.count) characters, longer than the \(Bound.maximumLength) allowed")
        }
        return value
    }
}
