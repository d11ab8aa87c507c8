/// How a transfer ended. A failure's reason is one line an operator can act on, with
/// any password in a URL masked (`TransferLocation.redacted`); it is what the
/// station reports as DownloadFailed / UploadFailed (OCPP 1.6 §4.5, §4.4) and logs.
public enum TransferResult: Sendable, Equatable {
    case succeeded(bytes: Int64)
    case failed(reason: String)
}
