/// GetDiagnostics.req (OCPP 1.6 §5.9, §6.25, errata 3.31, 3.50): answered at once with
/// the name of the one file the station uploads (`UploadSteps`).
extension StationCore {
    mutating func getDiagnostics(_ request: GetDiagnosticsRequest) -> GetDiagnosticsResponse {
        if let current = diagnostics {
            abandonTransfer(.diagnostics)
            notice("GetDiagnostics replaces the upload of \(current.fileName)")
        }
        let name = Self.uploadFileName("diagnostics", at: wallClock)
        transfers.uploads[.diagnostics] = FileUpload(request, fileName: name)
        beginUploadTry(.diagnostics)
        return GetDiagnosticsResponse(fileName: CiString255(truncating: name))
    }

    /// `diagnostics-20261130T101500Z.txt` (`kind`, then the time of the request), so that
    /// uploads of one station do not overwrite each other.
    static func uploadFileName(_ kind: String, at time: Timestamp) -> String {
        let compact = time.rfc3339.prefix(19).filter { $0 != "-" && $0 != ":" }
        return "\(kind)-\(compact)Z.txt"
    }
}
