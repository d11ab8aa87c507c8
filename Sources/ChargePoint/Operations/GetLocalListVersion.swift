/// GetLocalListVersion (OCPP 1.6 §5.10): the version of the local authorization list,
/// 0 when it is empty. (-1, "not supported", never occurs: a station without the Local
/// Auth List Management profile answers NotSupported before getting here.)
extension StationCore {
    mutating func getLocalListVersion(_ request: GetLocalListVersionRequest) -> GetLocalListVersionResponse {
        GetLocalListVersionResponse(
            listVersion: authorization.localList.entries.isEmpty ? 0 : authorization.localList.version)
    }
}
