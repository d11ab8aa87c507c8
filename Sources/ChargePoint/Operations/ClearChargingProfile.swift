/// ClearChargingProfile (OCPP 1.6 §5.5, errata 3.25, 3.26): by id (the other fields
/// then do not matter), or every profile matching all the criteria given (connector,
/// purpose, stack level); Accepted if any was removed, Unknown if none matched.
extension StationCore {
    mutating func clearChargingProfile(_ request: ClearChargingProfileRequest) -> ClearChargingProfileResponse {
        guard let actions = chargingProfiles.clear(request) else {
            return ClearChargingProfileResponse(status: .unknown)
        }
        apply(actions)
        return ClearChargingProfileResponse(status: .accepted)
    }
}
