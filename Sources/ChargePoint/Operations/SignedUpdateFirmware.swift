/// SignedUpdateFirmware.req (security whitepaper L01): the signing certificate must chain
/// to an installed ManufacturerRootCertificate (else InvalidCertificate and an
/// InvalidFirmwareSigningCertificate security event, L01.FR.02–03); then the update runs
/// as UpdateFirmware's does, reported by SignedFirmwareStatusNotification with the
/// requestId, the image's signature checked after the download (SignatureVerified, or
/// InvalidSignature and an InvalidFirmwareSignature security event).
extension StationCore {
    mutating func signedUpdateFirmware(_ request: SignedUpdateFirmwareRequest) -> SignedUpdateFirmwareResponse {
        let signing = request.firmware.signingCertificate.value
        let roots = certificates.filter { $0.use == .manufacturerRootCertificate }.map(\.pem)
        let problem = roots.isEmpty ? nil : certificateToolkit.chainProblem(signing, roots: roots, at: wallClock)
        if roots.isEmpty || problem != nil {
            let reason =
                problem.map { "the signing certificate: \($0)" } ?? "no ManufacturerRootCertificate is installed"
            reportError("SignedUpdateFirmware refused: \(reason)")
            securityEvent(.invalidFirmwareSigningCertificate, reason)
            return SignedUpdateFirmwareResponse(status: .invalidCertificate)
        }
        let (taken, canceled) = beginFirmwareUpdate(FirmwareUpdate(request), action: "SignedUpdateFirmware")
        guard taken else { return SignedUpdateFirmwareResponse(status: .rejected) }
        return SignedUpdateFirmwareResponse(status: canceled ? .acceptedCanceled : .accepted)
    }
}
