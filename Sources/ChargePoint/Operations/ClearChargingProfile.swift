/// ClearChargingProfile (OCPP 1.6 §5.5, errata 3.25, 3.26): by id (the other fields
/// then do not matter), or every profile matching all the criteria given (connector,
/// purpose, stack level); Accepted if any was removed, Unknown if none matched.
extension StationCore {
    mutating func clearChargingProfile(_ request: ClearChargingProfileRequest) -> ClearChargingProfileResponse {
        let matching = chargingProfiles.filter { installed in
            if let id = request.id { return installed.profile.chargingProfileId == id }
            if let connector = request.connectorId, installed.connector != connector { return false }
            if let purpose = request.chargingProfilePurpose, installed.profile.chargingProfilePurpose != purpose {
                return false
            }
            if let level = request.stackLevel, installed.profile.stackLevel != level { return false }
            return true
        }
        guard !matching.isEmpty else { return ClearChargingProfileResponse(status: .unknown) }
        for installed in matching {
            chargingProfiles.removeAll { $0.profile.chargingProfileId == installed.profile.chargingProfileId }
            persist(.chargingProfileRemoved(id: installed.profile.chargingProfileId))
        }
        notice("\(matching.count) charging profile\(matching.count == 1 ? "" : "s") cleared")
        applyChargingLimits()
        return ClearChargingProfileResponse(status: .accepted)
    }
}
