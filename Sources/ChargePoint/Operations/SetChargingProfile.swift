/// SetChargingProfile (OCPP 1.6 §5.16, §3.13, errata 3.37–3.39, 3.53, 3.56).
///
/// Rejected when: the connector does not exist; a ChargePointMaxProfile is not for
/// connector 0; a TxProfile has no running transaction on its connector (or names
/// another); the stack level exceeds ChargeProfileMaxStackLevel; the schedule breaks a
/// rule (`chargingScheduleProblem`); recurrencyKind is missing for, or used without, a
/// Recurring profile; or MaxChargingProfilesInstalled would be exceeded. A profile with
/// the same id, or the same purpose and stack level on the same connector, is replaced.
/// Profiles persist across reboots.
extension StationCore {
    mutating func setChargingProfile(_ request: SetChargingProfileRequest) -> SetChargingProfileResponse {
        let profile = request.csChargingProfiles
        let connector = request.connectorId
        func reject(_ reason: String) -> SetChargingProfileResponse {
            notice("SetChargingProfile \(profile.chargingProfileId) rejected: \(reason)")
            return SetChargingProfileResponse(status: .rejected)
        }
        guard connector == 0 || index(of: connector) != nil else { return reject("no connector \(connector)") }
        if let maximum = config.int(.chargeProfileMaxStackLevel), profile.stackLevel > maximum || profile.stackLevel < 0
        {
            return reject("stackLevel \(profile.stackLevel) is outside 0…\(maximum)")
        }
        if let problem = chargingScheduleProblem(profile.chargingSchedule) { return reject(problem) }
        if profile.chargingProfileKind == .recurring, profile.recurrencyKind == nil {
            return reject("a Recurring profile needs recurrencyKind")
        }
        if profile.chargingProfileKind != .recurring, profile.recurrencyKind != nil {
            return reject("recurrencyKind is only for Recurring profiles (errata 3.56)")
        }
        if let from = profile.validFrom, let to = profile.validTo, from >= to {
            return reject("validFrom is not before validTo")
        }
        var transaction: Int64?
        switch profile.chargingProfilePurpose {
        case .chargePointMaxProfile:
            guard connector == 0 else { return reject("a ChargePointMaxProfile is for connector 0") }
        case .txDefaultProfile:
            break
        case .txProfile:
            guard connector > 0, let running = transactions.active(on: connector) else {
                return reject("a TxProfile needs a running transaction on its connector (§5.16.4)")
            }
            if let id = profile.transactionId, id != running.transactionId {
                return reject("transaction \(id) is not running on connector \(connector)")
            }
            transaction = running.number
        }
        let installed = InstalledChargingProfile(connector: connector, profile: profile, transaction: transaction)
        let maximum = config.int(.maxChargingProfilesInstalled)
        guard let actions = chargingProfiles.install(installed, maximum: maximum) else {
            return reject("MaxChargingProfilesInstalled (\(maximum ?? 0)) reached")
        }
        apply(actions)
        return SetChargingProfileResponse(status: .accepted)
    }
}
