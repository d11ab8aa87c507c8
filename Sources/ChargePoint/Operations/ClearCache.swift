/// ClearCache (OCPP 1.6 §5.4, errata 3.23): Accepted and emptied when the station has
/// an authorization cache (the AuthorizationCacheEnabled key exists), Rejected when not.
extension StationCore {
    mutating func clearCache(_ request: ClearCacheRequest) -> ClearCacheResponse {
        guard config.supports(.authorizationCacheEnabled) else { return ClearCacheResponse(status: .rejected) }
        apply(authorization.clearCache())
        return ClearCacheResponse(status: .accepted)
    }
}
