/// Deciding whether an idTag may charge (OCPP 1.6 §3.5, §4.1, §5.11).
///
/// The local sources are the Local Authorization List (when LocalAuthListEnabled) and
/// the Authorization Cache (when AuthorizationCacheEnabled); the list has priority
/// (§3.5.3). Online, a locally valid idTag starts at once only with LocalPreAuthorize,
/// otherwise the central system is asked with Authorize.req; a cached NOT-valid entry is
/// asked about again (§3.5.1). Offline, a locally valid idTag starts with
/// LocalAuthorizeOffline, an unknown one with AllowOfflineTxForUnknownId (§3.5.4), and
/// an idTag that was valid but has expired is refused.
enum AuthorizeIntent: Sendable, Equatable {
    /// A card presented to start charging on a connector.
    case start(connector: Int)
    /// A different card presented to stop the transaction on a connector: allowed when
    /// it belongs to the same group (parentIdTag, §3.10).
    case stop(connector: Int)
    /// RemoteStartTransaction with AuthorizeRemoteTxRequests = true.
    case remoteStart(connector: Int)
}

extension AuthorizeIntent {
    var isStop: Bool {
        if case .stop = self { return true }
        return false
    }
}

/// What the local sources say of an idTag.
enum LocalAuthorization: Equatable {
    case valid(IdTagInfo)
    /// Known, but not Accepted (or expired by now): `fromList` tells whether the Local
    /// Authorization List said so, which is final.
    case invalid(IdTagInfo, fromList: Bool)
    case unknown
}

extension StationCore {
    var localListEnabled: Bool {
        profile.supports(.localAuthListManagement) && config.bool(.localAuthListEnabled) == true
    }

    var cacheEnabled: Bool { config.bool(.authorizationCacheEnabled) == true }

    /// Which local sources are enabled now.
    var authorizationSources: AuthorizationStore.Sources {
        AuthorizationStore.Sources(localList: localListEnabled, cache: cacheEnabled)
    }

    func lookUpLocally(_ idTag: IdToken) -> LocalAuthorization {
        authorization.lookUp(idTag, in: authorizationSources, at: wallClock)
    }

    /// The group (parentIdTag) of a locally valid idTag, if the local sources know it.
    func knownParentIdTag(_ idTag: IdToken) -> IdToken? {
        switch lookUpLocally(idTag) {
        case .valid(let info): info.parentIdTag
        default: nil
        }
    }

    /// Starts deciding on `idTag` for `intent`; the decision arrives in `authorized` or
    /// `authorizationRefused`, at once or when Authorize.conf comes back.
    mutating func authorize(_ idTag: IdToken, for intent: AuthorizeIntent) {
        let local = lookUpLocally(idTag)
        if isOnline {
            if case .valid(let info) = local, config.bool(.localPreAuthorize) == true {
                decide(idTag, intent, info, source: "local")
            } else if case .invalid(let info, fromList: true) = local {
                decide(idTag, intent, info, source: "the local authorization list")
            } else {
                enqueueCall(AuthorizeRequest(idTag: idTag), purpose: .authorize(idTag: idTag, intent: intent))
                notice("asking the central system about \(idTag)")
            }
        } else {
            decideOffline(idTag, intent, local)
        }
    }

    /// Why the station decides alone: offline, or online with a boot the central system
    /// has not accepted (OCPP 1.6 §4.2: Pending or Rejected), which is not "offline".
    private var notOnline: String {
        guard link.state == .connected else { return "offline" }
        return registration.state.status.map { "boot \($0.rawValue)" } ?? "boot not answered yet"
    }

    private mutating func decideOffline(_ idTag: IdToken, _ intent: AuthorizeIntent, _ local: LocalAuthorization) {
        switch local {
        case .valid(let info):
            if config.bool(.localAuthorizeOffline) == true {
                decide(idTag, intent, info, source: "\(notOnline), local")
            } else {
                refuse(idTag, intent, reason: "\(notOnline), and LocalAuthorizeOffline is false")
            }
        case .invalid(let info, _):
            decide(idTag, intent, info, source: "\(notOnline), local")
        case .unknown:
            if config.bool(.allowOfflineTxForUnknownId) == true, !intent.isStop {
                decide(idTag, intent, IdTagInfo(status: .accepted), source: "\(notOnline), unknown idTags allowed")
            } else {
                refuse(idTag, intent, reason: "\(notOnline), and \(idTag) is not known locally")
            }
        }
    }

    mutating func authorizeAnswered(idTag: IdToken, intent: AuthorizeIntent, _ outcome: CallOutcome) {
        guard case .result(let payload) = outcome, let response = decodeResponse(AuthorizeResponse.self, payload) else {
            // No answer: decide as if offline (§3.5).
            decideOffline(idTag, intent, lookUpLocally(idTag))
            return
        }
        remember(idTag, response.idTagInfo)
        decide(idTag, intent, response.idTagInfo, source: "the central system")
    }

    private mutating func decide(_ idTag: IdToken, _ intent: AuthorizeIntent, _ info: IdTagInfo, source: String) {
        var info = info
        if let expiry = info.expiryDate, expiry <= wallClock, info.status == .accepted { info.status = .expired }
        if info.status == .accepted {
            authorized(idTag, info: info, for: intent)
        } else {
            refuse(idTag, intent, reason: "\(info.status.rawValue) (\(source))")
        }
    }

    private mutating func refuse(_ idTag: IdToken, _ intent: AuthorizeIntent, reason: String) {
        notice("\(idTag) refused: \(reason)")
        authorizationRefused(idTag, for: intent)
    }

    /// Updates the cache with an IdTagInfo from Authorize.conf, StartTransaction.conf or
    /// StopTransaction.conf (`AuthorizationStore.remember`).
    mutating func remember(_ idTag: IdToken, _ info: IdTagInfo) {
        apply(authorization.remember(idTag, info, in: authorizationSources, at: wallClock))
    }

    /// Carries out what a change to the local sources requires, in order.
    mutating func apply(_ actions: [AuthorizationStore.Action]) {
        for action in actions {
            switch action {
            case .persist(let change): persist(change)
            case .notice(let text): notice(text)
            case .reportLocalListConflict(let idTag): reportLocalListConflict(idTag)
            }
        }
    }

    /// §3.5.2: the central system's verdict contradicts the local list.
    private mutating func reportLocalListConflict(_ idTag: IdToken) {
        guard isOnline else { return }
        let status = currentStatus(of: 0).status
        enqueueCall(
            StatusNotificationRequest(
                connectorId: 0, errorCode: .localListConflict, info: CiString50(truncating: "idTag \(idTag)"),
                status: status, timestamp: wallClock),
            purpose: .notification)
    }
}
