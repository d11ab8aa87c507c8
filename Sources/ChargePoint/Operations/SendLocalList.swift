/// SendLocalList (OCPP 1.6 §5.15, §3.5.2, errata 3.52).
///
/// Full: the list is replaced. Differential: entries with an IdTagInfo are added or
/// updated, entries without one removed; a version not newer than the current one is a
/// VersionMismatch. More entries than SendLocalListMaxLength in one request, or a list
/// growing beyond LocalAuthListMaxLength, or a version of 0 or below, is Failed.
/// idTags on the list leave the authorization cache (§3.5.3).
extension StationCore {
    mutating func sendLocalList(_ request: SendLocalListRequest) -> SendLocalListResponse {
        let entries = request.localAuthorizationList ?? []
        guard request.listVersion > 0 else {
            notice("SendLocalList refused: listVersion must be positive (errata 3.52)")
            return SendLocalListResponse(status: .failed)
        }
        if let limit = config.int(.sendLocalListMaxLength), entries.count > limit {
            notice("SendLocalList refused: \(entries.count) entries, SendLocalListMaxLength is \(limit)")
            return SendLocalListResponse(status: .failed)
        }
        let (status, actions) = authorization.update(with: request, maxLength: config.int(.localAuthListMaxLength))
        apply(actions)
        return SendLocalListResponse(status: status)
    }
}
