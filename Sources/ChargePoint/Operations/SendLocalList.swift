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
        var list = localList
        switch request.updateType {
        case .full:
            list = LocalAuthorizationList(version: request.listVersion)
            for entry in entries {
                if let info = entry.idTagInfo { list.entries[LocalAuthorizationList.key(entry.idTag)] = info }
            }
        case .differential:
            guard request.listVersion > localList.version else {
                return SendLocalListResponse(status: .versionMismatch)
            }
            list.version = request.listVersion
            for entry in entries {
                list.entries[LocalAuthorizationList.key(entry.idTag)] = entry.idTagInfo
            }
        }
        if let limit = config.int(.localAuthListMaxLength), list.entries.count > limit {
            notice(
                "SendLocalList refused: the list would hold \(list.entries.count) entries, LocalAuthListMaxLength is \(limit)"
            )
            return SendLocalListResponse(status: .failed)
        }
        localList = list
        persist(.localList(list))
        for key in list.entries.keys where cache[key] != nil {
            cache[key] = nil
            persist(.cacheEntryRemoved(idTag: key))
        }
        notice("local authorization list version \(list.version): \(list.entries.count) entries")
        return SendLocalListResponse(status: .accepted)
    }
}
