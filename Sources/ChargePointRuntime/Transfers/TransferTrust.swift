/// How a transfer trusts an https server: as the link does for wss:// (`--ca-file`,
/// `--insecure`), so that one flag covers the central system and the file servers it
/// names in UpdateFirmware and GetDiagnostics (OCPP 1.6 §5.19, §5.9).
public struct TransferTrust: Sendable, Equatable {
    /// PEM file of trusted certificate authorities (else the system store).
    public var caFile: String?
    /// Accept any server certificate (testing only).
    public var insecure: Bool

    public init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }
}
