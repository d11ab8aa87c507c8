/// The local sources of authorization (OCPP 1.6 §3.5), and the one owner of them: the
/// Local Authorization List and the Authorization Cache.
///
/// The list has priority over the cache (§3.5.3). The store decides; each mutating
/// method returns the `Action`s that must follow, in order, and
/// `StationCore.apply(_:)` carries them out. Whether each source is enabled is the
/// configuration's, so it comes with every question.
struct AuthorizationStore: Sendable {
    /// What must happen after a change to the local sources.
    enum Action: Sendable, Equatable {
        case persist(StoreChange)
        case notice(String)
        /// The central system's verdict contradicts the local list (§3.5.2).
        case reportLocalListConflict(IdToken)
    }

    /// Whether each source is enabled now (LocalAuthListEnabled with the Local Auth List
    /// Management profile; AuthorizationCacheEnabled).
    struct Sources: Sendable {
        var localList: Bool
        var cache: Bool
    }

    /// Keyed by the folded idTag (`IdToken.folded`): an idTag is case insensitive (§7.28).
    private(set) var cache: [String: AuthorizationCacheEntry]
    private(set) var localList: LocalAuthorizationList

    /// §3.5.1: how many idTags the cache holds at most.
    static let cacheCapacity = 1000

    init(cache: [AuthorizationCacheEntry], localList: LocalAuthorizationList) {
        self.cache = Dictionary(cache.map { ($0.idTag.folded, $0) }, uniquingKeysWith: { $1 })
        self.localList = localList
    }

    /// The cache's entries in the order they are stored.
    var cacheEntries: [AuthorizationCacheEntry] {
        cache.values.sorted { $0.idTag.value < $1.idTag.value }
    }

    func lookUp(_ idTag: IdToken, in sources: Sources, at wallClock: Timestamp) -> LocalAuthorization {
        let key = idTag.folded
        if sources.localList, let info = localList.entries[key] {
            return Self.judge(info, fromList: true, at: wallClock)
        }
        if sources.cache, let entry = cache[key] {
            return Self.judge(entry.info, fromList: false, at: wallClock)
        }
        return .unknown
    }

    private static func judge(_ info: IdTagInfo, fromList: Bool, at wallClock: Timestamp) -> LocalAuthorization {
        var info = info
        if let expiry = info.expiryDate, expiry <= wallClock { info.status = .expired }
        return info.status == .accepted || info.status == .concurrentTx
            ? .valid(info) : .invalid(info, fromList: fromList)
    }

    /// Updates the cache with an IdTagInfo from Authorize.conf, StartTransaction.conf or
    /// StopTransaction.conf, unless the idTag is in the local list (§3.5.1, §3.5.3).
    mutating func remember(_ idTag: IdToken, _ info: IdTagInfo, in sources: Sources, at wallClock: Timestamp)
        -> [Action]
    {
        let key = idTag.folded
        if sources.localList, let listed = localList.entries[key] {
            if case .valid = Self.judge(listed, fromList: true, at: wallClock), info.status != .accepted,
                info.status != .concurrentTx
            {
                return [.reportLocalListConflict(idTag)]
            }
            return []
        }
        guard sources.cache else { return [] }
        let entry = AuthorizationCacheEntry(idTag: idTag, info: info, updatedAt: wallClock)
        cache[key] = entry
        return [.persist(.cacheEntry(entry))] + evictFromCacheIfFull()
    }

    /// §3.5.1: when full, remove NOT-valid entries first, then the oldest valid ones.
    private mutating func evictFromCacheIfFull() -> [Action] {
        guard cache.count > Self.cacheCapacity else { return [] }
        let ordered = cache.values.sorted { lhs, rhs in
            let lhsValid = lhs.info.status == .accepted
            let rhsValid = rhs.info.status == .accepted
            if lhsValid != rhsValid { return !lhsValid }
            return lhs.updatedAt < rhs.updatedAt
        }
        var actions: [Action] = []
        for entry in ordered.prefix(cache.count - Self.cacheCapacity) {
            cache[entry.idTag.folded] = nil
            actions.append(.persist(.cacheEntryRemoved(idTag: entry.idTag.value)))
        }
        return actions
    }

    /// ClearCache (§5.4): the cache is emptied.
    mutating func clearCache() -> [Action] {
        cache.removeAll()
        return [.persist(.cacheCleared), .notice("the authorization cache was cleared")]
    }

    /// SendLocalList (§5.15, §3.5.2, errata 3.52): the new list, checked against
    /// LocalAuthListMaxLength (`maxLength`); idTags on the list leave the cache (§3.5.3).
    mutating func update(with request: SendLocalListRequest, maxLength: Int?)
        -> (status: UpdateStatus, actions: [Action])
    {
        let entries = request.localAuthorizationList ?? []
        var list = localList
        switch request.updateType {
        case .full:
            list = LocalAuthorizationList(version: request.listVersion)
            for entry in entries {
                if let info = entry.idTagInfo { list.entries[LocalAuthorizationList.key(entry.idTag)] = info }
            }
        case .differential:
            guard request.listVersion > localList.version else { return (.versionMismatch, []) }
            list.version = request.listVersion
            for entry in entries {
                list.entries[LocalAuthorizationList.key(entry.idTag)] = entry.idTagInfo
            }
        }
        if let maxLength, list.entries.count > maxLength {
            return (
                .failed,
                [
                    .notice(
                        "SendLocalList refused: the list would hold \(list.entries.count) entries, LocalAuthListMaxLength is \(maxLength)"
                    )
                ]
            )
        }
        localList = list
        var actions: [Action] = [.persist(.localList(list))]
        for key in list.entries.keys where cache[key] != nil {
            cache[key] = nil
            actions.append(.persist(.cacheEntryRemoved(idTag: key)))
        }
        actions.append(.notice("local authorization list version \(list.version): \(list.entries.count) entries"))
        return (.accepted, actions)
    }
}
