/// ClearCache (OCPP 1.6 §5.4; messages §6.11 and §6.12).

/// The ClearCache.req payload.
public struct ClearCacheRequest: OCPPRequest {
    public init() {
    }
}

extension ClearCacheRequest {
    public typealias Response = ClearCacheResponse
    public static let action = Action.clearCache
}

/// The ClearCache.conf payload.
public struct ClearCacheResponse: OCPPResponse {
    public var status: ClearCacheStatus

    public init(status: ClearCacheStatus) {
        self.status = status
    }
}

/// OCPP 1.6 §7.20.
public enum ClearCacheStatus: String, OCPPEnumeration {
    case accepted = "Accepted"
    case rejected = "Rejected"
}
